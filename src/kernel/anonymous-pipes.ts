// The textbook's pipe(): anonymous kernel pipes made with pipe2(O_CLOEXEC) through libc,
// nothing on disk, no process spawned. Each end asked for is its own fd: blocking ends
// are dups of the pipe's own (blocking) ends, so the fds handed to a child can be closed
// here once it is forked without closing ours; a non-blocking end is a new open file
// description (O_NONBLOCK lives there, and a dup would share it), opened through
// /proc/self/fd, which Linux resolves to the pipe itself.
import fs from 'node:fs';
import { loadLibc, type Libc } from './libc.js';

/** An end as asked for: read or write, blocking or O_NONBLOCK (a description of its own). */
export type EndKind = 'read-nonblocking' | 'read-blocking' | 'write-nonblocking' | 'write-blocking';

/** A pipe made for us: anonymous (pipe2) or named (ipc/kernel-pipe.ts). */
export interface OpenedPipe {
  /** The pipe's inode: its identity, the same in every process that holds it. */
  inode: number;
  /** One fd per requested end, in the order asked. */
  fds: number[];
}

const REOPEN_FLAGS: Partial<Record<EndKind, number>> = {
  'read-nonblocking': fs.constants.O_RDONLY | fs.constants.O_NONBLOCK,
  'write-nonblocking': fs.constants.O_WRONLY | fs.constants.O_NONBLOCK,
};

/**
 * Opens `pipes.length` kernel pipes; `pipes[i]` lists the ends wanted on pipe i. On
 * failure every fd made so far is closed, and the error names the call and errno.
 */
export async function openKernelPipes(pipes: readonly (readonly EndKind[])[]): Promise<OpenedPipe[]> {
  const libc = await loadLibc();
  const opened: number[] = [];
  try {
    return pipes.map((ends) => openEnds(libc, ends, opened));
  } catch (error) {
    for (const fd of opened) fs.closeSync(fd);
    throw error;
  }
}

function openEnds(libc: Libc, ends: readonly EndKind[], opened: number[]): OpenedPipe {
  const [readEnd, writeEnd] = libc.pipe2(libc.constants.O_CLOEXEC);
  try {
    const fds = ends.map((end) => {
      const own = end.startsWith('read') ? readEnd : writeEnd;
      const reopen = REOPEN_FLAGS[end];
      const fd = reopen === undefined ? libc.dup(own) : fs.openSync(procPath(own), reopen);
      opened.push(fd);
      return fd;
    });
    return { inode: fs.fstatSync(readEnd).ino, fds };
  } finally {
    fs.closeSync(readEnd);
    fs.closeSync(writeEnd);
  }
}

function procPath(fd: number): string {
  if (process.platform !== 'linux') throw new Error('a non-blocking end of its own needs /proc/self/fd (Linux)');
  return `/proc/self/fd/${fd}`;
}
