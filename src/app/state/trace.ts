// The trace panel's record of every read() and write() both processes made: a ring of
// the latest calls (older ones are dropped, the count goes on), ordered like strace -tt
// by when each call was entered, with the first bytes kept for a preview.
import type { LinkEvent } from '../../ipc/events.js';
import type { ConversationState, SessionState, TraceEntry } from './model.js';

const TRACE_LIMIT = 2000;
const PREVIEW_BYTES = 160;

/** The state with this call added to the trace. */
export function traceCall(state: ConversationState, session: SessionState, event: Extract<LinkEvent, { type: 'syscall' }>, bytes: Buffer): ConversationState {
  const entry: TraceEntry = {
    id: state.traceCount,
    session: session.id,
    start: event.start,
    at: event.at,
    proc: event.proc,
    pid: session[event.proc].pid,
    call: event.call,
    fd: event.fd,
    ...(event.on === undefined ? {} : { on: event.on }),
    result: event.result,
    requested: event.requested,
    // A copy: a slice would keep the whole read buffer (up to 64 KiB) alive for each of the 2000 entries.
    head: Buffer.from(bytes.subarray(0, PREVIEW_BYTES)),
  };
  const trace = insertByStart(state.trace.length >= TRACE_LIMIT ? state.trace.slice(1 - TRACE_LIMIT) : state.trace, entry);
  return { ...state, trace, traceCount: state.traceCount + 1 };
}

/**
 * The trace is ordered by when each call was entered, like strace -tt: a blocking read
 * entered before the write that fed it comes first, whichever process reported first.
 */
function insertByStart(trace: TraceEntry[], entry: TraceEntry): TraceEntry[] {
  let i = trace.length;
  while (i > 0 && (trace[i - 1]?.start ?? 0) > entry.start) i--;
  return [...trace.slice(0, i), entry, ...trace.slice(i)];
}
