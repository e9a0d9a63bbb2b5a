// Reads a file that a user named (or that another user could have put in its place)
// with a size limit: `--script /dev/zero` or a FIFO that never ends must get a clear
// refusal, not a process that grows until the machine runs out of memory.
import fs from 'node:fs';

export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`larger than ${limitBytes} bytes`);
  }
}

/** The file's bytes as UTF-8, reading at most `limitBytes` (+1 to know it is over). */
export function readFileLimited(file: string, limitBytes: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(limitBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const n = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    if (filled > limitBytes) throw new FileTooLargeError(limitBytes);
    return buffer.subarray(0, filled).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
