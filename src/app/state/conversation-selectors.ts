// What the screen derives from the conversation state: the turn, what lies unread in
// each pipe (from the byte counts of real read and write calls), who is stuck, and
// each pane's transcript. Pure functions of the state, so the views stay small.
import type { FdInfo, PipeMode, Proc } from '../../ipc/events.js';
import type { ConversationState, Divider, MessageRecord, Note, ProcState, SessionState } from './conversation-reducer.js';

export const PROCS: readonly Proc[] = ['parent', 'child'];

export function other(proc: Proc): Proc {
  return proc === 'parent' ? 'child' : 'parent';
}

/** The turn each process is in: the child's ends when it reads an answer, the parent's when it writes one. */
export function procTurn(session: SessionState, proc: Proc): number {
  return session.firstTurn + (proc === 'child' ? session.child.reads : session.parent.writes);
}

/** The conversation's turn: the turn neither process has finished yet. */
export function conversationTurn(state: ConversationState): number {
  const session = state.session;
  if (!session) return 1;
  const turn = Math.min(procTurn(session, 'parent'), procTurn(session, 'child'));
  return Math.max(1, Math.min(state.turns, turn));
}

/**
 * The turn the status bar shows: the child's, because the child opens every turn and the
 * user types its line first, so it follows the conversation as the user sees it (after a
 * steal the child has moved on while the parent still waits). When the parent is in
 * another turn, that is shown too: "turn 2/3 (parent at 1)".
 */
export function displayedTurn(state: ConversationState): { turn: number; parentTurn: number | null } {
  const session = state.session;
  if (!session) return { turn: 1, parentTurn: null };
  const clamp = (k: number) => Math.max(1, Math.min(state.turns, k));
  const turn = clamp(procTurn(session, 'child'));
  const parentTurn = clamp(procTurn(session, 'parent'));
  return { turn, parentTurn: parentTurn === turn ? null : parentTurn };
}

export function isFinished(p: ProcState): boolean {
  return p.exit !== null || p.eof || p.error !== null || p.activity?.doing === 'done';
}

export interface PipeView {
  name: 'child-to-parent' | 'parent-to-child' | 'shared';
  inode: number;
  written: number;
  read: number;
  /** The bytes written and not yet read, oldest first. */
  unread: Buffer;
  /** The last message that left this pipe. */
  lastRead: MessageRecord | null;
}

function inodeOf(fds: FdInfo[], fd: number): number | null {
  return fds.find((f) => f.fd === fd)?.inode ?? null;
}

function procFds(session: SessionState, proc: Proc): FdInfo[] {
  return session[proc].fds;
}

/** Bytes in a pipe belong to nobody: what is unread is all that was written, minus as many bytes as were read. */
export function pipeViews(state: ConversationState): PipeView[] {
  const session = state.session;
  if (!session) return [];
  return session.pipes.map((pipe) => {
    const writes = session.writes.filter((w) => inodeOf(procFds(session, w.proc), w.fd) === pipe.inode).sort((a, b) => a.at - b.at);
    const reads = session.reads.filter((r) => inodeOf(procFds(session, r.proc), r.fd) === pipe.inode);
    const all = Buffer.concat(writes.map((w) => w.bytes));
    const readBytes = reads.reduce((sum, r) => sum + r.count, 0);
    const readers = pipeReaders(session, pipe.inode);
    const lastRead =
      state.messages
        .filter((m) => m.session === session.id && m.reader !== null && readers.includes(m.reader) && writerUsesPipe(session, m, pipe.inode))
        .sort((a, b) => (a.readAt ?? 0) - (b.readAt ?? 0))
        .at(-1) ?? null;
    return {
      name: pipe.name,
      inode: pipe.inode,
      written: all.length,
      read: readBytes,
      unread: all.subarray(Math.min(all.length, readBytes)),
      lastRead,
    };
  });
}

function pipeReaders(session: SessionState, inode: number): Proc[] {
  return PROCS.filter((p) => session[p].fds.some((f) => f.end === 'read' && f.inode === inode));
}

function pipeWriters(session: SessionState, inode: number): Proc[] {
  return PROCS.filter((p) => session[p].fds.some((f) => f.end === 'write' && f.inode === inode));
}

function writerUsesPipe(session: SessionState, m: MessageRecord, inode: number): boolean {
  return m.writer !== null && pipeWriters(session, inode).includes(m.writer);
}

export interface Deadlock {
  /** Processes blocked in read() on an empty pipe, forever. */
  blocked: Proc[];
  /** Processes that will never write again (finished or gone). */
  finished: Proc[];
}

/**
 * A process is stuck when it is blocked in read() on an empty pipe and nobody will
 * ever write to it: every process that holds a write end of that pipe is stuck too,
 * or has finished. A pipe with no write end left gives end of file, not a hang.
 */
