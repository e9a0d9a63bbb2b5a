// What the named wiring adds to the screen: the FIFO's path (in a directory only this
// user can open), the outside processes that hold it open (PID, command, how), and, when
// a message of ours is gone from the pipe unread by either of our processes, who took
// it: one outside reader whose rchar grew by at least those bytes did; with several, the
// ones that could have are named as an inference, not a fact.
import type { ConversationState } from '../state/model.js';
import type { OutsideHolder } from '../hooks/use-outside-holders.js';
import { seg, type Line } from '../text/styled-lines.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import type { Ui } from './phrases.js';
import { graphemes, widthOf } from '../text/text-width.js';

function accessWords(t: Ui, access: OutsideHolder['fds'][number]['access']): string {
  return access === 'read' ? t.fds.read : access === 'write' ? t.fds.write : t.fds.readWrite;
}

function chunks(text: string, width: number): string[] {
  const out: string[] = [];
  let row = '';
  for (const g of graphemes(text)) {
    if (widthOf(row + g) > width) {
      out.push(row);
      row = '';
    }
    row += g;
  }
  return [...out, row];
}

/** Our bytes written and not read by either of our processes (on the one FIFO of the named wiring). */
function ourUnread(state: ConversationState): number {
  const s = state.session;
  if (!s) return 0;
  const written = s.writes.reduce((sum, w) => sum + w.bytes.length, 0);
  return Math.max(0, written - s.reads.reduce((sum, r) => sum + r.count, 0));
}

/** Who took our unread bytes, if an outside reader's rchar says it read them. */
export function takerWords(t: Ui, state: ConversationState, holders: OutsideHolder[]): string | null {
  const missing = ourUnread(state);
  if (missing === 0) return null;
  const readers = holders.filter((h) => h.fds.some((f) => f.access !== 'write') && h.readSince >= missing);
  const [only] = readers;
  if (readers.length === 1 && only) return t.chapter.named.took(only.pid, sanitizeForDisplay(only.command), only.readSince);
  if (readers.length > 1) return t.chapter.named.couldHave(readers.map((h) => `${h.pid} ${sanitizeForDisplay(h.command)}`).join(', '));
  return null;
}

export function namedLines(t: Ui, state: ConversationState, holders: OutsideHolder[], width: number): Line[] {
  const path = state.session?.path;
  if (state.session?.wiring !== 'named' || !path) return [];
  const n = t.chapter.named;
  const taker = takerWords(t, state, holders);
  return [
    // The path is what a user types into another terminal: cut into whole rows, never shortened.
    ...chunks(n.path(sanitizeForDisplay(path)), width).map((c): Line => [seg(c, 'accent')]),
    [seg(n.private, 'dim')],
    ...(holders.length === 0
      ? [[seg(n.nobody, 'dim')]]
      : holders.map((h): Line => [seg(n.holder(h.pid, sanitizeForDisplay(h.command), h.fds.map((f) => accessWords(t, f.access)).join(', ')), 'warn')])),
    ...(taker ? [[seg(taker, 'danger')]] : []),
  ];
}
