// Who took our bytes from a named pipe. The kernel does not say who read a pipe's
// bytes; /proc/PID/io says how many bytes each process has read (rchar). When bytes of
// ours are gone from the pipe unread by either of our processes and one outside reader's
// rchar grew by at least that many since it was first seen, that reader took them; with
// several such readers, any of them could have (an inference, said as one). The UI
// brings the holders in on an action (a /proc look, at most once a second); the reducer
// marks the messages one reader took, so every view names the taker.
import { channelEnds } from '../../channels/ends-registry.js';
import type { FifoHolder } from '../../ipc/fifo-holders.js';
import type { ConversationState, SessionState } from './model.js';

export interface OutsideHolder extends FifoHolder {
  /** Bytes it read, and wrote, since the screen first saw it hold the FIFO (from /proc/PID/io). */
  readSince: number;
  wroteSince: number;
}

/** Our bytes written and not read by either of our processes (on the one FIFO of a channel others can open). */
function ourUnread(session: SessionState): number {
  const written = session.writes.reduce((sum, w) => sum + w.bytes.length, 0);
  return Math.max(0, written - session.reads.reduce((sum, r) => sum + r.count, 0));
}

/** The outside readers whose rchar grew by at least our unread bytes, and how many bytes those are. */
export function outsideTakers(state: ConversationState, holders: OutsideHolder[]): { readers: OutsideHolder[]; bytes: number } | null {
  const session = state.session;
  if (!session || !channelEnds(session.wiring).openToOthers) return null;
  const bytes = ourUnread(session);
  if (bytes === 0) return null;
  const readers = holders.filter((h) => h.fds.some((f) => f.access !== 'write') && h.readSince >= bytes);
  return readers.length > 0 ? { readers, bytes } : null;
}

/** The messages of the current session that one outside reader took, marked with its PID and command. */
export function markTaken(state: ConversationState, holders: OutsideHolder[]): ConversationState {
  const [only, ...more] = outsideTakers(state, holders)?.readers ?? [];
  const id = state.session?.id;
  if (!only || more.length > 0) return state;
  const taken = (m: ConversationState['messages'][number]) => m.session === id && m.writer !== null && m.reader === null && !m.takenBy;
  if (!state.messages.some(taken)) return state;
  return { ...state, messages: state.messages.map((m) => (taken(m) ? { ...m, takenBy: { pid: only.pid, command: only.command } } : m)) };
}
