// What lies in each pipe. How many bytes: what the kernel says (FIONREAD on the parent's
// end, looked at after each call that changed it). Which bytes: the last that many of all
// that was written (a pipe hands out its oldest bytes first, to whoever reads, an outside
// process of a named pipe too). Until the kernel has been asked, the byte counts of the
// real read and write calls say it: all that was written minus what was read.
import type { FdInfo, Proc } from '../../ipc/events.js';
import type { ConversationState, MessageRecord, SessionState } from './model.js';
import { PROCS } from './turns.js';

export interface PipeView {
  name: 'child-to-parent' | 'parent-to-child' | 'shared';
  inode: number;
  written: number;
  read: number;
  /** The bytes written and not yet read, oldest first. */
  unread: Buffer;
  /** FIONREAD's count for this pipe; null before the kernel was asked. */
  queued: number | null;
  /** The last message that left this pipe. */
  lastRead: MessageRecord | null;
}

export function inodeOf(fds: FdInfo[], fd: number): number | null {
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
    const queued = session.queued[pipe.inode] ?? null;
    const unreadFrom = queued === null ? readBytes : Math.max(0, all.length - queued);
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
      unread: all.subarray(Math.min(all.length, unreadFrom)),
      queued,
      lastRead,
    };
  });
}

function pipeReaders(session: SessionState, inode: number): Proc[] {
  return PROCS.filter((p) => session[p].fds.some((f) => f.end === 'read' && f.inode === inode));
}

export function pipeWriters(session: SessionState, inode: number): Proc[] {
  return PROCS.filter((p) => session[p].fds.some((f) => f.end === 'write' && f.inode === inode));
}

function writerUsesPipe(session: SessionState, m: MessageRecord, inode: number): boolean {
  return m.writer !== null && pipeWriters(session, inode).includes(m.writer);
}
