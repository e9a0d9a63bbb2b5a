import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { lookAtFile, parseFdinfoFlags, readProcFds } from '../../../src/app/hooks/proc-fds.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('proc-fds', () => {
  it('parses open flags from fdinfo (octal): access mode and O_NONBLOCK', () => {
    expect(parseFdinfoFlags('pos:\t0\nflags:\t0104001\nmnt_id:\t15\n')).toEqual({ access: 'write', nonblock: true });
    expect(parseFdinfoFlags('flags:\t02\n')).toEqual({ access: 'read-write', nonblock: false });
    expect(parseFdinfoFlags('nothing here')).toBeNull();
  });

  it('reads a fake /proc: target, inode from "pipe:[N]" when stat cannot follow, flags and pos', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-fds-'));
    cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
    fs.mkdirSync(path.join(root, '42', 'fd'), { recursive: true });
    fs.mkdirSync(path.join(root, '42', 'fdinfo'), { recursive: true });
    fs.symlinkSync('pipe:[12345]', path.join(root, '42', 'fd', '3'));
    fs.writeFileSync(path.join(root, '42', 'fdinfo', '3'), 'pos:\t17\nflags:\t04000\n');
    expect(readProcFds(42, root)).toEqual([{ fd: 3, target: 'pipe:[12345]', inode: 12345, access: 'read', nonblock: true, pos: 17, flags: '04000' }]);
    expect(readProcFds(43, root)).toBeNull();
  });

  it.runIf(process.platform === 'linux')('reads this process’s own fds from the real /proc, with the right inode and mode', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proc-fds-')), 'f');
    const fd = fs.openSync(file, 'w');
    cleanups.push(() => fs.closeSync(fd));
    const mine = readProcFds(process.pid)?.find((f) => f.fd === fd);
    expect(mine).toMatchObject({ target: file, inode: fs.fstatSync(fd).ino, access: 'write' });
  });

  it('looks at a file as cat shows it: each line with the offset it starts at, the zeros between left out; a FIFO is not opened', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-fds-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'com.txt');
    const bytes = Buffer.alloc(8192);
    bytes.write('first line\n', 0);
    bytes.write('second line\n', 4096);
    fs.writeFileSync(file, bytes);
    expect(lookAtFile(file)).toEqual({ size: 8192, inode: fs.statSync(file).ino, lines: [{ offset: 0, text: 'first line' }, { offset: 4096, text: 'second line' }] });
    expect(lookAtFile(path.join(dir, 'gone'))).toBeNull();
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    expect(lookAtFile(path.join(dir, 'fifo'))).toBeNull();
  });
});
