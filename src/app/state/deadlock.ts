// Who is stuck for good: processes blocked in read() on an empty pipe that nobody who is
// not stuck, or finished, will ever write to again. Empty is what the kernel says
// (FIONREAD), whoever took the bytes: an outside reader of a named pipe or of an anonymous
// pipe opened through /proc leaves both processes waiting as surely as a steal does. An
// outside process that holds a write end (/proc shows it) may still write: no one
// waiting on that pipe is stuck.
import type { Proc } from '../../ipc/events.js';
import type { ConversationState } from './model.js';
import { inodeOf, pipeViews, pipeWriters, type PipeView } from './pipes.js';
import { socketDeadlock } from './socket-flow.js';
import { PROCS, isFinished } from './turns.js';

export interface Deadlock {
  /** Processes blocked in read() on an empty pipe, forever. */
  blocked: Proc[];
  /** Processes that will never write again (finished or gone). */
  finished: Proc[];
}

/**
 * A process is stuck when it is blocked in read() on an empty pipe and nobody will
 * ever write to it: every process that holds a write end of that pipe is stuck too,
 * or has finished, and no outside process holds one. A pipe with no write end left
 * gives end of file, not a hang.
 */
export function findDeadlock(state: ConversationState, views: PipeView[] = pipeViews(state)): Deadlock | null {
  const session = state.session;
  if (!session || session.status !== 'open') return null;
  // No pipe object between them (a socketpair: an end each): nothing in flight toward either, both reading.
  if (session.pipes.length === 0) {
    const blocked = socketDeadlock(session);
    return blocked ? { blocked, finished: [] } : null;
  }
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
      // A child that said it is done exits next (child/conversation.ts): its write ends close
      // with it, so a pipe only it still writes to gives end of file (pipe1), not a hang.
      const holders = pipeWriters(session, inode).filter((w) => !session[w].exit && !(w === 'child' && session.child.activity?.doing === 'done'));
      const someoneMayWrite = holders.some((w) => !stuck.has(w) && !isFinished(session[w])) || session.outsideWriteEnds.includes(inode);
      if (holders.length === 0 || someoneMayWrite) {
        stuck.delete(p);
        changed = true;
      }
    }
  }
  if (stuck.size === 0) return null;
  return { blocked: PROCS.filter((p) => stuck.has(p)), finished: PROCS.filter((p) => !stuck.has(p)) };
}
