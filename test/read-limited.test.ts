import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTooLargeError, FileWouldBlockError, readFileLimited } from '../src/read-limited.js';
import { tempDirsOfThisFile } from './support/temp-dirs.js';

const tempDir = tempDirsOfThisFile();

describe('readFileLimited', () => {
  const dir = tempDir('pc-limited-');
  const file = (name: string, bytes: number) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, 'é'.repeat(bytes / 2));
    return p;
  };

  it('reads a file of exactly the limit, whole', () => {
    expect(readFileLimited(file('at.txt', 64), 64)).toBe('é'.repeat(32));
  });

  it('refuses a file one byte-pair over the limit, and an endless device, after reading only the limit', () => {
    expect(() => readFileLimited(file('over.txt', 66), 64)).toThrow(FileTooLargeError);
    expect(() => readFileLimited('/dev/zero', 1024)).toThrow('larger than 1024 bytes');
  });
});

describe('readFileLimited never waits', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-fifo-'));
  const fifo = path.join(dir, 'lines.json');
  execFileSync('mkfifo', [fifo]);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a FIFO nobody writes to: read at once, empty (open() does not wait for a writer)', () => {
    expect(readFileLimited(fifo, 1024)).toBe('');
  });

  it('a FIFO whose writer has not finished: refused, not waited for', () => {
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = fs.openSync(fifo, 'w');
    try {
      fs.writeSync(writer, '{"child":');
      expect(() => readFileLimited(fifo, 1024)).toThrow(FileWouldBlockError);
    } finally {
      fs.closeSync(writer);
      fs.closeSync(reader);
    }
  });

  it('a directory: refused', () => {
    expect(() => readFileLimited(dir, 1024)).toThrow('it is a directory');
  });
});
