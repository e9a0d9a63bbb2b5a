// The conversation as the UI knows it, changed only by actions. Every action carries
// its own time (microseconds on the monotonic clock both processes share), and the
// reducer never performs I/O, so the whole story (three clean turns, a stolen message,
// a deadlock) can be replayed and tested from a list of events. Events from the two
// processes arrive in no guaranteed order (the parent's at once, the child's over its
// stdout), so messages are keyed by writer and sequence number, never by arrival.
import type { FdInfo, LinkEvent, PipeMode, Proc, ProcActivity } from '../../ipc/events.js';
import { parseFrame } from '../../ipc/framing.js';
import type { PipeDescription } from '../../ipc/link.js';

export const TURNS = 3;
const TRACE_LIMIT = 2000;
const PREVIEW_BYTES = 160;

export type StartReason = 'start' | 'toggle' | 'restart' | 'respawn';

/** How a read message relates to the conversation. */
export type Verdict = 'delivered' | 'stolen' | 'out-of-turn' | 'untagged';

export interface ProcState {
  pid: number | null;
  activity: ProcActivity | null;
  /** When the current activity began (µs). */
  since: number;
  fds: FdInfo[];
  /** Whole messages this process has read, and written, in this session. */
  reads: number;
  writes: number;
  exit: { code: number | null; signal: string | null } | null;
  /** Its read returned 0: no writer is left. */
  eof: boolean;
  /** The errno that stopped a read or write. */
  error: string | null;
  /** A line was handed to its keyboard and it has not moved on yet. */
  keyboardPending: boolean;
  /** The kernel has it stopped (state T in /proc): whatever call it is in, it does not run. */
  stopped: boolean;
}

export interface ByteChunk {
  at: number;
  proc: Proc;
  fd: number;
  bytes: Buffer;
}

export interface ReadCount {
  at: number;
  proc: Proc;
  fd: number;
  count: number;
}

export interface SessionState {
  id: number;
  mode: PipeMode;
  firstTurn: number;
  reason: StartReason;
  startedAt: number;
  status: 'opening' | 'open' | 'failed';
  error: string | null;
  pipes: PipeDescription[];
  parent: ProcState;
  child: ProcState;
  /** Bytes each process wrote that do not end a frame yet. */
  partialWrites: Record<Proc, Buffer>;
  writes: ByteChunk[];
  reads: ReadCount[];
  /** The parent waits for the child's line before its read delay starts (see parent delay knob). */
  parentAwaitsChildLine: boolean;
  untagged: number;
}

export interface MessageRecord {
  id: string;
  session: number;
  writer: Proc | null;
  seq: number;
  text: string;
  bytes: number;
  writtenAt: number | null;
  reader: Proc | null;
  readAt: number | null;
  /** The sequence number the reader was waiting for (its turn). */
  expected: number | null;
  verdict: Verdict | null;
}

export interface Divider {
  id: string;
  session: number;
  at: number;
  reason: StartReason;
  mode: PipeMode;
  firstTurn: number;
  childPid: number | null;
}

export interface Note {
  id: string;
  session: number;
  at: number;
  proc: Proc;
  kind: 'frame-error' | 'eof' | 'errno';
  detail: string;
}

export interface TraceEntry {
  id: number;
  session: number;
  /** When the call was entered and when it returned (µs, the clock both processes share). */
  start: number;
  at: number;
  proc: Proc;
  pid: number | null;
  call: 'read' | 'write';
  fd: number;
  result: number | string;
  requested: number;
  /** The first bytes moved, for a preview. */
  head: Buffer;
}

export interface Knobs {
  childDelayMs: number;
  parentDelayMs: number;
}

export interface ConversationState {
  turns: number;
  session: SessionState | null;
  messages: MessageRecord[];
  dividers: Divider[];
  notes: Note[];
  trace: TraceEntry[];
  traceCount: number;
  counters: { delivered: number; stolen: number; outOfTurn: number };
  knobs: Knobs;
  /** Latest time seen (µs), from events and clock ticks. */
  now: number;
  /** When the first session started: trace times are relative to it. */
  origin: number | null;
  /**
   * Wall-clock time minus the monotonic clock (µs), measured when the latest session
   * started: turns an event's `at` into a time of day without a timer ("since 14:03:07").
   */
  wallOffsetUs: number | null;
}

export type Action =
  | {
      type: 'session-starting';
      session: number;
      mode: PipeMode;
      firstTurn: number;
      reason: StartReason;
      parentPid: number;
      at: number;
      /** The wall clock's µs at the same instant as `at`, read by the hook: the reducer reads no clock. */
      wallAt: number;
    }
  | {
      type: 'session-opened';
      session: number;
      childPid: number;
      pipes: PipeDescription[];
      parentFds: FdInfo[];
      childFds: FdInfo[];
      at: number;
    }
  | { type: 'session-failed'; session: number; message: string; at: number }
  | { type: 'link-event'; session: number; event: LinkEvent }
  | { type: 'keyboard-line'; session: number; proc: Proc; at: number }
  | { type: 'parent-awaits-child-line'; session: number; waiting: boolean; at: number }
  | { type: 'proc-stopped'; session: number; proc: Proc; stopped: boolean; at: number }
  | { type: 'knob-changed'; knob: keyof Knobs; ms: number }
  | { type: 'tick'; at: number };