export function findDeadlock(state: ConversationState): Deadlock | null {
  const session = state.session;
  if (!session || session.status !== 'open') return null;
  const views = pipeViews(state);
  const readingFrom = (p: Proc): number | null => {
    const a = session[p].activity;
    if (session[p].exit || a?.doing !== 'reading') return null;
    // Its read has returned bytes and it is busy with them: the report of what it does next
    // is on its way. Without this, the moment between the two reports looked like a deadlock.
    if (session.reads.some((r) => r.proc === p && r.at >= session[p].since && r.count > 0)) return null;
    return inodeOf(session[p].fds, a.fd);
  };
  const stuck = new Set<Proc>(
    PROCS.filter((p) => {
      const inode = readingFrom(p);
      return inode !== null && (views.find((v) => v.inode === inode)?.unread.length ?? 0) === 0;
    }),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of [...stuck]) {
      const inode = readingFrom(p) as number;
      const holders = pipeWriters(session, inode).filter((w) => !session[w].exit);
      const someoneMayWrite = holders.some((w) => !stuck.has(w) && !isFinished(session[w]));
      if (holders.length === 0 || someoneMayWrite) {
        stuck.delete(p);
        changed = true;
      }
    }
  }
  if (stuck.size === 0) return null;
  return { blocked: PROCS.filter((p) => stuck.has(p)), finished: PROCS.filter((p) => !stuck.has(p)) };
}

export type Phase = 'opening' | 'failed' | 'playing' | 'finished' | 'deadlock' | 'child-died';

export function childDied(session: SessionState): boolean {
  const exit = session.child.exit;
  if (!exit) return false;
  return !(exit.code === 0 && exit.signal === null && session.child.activity?.doing === 'done');
}

export function phaseOf(state: ConversationState): Phase {
  const session = state.session;
  if (!session || session.status === 'opening') return 'opening';
  if (session.status === 'failed') return 'failed';
  // A child killed from outside leaves the parent blocked on a shared pipe for good,
  // but what the user needs to know first is that the child died (and how).
  if (childDied(session)) return 'child-died';
  if (findDeadlock(state)) return 'deadlock';
  if (isFinished(session.parent) && isFinished(session.child)) return 'finished';
  return 'playing';
}

/** Which processes wait at their keyboard for a line from the user. */
export function typingProcs(state: ConversationState): Proc[] {
  const session = state.session;
  if (!session || session.status !== 'open') return [];
  return PROCS.filter((p) => session[p].activity?.doing === 'typing' && !session[p].keyboardPending && !session[p].exit).sort((a, b) =>
    a === 'child' ? -1 : b === 'child' ? 1 : 0,
  );
}

/**
 * True while a process is blocked or sleeping and something will end the wait on its own
 * (a sleep, the other process working): then the screen counts seconds. While a process
 * waits for the user's line, or the two are deadlocked, the wait is open-ended: no clock,
 * no CPU (a tick re-renders the whole screen), and the state says since when instead.
 */
export function needsClock(state: ConversationState): boolean {
  const session = state.session;
  if (!session || session.status !== 'open') return false;
  if (typingProcs(state).length > 0 || findDeadlock(state)) return false;
  return PROCS.some((p) => {
    const doing = session[p].activity?.doing;
    return !session[p].exit && (doing === 'reading' || doing === 'sleeping');
  });
}

/** The wall-clock time (ms since the epoch) of a monotonic instant, if a session has said how the two relate. */
export function wallTimeOf(state: ConversationState, at: number): number | null {
  return state.wallOffsetUs === null ? null : Math.floor((at + state.wallOffsetUs) / 1000);
}

export function secondsSince(state: ConversationState, p: ProcState): number {
  return Math.max(0, Math.floor((state.now - p.since) / 1_000_000));
}

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

export function modeOf(state: ConversationState, fallback: PipeMode): PipeMode {
  return state.session?.mode ?? fallback;
}

export interface Counts {
  /** Messages read in all. */
  read: number;
  delivered: number;
  stolen: number;
  outOfTurn: number;
}

function countOf(messages: MessageRecord[]): Counts {
  const read = messages.filter((m) => m.reader !== null);
  return {
    read: read.length,
    delivered: read.filter((m) => m.verdict === 'delivered' || m.verdict === 'out-of-turn').length,
    stolen: read.filter((m) => m.verdict === 'stolen').length,
    outOfTurn: read.filter((m) => m.verdict === 'out-of-turn').length,
  };
}

/** This conversation's own figures, for its summary. */
export function conversationCounts(state: ConversationState): Counts {
  const id = state.session?.id;
  return countOf(state.messages.filter((m) => m.session === id));
}

/** The running tally of one wiring, over every conversation that used it ("one pipe: stolen 4 of 9"). */
export function wiringTally(state: ConversationState, mode: PipeMode): Counts {
  const sessions = new Set(state.dividers.filter((d) => d.mode === mode).map((d) => d.session));
  return countOf(state.messages.filter((m) => sessions.has(m.session)));
}
