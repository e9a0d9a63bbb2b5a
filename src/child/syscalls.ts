// The child's system calls, each one call and nothing else: blocking read(2) and write(2)
// on its fds (ipc/fd-calls.ts), and the textbook's sleep (nanosleep(2) through libc, as
// the C child's).
import fs from 'node:fs';
import type { ProcessCalls } from '../channels/channel-ends.js';
import { CHILD_FDS } from '../ipc/child-protocol.js';
import { errnoCode } from '../ipc/events.js';
import { fdCalls } from '../ipc/fd-calls.js';
import { MAX_MESSAGE_BYTES } from '../ipc/framing.js';
import type { Libc } from '../kernel/libc.js';

/**
 * Where the child's keyboard lines come from and where it rings its doorbell: stdin and
 * stdout in a child process; in a child thread (threads), which shares the parent's fd
 * table and terminal, the read end and the write end of two pipes the parent made for it
 * (child-thread.ts), by fd number.
 */
export const childStdio = { keyboard: 0, doorbell: 1 };
/** Where every read(2) of the conversation lands. */
export const READ_BUFFER = Buffer.alloc(MAX_MESSAGE_BYTES + 64);
let nanosleep: Libc['memory']['sleep'] | null = null;

/** The child's libc, loaded before it runs (childEntry). */
export function useLibc(libc: Libc): void {
  nanosleep = libc.memory.sleep;
}

/** Writes all of `bytes`, retrying EAGAIN (stdout may be non-blocking). */
export function writeAll(fd: number, bytes: Buffer): void {
  for (let off = 0; off < bytes.length; ) {
    try {
      off += fs.writeSync(fd, bytes, off);
    } catch (error) {
      if (errnoCode(error) !== 'EAGAIN') throw error;
    }
  }
}

/** read(2) on fd 3 and write(2) on fd 4, or on fd 3 both ways (a socket). */
export function fdChildCalls(oneFd: boolean): ProcessCalls {
  return fdCalls(CHILD_FDS.read, oneFd ? CHILD_FDS.read : CHILD_FDS.write);
}

/** The textbook's sleep between write() and read(): nanosleep(2), as in C. */
export function sleep(ms: number): void {
  if (!nanosleep) throw new Error('the child slept before its libc was loaded');
  nanosleep(ms);
}
