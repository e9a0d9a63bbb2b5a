// Who took our bytes from a pipe: the named pipe, or an anonymous pipe opened through
// /proc/PID/fd (`cat /proc/CHILD/fd/3`). The kernel does not say who read a pipe's bytes.
// Two things say it here. /proc/PID/io says how many bytes each process has read (rchar):
// when bytes of ours are unread by either of our processes and one outside reader's rchar
// grew by at least that many since it was first seen, that reader took them. And FIONREAD
// says what a pipe still holds: when it holds fewer of our bytes than neither of our
// processes read, they left the pipe through another read end, and when one outside
// process alone holds a read end of that pipe, it took them (a reader seen only after it
// read, as on an anonymous pipe, is found so). With several such readers, any of them
// could have (an inference, said as one). The UI brings the holders in on an action (a
// /proc look, at most once a second); the reducer marks the messages one reader took, so
// every view names the taker, and keeps which pipes an outside process could still write.
import type { ConversationState, OutsideHolder, SessionState } from './model.js';
import { inodeOf, pipeViews, type PipeView } from './pipes.js';

/** Our bytes written and not read by either of our processes (on a channel of pipes). */
function ourUnread(session: SessionState): number {
  const written = session.writes.reduce((sum, w) => sum + w.bytes.length, 0);
  return Math.max(0, written - session.reads.reduce((sum, r) => sum + r.count, 0));
}

/** Pipes (by inode) that hold fewer of our bytes than neither of our processes read, by FIONREAD: they left through another read end. */
function pipesThatLostBytes(state: ConversationState): number[] {
  const session = state.session;
  if (!session) return [];
  return pipeViews(state).flatMap((v) => {
    const ours = session.writes.filter((w) => inodeOf(session[w.proc].fds, w.fd) === v.inode).reduce((sum, w) => sum + w.bytes.length, 0);
    return v.queued !== null && v.queued < ours - v.read ? [v.inode] : [];
  });
}

const reads = (h: OutsideHolder, inode?: number) => h.fds.some((f) => f.access !== 'write' && (inode === undefined || f.inode === inode));

/** The outside readers that could have taken our unread bytes, and how many bytes those are. */
export function outsideTakers(state: ConversationState, holders: OutsideHolder[]): { readers: OutsideHolder[]; bytes: number } | null {
  const session = state.session;
  if (!session || session.pipes.length === 0) return null;
  const bytes = ourUnread(session);
  if (bytes === 0) return null;
  const byRchar = holders.filter((h) => reads(h) && h.readSince >= bytes);
  if (byRchar.length > 0) return { readers: byRchar, bytes };
  const lost = pipesThatLostBytes(state);
  const byPipe = holders.filter((h) => lost.some((inode) => reads(h, inode)));
  return byPipe.length > 0 ? { readers: byPipe, bytes } : null;
}

/** How long our reader must have waited in read() on a pipe our bytes left before a reader gone from /proc is named as their taker: its own read's report comes in far less. */
const SETTLED_US = 1_000_000;

/**
 * Our bytes left a pipe (FIONREAD) that no outside process holds a read end of any more,
 * and each process of ours that waits in read() on it has waited a while (its own read
 * would have been reported): a reader that has exited since took them (`timeout 1 cat
 * /proc/CHILD/fd/3`).
 */
function takenByOneGone(state: ConversationState, holders: OutsideHolder[]): boolean {
  const session = state.session;
  if (!session || ourUnread(session) === 0 || holders.some((h) => reads(h))) return false;
  const lost = pipesThatLostBytes(state);
  const waitingThere = (['parent', 'child'] as const)
    .map((p) => session[p])
    .filter((p) => !p.exit && p.activity?.doing === 'reading' && lost.includes(inodeOf(p.fds, p.activity.fd) ?? -1));
  return waitingThere.length > 0 && waitingThere.every((p) => state.now - p.since >= SETTLED_US);
}

/** The messages of the current session that one outside reader took, marked with its PID and command (or as taken by a reader gone since). */
export function markTaken(state: ConversationState, holders: OutsideHolder[]): ConversationState {
  const [only, ...more] = outsideTakers(state, holders)?.readers ?? [];
  const taker = only && more.length === 0 ? { pid: only.pid, command: only.command } : !only && takenByOneGone(state, holders) ? { pid: null, command: '' } : null;
  const id = state.session?.id;
  if (!taker) return state;
  const taken = (m: ConversationState['messages'][number]) => m.session === id && m.writer !== null && m.reader === null && !m.takenBy;
  if (!state.messages.some(taken)) return state;
  return { ...state, messages: state.messages.map((m) => (taken(m) ? { ...m, takenBy: taker } : m)) };
}

/**
 * A process of ours waits in read() on a pipe that holds bytes of ours neither process
 * read: for a moment on every turn (until the reader's report comes), and for good when
 * an outside process took them. The UI then looks at /proc (at most once a second, the
 * first time a second later) to tell the two apart.
 */
export function waitsBesideOurBytes(state: ConversationState, views: PipeView[] = pipeViews(state)): boolean {
  const session = state.session;
  if (!session || session.status !== 'open' || session.pipes.length === 0) return false;
  return (['parent', 'child'] as const).some((p) => {
    const a = session[p].activity;
    if (session[p].exit || a?.doing !== 'reading') return false;
    const inode = inodeOf(session[p].fds, a.fd);
    const view = views.find((v) => v.inode === inode);
    if (!view) return false;
    const ours = session.writes.filter((w) => inodeOf(session[w.proc].fds, w.fd) === inode).reduce((sum, w) => sum + w.bytes.length, 0);
    return ours > view.read;
  });
}

/** The pipes an outside process holds a write end of, as this look at /proc shows. */
export function withOutsideWriteEnds(state: ConversationState, holders: OutsideHolder[]): ConversationState {
  const session = state.session;
  if (!session) return state;
  const inodes = [...new Set(holders.flatMap((h) => h.fds.filter((f) => f.access !== 'read').map((f) => f.inode)))].sort((a, b) => a - b);
  if (inodes.join() === session.outsideWriteEnds.join()) return state;
  return { ...state, session: { ...session, outsideWriteEnds: inodes } };
}
