// The conversation's data model: what the UI knows about each process, each message
// (keyed by writer and sequence number, never by arrival, since the two processes'
// reports arrive in no guaranteed order), the dividers, notes and the trace. Every
// action carries its own time (µs on the monotonic clock both processes share).
import { WIRINGS, type FdInfo, type Proc, type ThreadFd, type WiredActivity, type Wiring } from '../../ipc/events.js';
import type { PipeDescription } from '../../ipc/link.js';
import type { Knobs, SessionEvent, StartReason } from '../../session/session-events.js';
import type { FifoHolder } from '../../ipc/fifo-holders.js';
import type { Problem } from '../../i18n/problems.js';

export const TURNS = 3;

/** How a read message relates to the conversation. */
export type Verdict = 'delivered' | 'stolen' | 'out-of-turn' | 'untagged' | 'forged' | 'garbled';

/**
 * Who really wrote a message. The kernel does not record writers; our own processes report
 * every write they make. 'ours': our writer reported writing exactly these bytes. 'outside':
 * no process of ours wrote them (an untagged line, or a line carrying our tag that our
 * writer never wrote: forged). 'pending': read before its writer's report of the write
 * has arrived: not yet attributed, never guessed.
 */
export type Attribution = 'ours' | 'outside' | 'pending';

export interface ProcState {
  pid: number | null;
  activity: WiredActivity | null;
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
  /** A reader without waiting (shm-busy); null for one the kernel makes wait. */
  spin: SpinState | null;
  /** The thread that plays it, as its hello said (a child thread's TID differs from its PID: threads); null before. */
  tid: number | null;
  /** A child thread's fds in the one process's table, as its hello said (events.ts ThreadFd); none for a process. */
  threadFds: ThreadFd[];
  /** What its last read of signals took (signal); null before one, and on other channels. */
  bits: BitsTaken | null;
}

/** A message read as signals: the bits taken, the PIDs the kernel named as their senders, and when the read said so. */
export interface BitsTaken {
  received: number;
  senders: number[];
  at: number;
}

/** What a spinning reader has said (events.ts 'read-note') and what /proc said of its thread's CPU. */
export interface SpinState {
  /** The thread that spins (the child's main thread, the parent's call thread). */
  tid: number;
  /** It waits in Atomics.wait instead of spinning (threads); then `inFutex` says whether /proc last showed that thread in futex (null before the first look). */
  waits: boolean;
  inFutex: boolean | null;
  /** It stopped spinning for want of messages, having burned this much CPU; null while it spins. */
  idleCpuMs: number | null;
  /** Where it waits once stopped (its gate's call: futex, read(fd N)); null while it spins. */
  parkedIn: string | null;
  /** Messages it never saw (the sequence number jumped), and copies torn under it, in this conversation. */
  lost: number;
  torn: number;
  /** Its thread's CPU time (user + system) as /proc/PID/task/TID/stat said last; null before the first look. */
  cpuMs: number | null;
  /** The share of one CPU its thread used between the last two looks (1 = a whole core); null before the second. */
  cpuShare: number | null;
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
  wiring: Wiring;
  /** The named pipe's path, once open; null on the other wirings. */
  path: string | null;
  firstTurn: number;
  reason: StartReason;
  startedAt: number;
  status: 'opening' | 'open' | 'failed';
  /** Why it could not open (status 'failed'). */
  error: Problem | null;
  pipes: PipeDescription[];
  parent: ProcState;
  child: ProcState;
  writes: ByteChunk[];
  reads: ReadCount[];
  /** What the kernel says each pipe holds unread (FIONREAD), by inode, as last looked at. */
  queued: Record<number, number>;
  /** Pipes (by inode) an outside process holds a write end of, as /proc last showed: it may still write, so no one waiting on them is stuck for good. */
  outsideWriteEnds: number[];
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
  attribution: Attribution;
  /** Named pipe: the outside process that took it from the pipe (its rchar says so), when one alone could have. */
  /** An outside process read it from the pipe: the one found holding a read end of it, or (pid null) one already gone when the screen looked. */
  takenBy?: { pid: number | null; command: string };
  /** Signals: what its reader took, by the bits that arrived: kept while it is judged, and then only when it is not what was written (verdict 'garbled'). */
  received?: SignalTake;
}

/** What a read of signals took: the frame's text and size, the bits that arrived, and whether its tag named the writer and turn the kernel's si_pid and the reader's turn say. */
export interface SignalTake {
  text: string;
  bytes: number;
  bits: number;
  tagged: boolean;
}

