// What one process's terminal would show: its own lines, what it read, the session
// dividers and its notes, in the order they happened. The history is bounded: when a
// conversation starts, the oldest conversations are let go once the others hold more
// than KEPT_MESSAGES messages or number more than KEPT_CONVERSATIONS (the current
// conversation always stays whole), and the
// transcript then begins with a line that says how much was dropped. Each state's
// transcript is built once, however many frames (key presses) draw it.
import { WIRINGS, type Proc } from '../../ipc/events.js';
import type { ConversationState, Divider, DroppedHistory, MessageRecord, Note } from './model.js';
import { addCounts, countOf } from './tallies.js';

/** Messages kept from earlier conversations (the current one is kept whole whatever its size). */
export const KEPT_MESSAGES = 200;
/** And at most this many earlier conversations, however few messages they hold (restarts with none still add a divider each). */
export const KEPT_CONVERSATIONS = 100;

export type TranscriptEntry =
  | { kind: 'dropped'; at: number; dropped: DroppedHistory }
  | { kind: 'wrote'; at: number; message: MessageRecord }
  | { kind: 'read'; at: number; message: MessageRecord }
  | { kind: 'divider'; at: number; divider: Divider }
  | { kind: 'note'; at: number; note: Note };

const built = new WeakMap<ConversationState, Partial<Record<Proc, TranscriptEntry[]>>>();

/** What one process's terminal would show: its own lines, what it read, and the session dividers. */
export function transcriptOf(state: ConversationState, proc: Proc): TranscriptEntry[] {
  const cached = built.get(state)?.[proc];
  if (cached) return cached;
  const entries: TranscriptEntry[] = [];
  for (const d of state.dividers) entries.push({ kind: 'divider', at: d.at, divider: d });
  for (const m of state.messages) {
    // A line shows as this process's own only once it reported writing it: a tag alone proves nothing.
    if (m.attribution === 'ours' && m.writer === proc && m.writtenAt !== null) entries.push({ kind: 'wrote', at: m.writtenAt, message: m });
    if (m.reader === proc && m.readAt !== null) entries.push({ kind: 'read', at: m.readAt, message: m });
  }
  for (const n of state.notes) if (n.proc === proc) entries.push({ kind: 'note', at: n.at, note: n });
  const rank = { dropped: -1, divider: 0, wrote: 1, read: 2, note: 3 } as const;
  entries.sort((a, b) => a.at - b.at || rank[a.kind] - rank[b.kind]);
  if (state.dropped.conversations > 0) entries.unshift({ kind: 'dropped', at: -Infinity, dropped: state.dropped });
  built.set(state, { ...built.get(state), [proc]: entries });
  return entries;
}

/** Every moment either pane has an entry at, oldest first: the panes scroll back through these together. */
export function moments(state: ConversationState): number[] {
  const times = new Set([...transcriptOf(state, 'parent'), ...transcriptOf(state, 'child')].map((e) => e.at));
  return [...times].sort((a, b) => a - b);
}

/**
 * How many of `proc`'s newest entries are out of view when the panes are scrolled back
 * `scrollBack` moments: those after the newest moment still shown, so that both panes
 * always show the same moment at their foot.
 */
export function entriesAfter(state: ConversationState, proc: Proc, scrollBack: number): number {
  if (scrollBack <= 0) return 0;
  const all = moments(state);
  const shownUntil = all[Math.max(0, all.length - 1 - scrollBack)] ?? -Infinity;
  return transcriptOf(state, proc).filter((e) => e.at > shownUntil).length;
}

/**
 * Lets go of the oldest conversations (their messages, notes and dividers) while the
 * older ones kept hold more than `keep` messages; the current conversation is never
 * touched. Their counts go on in the wiring tallies through `dropped`.
 */
export function trimHistory(state: ConversationState, keep = KEPT_MESSAGES): ConversationState {
  const current = state.session?.id;
  const older = state.messages.filter((m) => m.session !== current);
  const olderConversations = state.dividers.filter((d) => d.session !== current).length;
  if (older.length <= keep && olderConversations <= KEPT_CONVERSATIONS) return state;
  const perSession = new Map<number, number>();
  for (const m of older) perSession.set(m.session, (perSession.get(m.session) ?? 0) + 1);
  // Walk back from the newest older conversation; the first that does not fit, and all before it, go.
  let kept = 0;
  let keptConversations = 0;
  let firstKept = current ?? Infinity;
  for (let i = state.dividers.length - 1; i >= 0; i--) {
    const id = (state.dividers[i] as Divider).session;
    if (id === current) continue;
    const n = perSession.get(id) ?? 0;
    if (kept + n > keep || keptConversations === KEPT_CONVERSATIONS) break;
    kept += n;
    keptConversations++;
    firstKept = id;
  }
  const stays = (session: number) => session >= firstKept || session === current;
  const gone = state.messages.filter((m) => !stays(m.session));
  const goneDividers = state.dividers.filter((d) => !stays(d.session));
  const wiringOf = new Map(goneDividers.map((d) => [d.session, d.wiring]));
  const tally = { ...state.dropped.tally };
  for (const wiring of WIRINGS) tally[wiring] = addCounts(tally[wiring], countOf(gone.filter((m) => wiringOf.get(m.session) === wiring)));
  return {
    ...state,
    messages: state.messages.filter((m) => stays(m.session)),
    dividers: state.dividers.filter((d) => stays(d.session)),
    notes: state.notes.filter((n) => stays(n.session)),
    dropped: { conversations: state.dropped.conversations + goneDividers.length, messages: state.dropped.messages + gone.length, tally },
  };
}