export function initialState(knobs: Knobs = { childDelayMs: 0, parentDelayMs: 0 }, turns = TURNS): ConversationState {
  return {
    turns,
    session: null,
    messages: [],
    dividers: [],
    notes: [],
    trace: [],
    traceCount: 0,
    counters: { delivered: 0, stolen: 0, outOfTurn: 0 },
    knobs,
    now: 0,
    origin: null,
    wallOffsetUs: null,
  };
}

function newProc(pid: number | null, at: number): ProcState {
  return { pid, activity: null, since: at, fds: [], reads: 0, writes: 0, exit: null, eof: false, error: null, keyboardPending: false, stopped: false };
}

function later(now: number, at: number): number {
  return Math.max(now, at);
}

export function reduce(state: ConversationState, action: Action): ConversationState {
  switch (action.type) {
    case 'session-starting': {
      const session: SessionState = {
        id: action.session,
        mode: action.mode,
        firstTurn: action.firstTurn,
        reason: action.reason,
        startedAt: action.at,
        status: 'opening',
        error: null,
        pipes: [],
        parent: newProc(action.parentPid, action.at),
        child: newProc(null, action.at),
        partialWrites: { parent: Buffer.alloc(0), child: Buffer.alloc(0) },
        writes: [],
        reads: [],
        parentAwaitsChildLine: false,
        untagged: 0,
      };
      const divider: Divider = {
        id: `d${action.session}`,
        session: action.session,
        at: action.at,
        reason: action.reason,
        mode: action.mode,
        firstTurn: action.firstTurn,
        childPid: null,
      };
      return {
        ...state,
        session,
        dividers: [...state.dividers, divider],
        now: later(state.now, action.at),
        origin: state.origin ?? action.at,
        wallOffsetUs: action.wallAt - action.at,
      };
    }
    case 'session-opened': {
      const session = current(state, action.session);
      if (!session) return state;
      return {
        ...state,
        session: {
          ...session,
          status: 'open',
          pipes: action.pipes,
          parent: { ...session.parent, fds: action.parentFds },
          child: { ...session.child, pid: action.childPid, fds: session.child.fds.length > 0 ? session.child.fds : action.childFds },
        },
        dividers: state.dividers.map((d) => (d.session === action.session ? { ...d, childPid: action.childPid } : d)),
        now: later(state.now, action.at),
      };
    }
    case 'session-failed': {
      const session = current(state, action.session);
      if (!session) return state;
      return { ...state, session: { ...session, status: 'failed', error: action.message }, now: later(state.now, action.at) };
    }
    case 'keyboard-line': {
      const session = current(state, action.session);
      if (!session) return state;
      return {
        ...state,
        session: withProc(session, action.proc, (p) => ({ ...p, keyboardPending: true })),
        now: later(state.now, action.at),
      };
    }
    case 'parent-awaits-child-line': {
      const session = current(state, action.session);
      if (!session) return state;
      return { ...state, session: { ...session, parentAwaitsChildLine: action.waiting }, now: later(state.now, action.at) };
    }
    case 'proc-stopped': {
      const session = current(state, action.session);
      if (!session) return state;
      return { ...state, session: withProc(session, action.proc, (p) => ({ ...p, stopped: action.stopped })), now: later(state.now, action.at) };
    }
    case 'knob-changed':
      return { ...state, knobs: { ...state.knobs, [action.knob]: action.ms } };
    case 'tick':
      return action.at > state.now ? { ...state, now: action.at } : state;
    case 'link-event': {
      const session = current(state, action.session);
      if (!session) return state;
      return reduceEvent({ ...state, now: later(state.now, action.event.at) }, session, action.event);
    }
  }
}

function current(state: ConversationState, id: number): SessionState | null {
  return state.session && state.session.id === id ? state.session : null;
}

function withProc(session: SessionState, proc: Proc, change: (p: ProcState) => ProcState): SessionState {
  return proc === 'parent' ? { ...session, parent: change(session.parent) } : { ...session, child: change(session.child) };
}

function reduceEvent(state: ConversationState, session: SessionState, event: LinkEvent): ConversationState {
  switch (event.type) {
    case 'hello':
      return { ...state, session: withProc(session, 'child', (p) => ({ ...p, pid: event.pid, fds: event.fds })) };
    case 'activity':
      return {
        ...state,
        session: withProc(session, event.proc, (p) => ({
          ...p,
          activity: event.activity,
          since: event.at,
          keyboardPending: p.keyboardPending && event.activity.doing === 'typing',
        })),
      };
    case 'syscall':
      return reduceSyscall(state, session, event);
    case 'message':
      return reduceMessage(state, session, event.proc, event.frame, event.at);
    case 'frame-error':
      return { ...state, notes: [...state.notes, note(state, session, event.proc, event.at, 'frame-error', event.error)] };
    case 'exit':
      return { ...state, session: withProc(session, 'child', (p) => ({ ...p, exit: { code: event.code, signal: event.signal } })) };
  }
}

