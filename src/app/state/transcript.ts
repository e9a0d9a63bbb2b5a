// What one process's terminal would show: its own lines, what it read, the session
// dividers and its notes, in the order they happened.
import type { Proc } from '../../ipc/events.js';
import type { ConversationState, Divider, MessageRecord, Note } from './model.js';

export type TranscriptEntry =
  | { kind: 'wrote'; at: number; message: MessageRecord }
  | { kind: 'read'; at: number; message: MessageRecord }
  | { kind: 'divider'; at: number; divider: Divider }
  | { kind: 'note'; at: number; note: Note };

/** What one process's terminal would show: its own lines, what it read, and the session dividers. */
export function transcriptOf(state: ConversationState, proc: Proc): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  for (const d of state.dividers) entries.push({ kind: 'divider', at: d.at, divider: d });
  for (const m of state.messages) {
    if (m.writer === proc && m.writtenAt !== null) entries.push({ kind: 'wrote', at: m.writtenAt, message: m });
    else if (m.writer === proc && m.reader !== null) entries.push({ kind: 'wrote', at: m.readAt ?? 0, message: m });
    if (m.reader === proc && m.readAt !== null) entries.push({ kind: 'read', at: m.readAt, message: m });
  }
  for (const n of state.notes) if (n.proc === proc) entries.push({ kind: 'note', at: n.at, note: n });
  const rank = { divider: 0, wrote: 1, read: 2, note: 3 } as const;
  return entries.sort((a, b) => a.at - b.at || rank[a.kind] - rank[b.kind]);
}
