// A socketpair has no pipe object to count bytes in: each process holds its own end
// (its own inode), and what one writes only the other can read. So the bytes in flight
// toward a process are all the other one wrote minus all it read itself, and two
// processes that both wait to read with nothing in flight toward either will wait for
// ever, each in read(2). A socket cannot hand a process its own bytes, so nothing is
// ever stolen.
import type { Proc } from '../../ipc/events.js';
import type { SessionState } from './model.js';
import { PROCS, other } from './turns.js';

/** Bytes written by the other process and not yet read by `to`. */
export function bytesInFlight(session: SessionState, to: Proc): number {
  const written = session.writes.filter((w) => w.proc === other(to)).reduce((sum, w) => sum + w.bytes.length, 0);
  const read = session.reads.filter((r) => r.proc === to).reduce((sum, r) => sum + r.count, 0);
  return Math.max(0, written - read);
}

/** The fd a process waits on in read(2). */
export function waitsToRead(session: SessionState, proc: Proc): number | null {
  const p = session[proc];
  const a = p.activity;
  if (p.exit || !a || a.doing !== 'reading') return null;
  // Its read has returned bytes and it is busy with them: its next report is on its way.
  if (session.reads.some((r) => r.proc === proc && r.at >= p.since && r.count > 0)) return null;
  return a.fd;
}

/** Both wait to read on the socket and nothing is in flight toward either: each waits for the other. */
export function socketDeadlock(session: SessionState): Proc[] | null {
  if (session.status !== 'open') return null;
  const stuck = PROCS.filter((p) => waitsToRead(session, p) !== null && bytesInFlight(session, p) === 0);
  return stuck.length === 2 ? [...stuck] : null;
}