export interface Divider {
  id: string;
  session: number;
  at: number;
  reason: StartReason;
  wiring: Wiring;
  firstTurn: number;
  childPid: number | null;
  /** The child's thread, where it is not the process's own main thread (threads: a Worker of the parent's process); null otherwise. */
  childTid?: number | null;
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
  /** The call as the screen names it, where it is not read(2)/write(2) on fd (events.ts CallSite). */
  on?: string;
  result: number | string;
  requested: number;
  /** The first bytes moved, for a preview. */
  head: Buffer;
}

/** Messages read on a wiring or in a conversation, by what became of them (state/tallies.ts counts them). */
export interface Counts {
  /** Messages read in all. */
  read: number;
  delivered: number;
  stolen: number;
  outOfTurn: number;
  /** Lines read that no process of ours wrote (forged or untagged). */
  outside: number;
  /** Messages that arrived with bits lost (signals). */
  garbled: number;
}

export const NO_COUNTS: Counts = { read: 0, delivered: 0, stolen: 0, outOfTurn: 0, outside: 0, garbled: 0 };

/** Another process holding one of our pipes, as the UI's look at /proc found it (state/outside-takers.ts names what it took). */
export interface OutsideHolder extends FifoHolder {
  /** Bytes it read, and wrote, since the screen first saw it hold the pipe (from /proc/PID/io). */
  readSince: number;
  wroteSince: number;
}

/** What the bounded history no longer keeps (state/transcript.ts trims it), and its tallies. */
export interface DroppedHistory {
  conversations: number;
  messages: number;
  tally: Record<Wiring, Counts>;
}

export interface ConversationState {
  turns: number;
  session: SessionState | null;
  messages: MessageRecord[];
  dividers: Divider[];
  notes: Note[];
  trace: TraceEntry[];
  traceCount: number;
  counters: { delivered: number; stolen: number; outOfTurn: number; outside: number };
  knobs: Knobs;
  /** Step mode: each process waits at its gate before each call until the user lets it go; `refused` once the child could not be held (no futex). */
  step: { on: boolean; refused: boolean };
  /** Latest time seen (µs), from events and clock ticks. */
  now: number;
  /** When the first session started: trace times are relative to it. */
  origin: number | null;
  /**
   * Wall-clock time minus the monotonic clock (µs), measured when the latest session
   * started: turns an event's `at` into a time of day without a timer ("since 14:03:07").
   */
  wallOffsetUs: number | null;
  dropped: DroppedHistory;
  /**
   * Where each wiring's tally on the status line starts: the wall-clock time (ms) of its
   * first conversation, or of the key that reset it, and its counts then, which the
   * status line takes off its running tally.
   */
  tallyFrom: Partial<Record<Wiring, TallyStart>>;
}

export interface TallyStart {
  wallMs: number;
  base: Counts;
}

/** What changes the conversation: the session's events, and the two the UI observes itself. */
export type Action =
  | SessionEvent
  | { type: 'proc-stopped'; session: number; proc: Proc; stopped: boolean; at: number }
  | { type: 'tick'; at: number }
  /** A spinning reader's CPU time, from /proc/PID/task/TID/stat. */
  | { type: 'spin-cpu'; session: number; proc: Proc; tid: number; cpuMs: number; share: number | null; inFutex: boolean | null }
  /** Named pipe: the other processes holding the FIFO, from a look at /proc. */
  | { type: 'outside-holders'; session: number; holders: OutsideHolder[]; at: number }
  /** A key starts the wiring's tally again from now (wall-clock ms). */
  | { type: 'tally-reset'; wiring: Wiring; wallMs: number };

export function initialState(knobs: Knobs = { childDelayMs: 0, parentDelayMs: 0 }, turns = TURNS, stepping = false): ConversationState {
  return {
    turns,
    session: null,
    messages: [],
    dividers: [],
    notes: [],
    trace: [],
    traceCount: 0,
    counters: { delivered: 0, stolen: 0, outOfTurn: 0, outside: 0 },
    knobs,
    step: { on: stepping, refused: false },
    now: 0,
    origin: null,
    wallOffsetUs: null,
    dropped: { conversations: 0, messages: 0, tally: Object.fromEntries(WIRINGS.map((w) => [w, NO_COUNTS])) as Record<Wiring, Counts> },
    tallyFrom: {},
  };
}

export function newProc(pid: number | null, at: number): ProcState {
  return { pid, activity: null, since: at, fds: [], reads: 0, writes: 0, exit: null, eof: false, error: null, keyboardPending: false, stopped: false, spin: null, tid: null, threadFds: [], bits: null };
}

export function withProc(session: SessionState, proc: Proc, change: (p: ProcState) => ProcState): SessionState {
  return proc === 'parent' ? { ...session, parent: change(session.parent) } : { ...session, child: change(session.child) };
}
