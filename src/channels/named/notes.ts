// What the named pipe adds under its drawing, source and fds: that its FIFO (whose path
// has a row of its own, path-line.ts) is in a directory only this user can open, the
// outside processes that hold it open (PID, command, how), and, when a message of ours is
// gone from the pipe unread by either of our processes, who took it: one outside reader
// whose rchar grew by at least those bytes did; with several, the ones that could have
// are named as an inference, not a fact.
import type { ConversationState } from '../../app/state/model.js';
import type { OutsideHolder } from '../../app/state/model.js';
import { outsideTakers } from '../../app/state/outside-takers.js';
import { seg, type Line } from '../../text/styled-lines.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import type { Ui } from '../../app/views/phrases.js';
import type { Tone } from '../../text/theme.js';
import { wrapToWidth } from '../../text/text-width.js';

function accessWords(t: Ui, access: OutsideHolder['fds'][number]['access']): string {
  return access === 'read' ? t.fds.read : access === 'write' ? t.fds.write : t.fds.readWrite;
}

function takerWords(t: Ui, state: ConversationState, holders: OutsideHolder[]): string | null {
  const takers = outsideTakers(state, holders);
  const [only, ...more] = takers?.readers ?? [];
  if (!only) return null;
  if (more.length === 0) return t.channels.named.took(only.pid, sanitizeForDisplay(only.command), only.readSince);
  return t.channels.named.couldHave([only, ...more].map((h) => `${h.pid} ${sanitizeForDisplay(h.command)}`).join(', '));
}

export function namedLines(t: Ui, state: ConversationState, holders: OutsideHolder[], width: number): Line[] {
  if (!state.session?.path) return [];
  const n = t.channels.named;
  const taker = takerWords(t, state, holders);
  const words = (text: string, tone: Tone): Line[] => wrapToWidth(text, width).map((l): Line => [seg(l, tone)]);
  return [
    ...words(n.private, 'dim'),
    ...(holders.length === 0
      ? words(n.nobody, 'dim')
      : holders.flatMap((h) => words(n.holder(h.pid, sanitizeForDisplay(h.command), h.fds.map((f) => accessWords(t, f.access)).join(', ')), 'warn'))),
    ...(taker ? words(taker, 'danger') : []),
  ];
}