function note(state: ConversationState, session: SessionState, proc: Proc, at: number, kind: Note['kind'], detail: string): Note {
  return { id: `n${session.id}.${state.notes.length}`, session: session.id, at, proc, kind, detail };
}

function reduceSyscall(state: ConversationState, session: SessionState, event: Extract<LinkEvent, { type: 'syscall' }>): ConversationState {
  const bytes = Buffer.from(event.data, 'base64');
  const entry: TraceEntry = {
    id: state.traceCount,
    session: session.id,
    start: event.start,
    at: event.at,
    proc: event.proc,
    pid: session[event.proc].pid,
    call: event.call,
    fd: event.fd,
    result: event.result,
    requested: event.requested,
    head: bytes.subarray(0, PREVIEW_BYTES),
  };
  const trace = insertByStart(state.trace.length >= TRACE_LIMIT ? state.trace.slice(1 - TRACE_LIMIT) : state.trace, entry);
  let next: ConversationState = { ...state, trace, traceCount: state.traceCount + 1 };
  if (typeof event.result === 'string') {
    if (event.result === 'EAGAIN') return next;
    return {
      ...next,
      session: withProc(session, event.proc, (p) => ({ ...p, error: event.result as string })),
      notes: [...next.notes, note(next, session, event.proc, event.at, 'errno', `${event.call}(fd ${event.fd}) = ${event.result}`)],
    };
  }
  if (event.call === 'read') {
    if (event.result === 0) {
      return {
        ...next,
        session: withProc(session, event.proc, (p) => ({ ...p, eof: true })),
        notes: [...next.notes, note(next, session, event.proc, event.at, 'eof', `read(fd ${event.fd}) = 0`)],
      };
    }
    return { ...next, session: { ...session, reads: [...session.reads, { at: event.at, proc: event.proc, fd: event.fd, count: event.result }] } };
  }
  // A write: the bytes are now in the pipe; whole frames among them are messages written.
  let written: SessionState = { ...session, writes: [...session.writes, { at: event.at, proc: event.proc, fd: event.fd, bytes }] };
  let pending = Buffer.concat([session.partialWrites[event.proc], bytes]);
  for (let nl = pending.indexOf(0x0a); nl !== -1; nl = pending.indexOf(0x0a)) {
    const frame = parseFrame(pending.subarray(0, nl + 1));
    pending = pending.subarray(nl + 1);
    const writer = frame.writer ?? event.proc;
    const id = `${session.id}:${writer}${frame.seq}`;
    next = upsertMessage(next, id, (m) => ({
      ...(m ?? blankMessage(id, session.id, writer, frame.seq, frame.text, frame.bytes)),
      writtenAt: event.at,
    }));
    written = withProc(written, event.proc, (p) => ({ ...p, writes: p.writes + 1 }));
  }
  written = { ...written, partialWrites: { ...written.partialWrites, [event.proc]: Buffer.from(pending) } };
  return { ...next, session: written };
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

function blankMessage(id: string, session: number, writer: Proc | null, seq: number, text: string, bytes: number): MessageRecord {
  return { id, session, writer, seq, text, bytes, writtenAt: null, reader: null, readAt: null, expected: null, verdict: null };
}

function upsertMessage(state: ConversationState, id: string, change: (m: MessageRecord | undefined) => MessageRecord): ConversationState {
  const index = state.messages.findIndex((m) => m.id === id);
  if (index === -1) return { ...state, messages: [...state.messages, change(undefined)] };
  const messages = state.messages.slice();
  messages[index] = change(messages[index]);
  return { ...state, messages };
}

function reduceMessage(
  state: ConversationState,
  session: SessionState,
  reader: Proc,
  frame: { writer: Proc | null; seq: number; text: string; bytes: number },
  at: number,
): ConversationState {
  const readerState = session[reader];
  const expected = session.firstTurn + readerState.reads;
  const verdict: Verdict =
    frame.writer === null ? 'untagged' : frame.writer === reader ? 'stolen' : frame.seq === expected ? 'delivered' : 'out-of-turn';
  const id = frame.writer === null ? `${session.id}:?${session.untagged}` : `${session.id}:${frame.writer}${frame.seq}`;
  const next = upsertMessage(state, id, (m) => ({
    ...(m ?? blankMessage(id, session.id, frame.writer, frame.seq, frame.text, frame.bytes)),
    reader,
    readAt: at,
    expected,
    verdict,
  }));
  const counters = { ...state.counters };
  if (verdict === 'stolen') counters.stolen++;
  else if (verdict === 'delivered') counters.delivered++;
  else if (verdict === 'out-of-turn') {
    counters.delivered++;
    counters.outOfTurn++;
  }
  return {
    ...next,
    counters,
    session: {
      ...withProc(session, reader, (p) => ({ ...p, reads: p.reads + 1 })),
      untagged: session.untagged + (frame.writer === null ? 1 : 0),
    },
  };
}
