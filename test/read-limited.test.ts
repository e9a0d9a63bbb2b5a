import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTooLargeError, readFileLimited } from '../src/read-limited.js';

describe('readFileLimited', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-limited-'));
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
