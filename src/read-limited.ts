// Reads a file that a user named (or that another user could have put in its place)
// with a size limit: `--script /dev/zero` or a FIFO that never ends must get a clear
// refusal, not a process that grows until the machine runs out of memory. Nothing here
// waits: the file is opened without blocking (a FIFO with no writer would block open()
// for ever) and read without blocking, and a read that would wait (a FIFO whose writer
// has not finished, a terminal, /proc/kmsg, which stats as an empty regular file) is
// refused too.
import fs from 'node:fs';

export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`larger than ${limitBytes} bytes`);
  }
}

/** The file would make us wait for bytes that may never come. */
export class FileWouldBlockError extends Error {
  constructor() {
    super('it is not a finished file: reading it would wait for more input');
  }
}

const { O_RDONLY, O_NONBLOCK, O_NOCTTY } = fs.constants;

/** The file's bytes as UTF-8, reading at most `limitBytes` (+1 to know it is over). */
export function readFileLimited(file: string, limitBytes: number): string {
  const fd = fs.openSync(file, O_RDONLY | O_NONBLOCK | O_NOCTTY);
  try {
    if (fs.fstatSync(fd).isDirectory()) throw new Error('it is a directory');
    const buffer = Buffer.alloc(limitBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const n = readWithoutWaiting(fd, buffer, filled);
      if (n === 0) break;
      filled += n;
    }
    if (filled > limitBytes) throw new FileTooLargeError(limitBytes);
    return buffer.subarray(0, filled).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function readWithoutWaiting(fd: number, buffer: Buffer, offset: number): number {
  try {
    return fs.readSync(fd, buffer, offset, buffer.length - offset, null);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') throw new FileWouldBlockError();
    throw error;
  }
}
