// A write the UI thread makes itself while the parent's read is in flight on the call
// thread (which would make a write asked of it wait until the read returns): on
// a second description of the parent's pipe write end, opened O_NONBLOCK
// (/proc/self/fd/N; the call thread's own description stays blocking, as the child's
// does). A write of at most PIPE_BUF bytes to a pipe is atomic: the kernel takes all of
// it at once, or, with too little room, none of it and says EAGAIN (pipe(7)). So it never
// blocks the UI thread, even on a shared pipe another writer fills (a FIONREAD look before
// the write would not do: the other writer can fill the pipe in between), and on EAGAIN
// the same bytes go to the call thread, which waits in write(2) for room as the C parent
// does. Only pipes: a socket's description cannot be opened again through /proc. (libuv
// opens it close-on-exec: the child never gets it.)
import fs from 'node:fs';
import type { TimedCall } from './call-thread.js';
import { errnoCode, nowUs } from './events.js';

/** The bytes a write to a pipe moves at once or not at all (POSIX PIPE_BUF; 4096 on Linux). */
export const PIPE_BUF = 4096;

/** A second, non-blocking description of `writeFd` when it is a pipe's write end; null otherwise (or when it cannot be opened). */
export function openQuickWriteEnd(writeFd: number): number | null {
  try {
    if (writeFd < 0 || !fs.fstatSync(writeFd).isFIFO()) return null;
    return fs.openSync(`/proc/self/fd/${writeFd}`, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
}

/** One write(2) of all of `frame` (at most PIPE_BUF) on the non-blocking end, timed; EAGAIN (none of it written) is a result like any other. */
export function writeAtOnce(fd: number, frame: Buffer): TimedCall {
  const start = nowUs();
  let result: number | string;
  try {
    result = fs.writeSync(fd, frame);
  } catch (error) {
    result = errnoCode(error);
  }
  return { result, start, end: nowUs() };
}
