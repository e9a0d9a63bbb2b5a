// read(2) and write(2) on a process's fds as its blocking calls (channel-ends.ts
// ProcessCalls): the child's fds 3 and 4, the parent's ends on its call thread. Each is
// one call and nothing else; errors come back as errno codes, not exceptions, so that
// the call path costs the same whatever happens.
import fs from 'node:fs';
import type { ProcessCalls } from '../channels/channel-ends.js';
import { errnoCode } from './events.js';

/** One write(2) of `bytes` from `offset` (blocking fd: the kernel takes it whole or blocks). */
export function writeOnce(fd: number, bytes: Buffer, offset: number): number | string {
  try {
    return fs.writeSync(fd, bytes, offset);
  } catch (error) {
    return errnoCode(error);
  }
}

/** One read(2) into `buffer`; returns the byte count, 0 at end of file, or the errno code. */
export function readOnce(fd: number, buffer: Buffer): number | string {
  try {
    return fs.readSync(fd, buffer, 0, buffer.length, null);
  } catch (error) {
    return errnoCode(error);
  }
}

/** read(2) on `readFd` and write(2) on `writeFd` (the same fd on a socket). */
export function fdCalls(readFd: number, writeFd: number): ProcessCalls {
  return {
    read: { fd: readFd },
    write: { fd: writeFd },
    readInKernel: { call: 'read', arg: readFd },
    readInto: (buffer) => readOnce(readFd, buffer),
    writeFrom: (buffer, offset) => writeOnce(writeFd, buffer, offset),
  };
}
