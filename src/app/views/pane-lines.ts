// A process's pane: its state, what its terminal would show (its own lines, what it
// read, labelled with writer and actual reader), and its keyboard input at the bottom.
// Each transcript entry is laid out once per width and catalogue, and only the entries
// that fit are looked at, so a key press costs the same after a long lesson as fresh.
// Scrolled back by whole entries (PgUp), with a mark on the first row when there is
// more above and on the last when newer entries are below.
import type { Proc } from '../../ipc/events.js';
import type { ConversationState } from '../state/model.js';
import { KEPT_MESSAGES, entriesAfter, transcriptOf, type TranscriptEntry } from '../state/transcript.js';
import { EMPTY_ROW, framed, interned, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { inputLine } from '../widgets/text-input/input-line.js';
import type { TextInputState } from '../widgets/text-input/text-input-state.js';
import { truncateToWidth, widthOf, wrapToWidth } from '../../text/text-width.js';
import { dividerPid, pidWords, wiringWords, routeWords, stateWords, verdictTone, type Ui } from './phrases.js';

const MAX_MESSAGE_LINES = 3;

export interface PaneInput {
  draft: TextInputState;
  /** The process waits at its keyboard. */
  waiting: boolean;
  /** Keys go to this input now. */
  focused: boolean;
  /** The next key is a command (after Esc): no input has the keys. */
  keysMode: boolean;
  /** A line was sent and the process has not taken it yet. */
  pending: boolean;
  /** A short note from the input layer (an empty Enter, a line kept for later); it comes first. */
  note?: string | undefined;
}

export interface PaneLines {
  lines: Line[];
  /** Where the terminal cursor belongs, relative to the pane, when the input has focus. */
  cursor: { x: number; y: number } | null;
}

function messageLines(prefix: string, text: string, width: number, t: Ui, tone: Line[number]['tone']): Line[] {
  const shown = sanitizeForDisplay(text.length > 4000 ? text.slice(0, 4000) : text);
  const wrapped = wrapToWidth(prefix + shown, width);
  const lines = wrapped.slice(0, MAX_MESSAGE_LINES).map((l) => [seg(l, tone)]);
  if (wrapped.length > MAX_MESSAGE_LINES) {
    // One ellipsis says the display goes on; the note below says the data did not stop.
    const last = lines[MAX_MESSAGE_LINES - 1];
    if (last?.[0]) last[0] = seg(truncateToWidth(last[0].text, width - 1, '') + '…', tone);
    // The message's own bytes (not the wire tag or the newline), wrapped rather than cut.
    const note = t.transcript.longMessage(Buffer.byteLength(text));
    lines.push(...wrapToWidth(note, width).map((l) => [seg(l, 'dim')]));
  }
  return lines;
}

/** A divider's words, broken between its " · " parts when it can, so "child PID 142…" is never cut. */
function dividerLines(text: string, width: number): Line[] {
  const room = width - 4;
  const parts = text.split(' · ');
  const rows: string[] = [];
  for (const [i, part] of parts.entries()) {
    const piece = i < parts.length - 1 ? `${part} ·` : part;
    const last = rows.at(-1);
    if (last !== undefined && widthOf(`${last} ${piece}`) <= room) rows[rows.length - 1] = `${last} ${piece}`;
    else rows.push(...wrapToWidth(piece, room));
  }
  return rows.map((l, i) => [seg(i === 0 ? `── ${l} ` : `   ${l} `, 'dim'), seg('─'.repeat(Math.max(0, width - widthOf(l) - 4)), 'dim')]);
}

/** Laid-out lines per catalogue, per record (a message, divider or note: replaced, never changed), per proc, kind and width. */
const laidOut = new WeakMap<Ui, WeakMap<object, Map<string, Line[]>>>();

function recordOf(entry: TranscriptEntry): object {
  switch (entry.kind) {
    case 'dropped':
      return entry.dropped;
    case 'divider':
      return entry.divider;
    case 'note':
      return entry.note;
    default:
      return entry.message;
  }
}

function cachedEntryLines(entry: TranscriptEntry, proc: Proc, width: number, t: Ui): Line[] {
  let byRecord = laidOut.get(t);
  if (!byRecord) laidOut.set(t, (byRecord = new WeakMap()));
  const record = recordOf(entry);
  let byShape = byRecord.get(record);
  if (!byShape) byRecord.set(record, (byShape = new Map()));
  const key = `${proc}:${entry.kind}:${width}`;
  let lines = byShape.get(key);
  if (!lines) byShape.set(key, (lines = entryLines(entry, proc, width, t)));
  return lines;
}

function entryLines(entry: TranscriptEntry, proc: Proc, width: number, t: Ui): Line[] {
  switch (entry.kind) {
    case 'dropped':
      return wrapToWidth(t.transcript.dropped(entry.dropped.conversations, entry.dropped.messages, KEPT_MESSAGES), width).map((l) => [seg(l, 'dim')]);
    case 'divider': {
      const d = entry.divider;
      const pid = dividerPid(t, d.childPid, d.childTid);
      const mode = wiringWords(t, d.wiring);
      const text =
        d.reason === 'toggle'
          ? t.transcript.dividerToggle(mode, pid, d.firstTurn)
          : d.reason === 'restart'
            ? t.transcript.dividerRestart(mode, pid)
            : d.reason === 'respawn'
              ? t.transcript.dividerRespawn(pid, d.firstTurn)
              : t.transcript.dividerStart(mode, pid);
      return dividerLines(text, width);
    }
    case 'wrote':
      return [
        ...messageLines(t.transcript.typed, entry.message.text, width, t, proc),
        ...wrapLine([seg('  '), ...routeWords(t, entry.message)], width, '    '),
      ];
    case 'read': {
      // The program prints "from Parent:" whatever it read: a line it read back from itself is marked as its own.
      const prefix = proc === 'parent' ? t.transcript.fromChild : t.transcript.fromParent;
      const own = entry.message.writer === proc ? wrapLine([seg(`  ${t.transcript.ownLine(t.procLower[proc])}`, 'danger')], width, '    ') : [];
      // What the reader took: on signals with bits lost, not what was written.
      return [
        ...messageLines(prefix, entry.message.received?.text ?? entry.message.text, width, t, verdictTone(entry.message)),
        ...own,
        ...wrapLine([seg('  '), ...routeWords(t, entry.message)], width, '    '),
      ];
    }
    case 'note': {
      const n = entry.note;
      const text = n.kind === 'eof' ? t.transcript.eof(n.detail) : n.kind === 'errno' ? t.transcript.errno(n.detail) : t.transcript.frameError(n.detail);
      // Wrapped, not cut: the kernel's answer is at the end (msgsnd: EINVAL: larger than msgmax 8192).
      return wrapLine([seg(`! ${sanitizeForDisplay(text)}`, 'warn')], width, '  ');
    }
  }
}

export function paneLines(
  t: Ui,
  state: ConversationState,
  proc: Proc,
  input: PaneInput,
  width: number,
  height: number,
  stuck: boolean,
  clockRuns?: boolean,
  scrollBack = 0,
): PaneLines {
  const inner = width - 2;
  const title: Line = [seg(t.paneTitle(t.proc[proc], pidWords(t, state, proc)), proc)];

  const keyboard = proc === 'child' ? t.input.childKeyboard : t.input.parentKeyboard;
  const note = input.note
    ? input.note
    : input.draft.refused > 0
    ? t.input.full(input.draft.refused)
    : input.pending
      ? t.input.sent
      : !input.waiting
        ? t.input.notTyping
        : input.keysMode
          ? t.input.keysOff
          : !input.focused
            ? t.input.tabHere
            : '';
  // The pane's title already names the process: when the label does not fit, the note alone says what matters.
  const shortNote = note === t.input.keysOff ? [t.input.keysOffShort] : input.draft.refused > 0 ? [t.input.fullShort] : [];
  const labels = note ? [`${keyboard} (${note})`, note, ...shortNote] : [keyboard];
  const label = truncateToWidth(labels.find((l) => widthOf(l) <= inner - 4) ?? labels.at(-1) ?? '', inner - 4);
  const separator = interned([seg(`── ${label} ${'─'.repeat(Math.max(0, inner - widthOf(label) - 4))}`, input.draft.refused > 0 ? 'warn' : input.focused ? 'ok' : 'dim')]);
  const promptText = '› ';
  const field = inputLine(input.draft, inner - widthOf(promptText));
  // A newcomer's eyes are on the active input: while it is empty it says what to do (dim), until the first key.
  const room = inner - widthOf(promptText);
  const hint = input.focused && !input.pending && input.draft.value === '' ? [t.input.hint[proc], t.input.hintShort].find((h) => widthOf(h) <= room) : undefined;
  const inputRow = interned([seg(promptText, input.focused ? 'ok' : 'dim'), hint ? seg(hint, 'dim') : seg(field.text, input.focused ? 'plain' : 'dim')]);

  const body = [...upperRows(t, state, proc, inner, height, stuck, clockRuns, scrollBack), separator, inputRow];
  const lines = framed(title, body, width, height, input.focused ? proc : 'dim');
  const cursor = input.focused && input.waiting && !input.pending ? { x: 1 + widthOf(promptText) + field.cursorColumn, y: height - 2 } : null;
  return { lines, cursor };
}

/** What each pane's upper rows were last laid out from, and the rows: a key press changes none of it. */
const lastUpper = new Map<Proc, { from: unknown[]; rows: Line[] }>();

/** The state and the transcript, above the input: laid out again only when what they show changed, never for a key press. */
function upperRows(t: Ui, state: ConversationState, proc: Proc, inner: number, height: number, stuck: boolean, clockRuns: boolean | undefined, scrollBack: number): Line[] {
  const from = [t, state, inner, height, stuck, clockRuns, scrollBack];
  const last = lastUpper.get(proc);
  if (last && last.from.every((v, i) => v === from[i])) return last.rows;
  const rows = layOutUpperRows(t, state, proc, inner, height, stuck, clockRuns, scrollBack);
  lastUpper.set(proc, { from, rows });
  return rows;
}

function layOutUpperRows(t: Ui, state: ConversationState, proc: Proc, inner: number, height: number, stuck: boolean, clockRuns: boolean | undefined, scrollBack: number): Line[] {
  const p = state.session?.[proc];
  const status: Line = p ? stateWords(t, state, proc, p, stuck, clockRuns) : [seg(t.state.starting, 'dim')];
  // The state wraps rather than lose its end (the fd, how long): "■ BLOCKED in read(fd 23)" / "  since 14:03:07".
  // Interned: a state that reads the same (a tick that changed no second) is the same rows.
  const statusRows = wrapLine(status, inner, '  ').slice(0, 2).map(interned);
  const bodyRows = Math.max(0, height - 2 - 2 - statusRows.length);
  // Scrolled by whole entries: a message never starts mid-way with an orphan continuation line.
  // Entries are laid out (once per width, cached) only as far back as the rows reach.
  const entries = transcriptOf(state, proc);
  const count = entries.length;
  const laidOut = (fromNewest: number): Line[] => cachedEntryLines(entries[count - 1 - fromNewest] as TranscriptEntry, proc, inner, t);
  const fill = (room: number, from = skipped): { rows: Line[]; taken: number } => {
    const rows: Line[] = [];
    let taken = 0;
    for (let k = from; k < count; k++) {
      const entry = laidOut(k);
      if (rows.length + entry.length > room) {
        if (rows.length === 0) rows.push(...entry.slice(0, room));
        break;
      }
      rows.unshift(...entry);
      taken++;
    }
    return { rows, taken };
  };
  // The marks take a row each, so no entry loses a line to them (too few rows: no marks).
  const marks = bodyRows > 3;
  // Scrolled back by moments shared with the other pane: both show the same moment at their foot.
  const skipped = entriesAfter(state, proc, scrollBack);
  const space = bodyRows - (marks && skipped > 0 ? 1 : 0);
  const first = fill(space);
  const above = marks && first.taken < count - skipped;
  const shown = above ? [interned([seg(truncateToWidth(t.transcript.moreAbove, inner), 'accent')]), ...fill(space - 1).rows] : first.rows;
  while (shown.length < space) shown.push(EMPTY_ROW);
  if (marks && skipped > 0) shown.push(interned([seg(truncateToWidth(t.transcript.moreBelow(skipped), inner), 'accent')]));
  return [...statusRows, ...shown];
}
