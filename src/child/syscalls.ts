// The child's system calls, each one call and nothing else: blocking read(2) and write(2)
// on its fds, and the textbook's sleep. Errors come back as errno codes, not exceptions,
// so that the call path costs the same whatever happens.
import fs from 'node:fs';
import { errnoCode } from '../ipc/events.js';
import { MAX_MESSAGE_BYTES } from '../ipc/framing.js';

export const STDIN = 0;
export const STDOUT = 1;
/** Where every read(2) of the conversation lands. */
export const READ_BUFFER = Buffer.alloc(MAX_MESSAGE_BYTES + 64);
const sleeper = new Int32Array(new SharedArrayBuffer(4));

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

/** One write(2) of the frame (blocking fd: the kernel takes it whole or blocks). */
export function writeOnce(fd: number, bytes: Buffer, offset: number): number | string {
  try {
    return fs.writeSync(fd, bytes, offset);
  } catch (error) {
    return errnoCode(error);
  }
}

/** One read(2); returns the byte count, 0 at end of file, or the errno code. */
export function readOnce(fd: number): number | string {
  try {
    return fs.readSync(fd, READ_BUFFER, 0, READ_BUFFER.length, null);
  } catch (error) {
    return errnoCode(error);
  }
}

/** The textbook's sleep between write() and read(): a futex wait with a timeout. */
export function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
}
