import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKernelPipes, removeStaleScratchDirs } from '../../src/ipc/kernel-pipe.js';

const open: number[] = [];
afterEach(() => {
  for (const fd of open.splice(0)) fs.closeSync(fd);
});

function scratchEntries(): string[] {
  const root = process.env.XDG_RUNTIME_DIR ?? os.tmpdir();
  return fs.readdirSync(root).filter((name) => name.startsWith(`pipe-chat-${process.pid}-`));
}

describe('kernel pipes', () => {
  it('gives FIFO fds of one pipe, with nothing left on disk', async () => {
    const [pipe] = await openKernelPipes([['read-nonblocking', 'write-nonblocking', 'read-blocking', 'write-blocking']]);
    open.push(...(pipe?.fds ?? []));
    expect(pipe?.fds).toHaveLength(4);
    for (const fd of pipe?.fds ?? []) {
      const stat = fs.fstatSync(fd);
      expect(stat.isFIFO()).toBe(true);
      expect(stat.ino).toBe(pipe?.inode);
      expect(stat.nlink).toBe(0); // unlinked: no path reaches it any more
      expect(stat.mode & 0o077).toBe(0); // nobody else could open it while it had a path
    }
    expect(scratchEntries()).toEqual([]);
  });

  it('moves bytes from the write end to the read end, and gives EOF when the last writer closes', async () => {
    const [pipe] = await openKernelPipes([['read-nonblocking', 'write-blocking']]);
    const [r, w] = pipe?.fds as [number, number];
    open.push(r);
    fs.writeSync(w, 'C1:hi\n');
    const buf = Buffer.alloc(64);
    expect(buf.toString('utf8', 0, fs.readSync(r, buf))).toBe('C1:hi\n');
    expect(() => fs.readSync(r, buf)).toThrow(/EAGAIN/); // empty, a writer still open, non-blocking
    fs.closeSync(w);
    expect(fs.readSync(r, buf)).toBe(0);
  });

  it('holds 64 KiB, then refuses a non-blocking write with EAGAIN; EPIPE once no reader is left', async () => {
    const [pipe] = await openKernelPipes([['read-blocking', 'write-nonblocking']]);
    const [r, w] = pipe?.fds as [number, number];
    open.push(w);
    let total = 0;
    const page = Buffer.alloc(4096);
    for (;;) {
      try {
        total += fs.writeSync(w, page);
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('EAGAIN');
        break;
      }
    }
    expect(total).toBe(64 * 1024);
    fs.closeSync(r);
    expect(() => fs.writeSync(w, page)).toThrow(/EPIPE/);
  });

  it('keeps separate open file descriptions: a non-blocking end does not make the other end non-blocking', async () => {
    const [pipe] = await openKernelPipes([['read-nonblocking', 'write-blocking', 'read-blocking']]);
    open.push(...(pipe?.fds ?? []));
    // /proc/<pid>/fdinfo/<fd> shows the description's flags, in octal.
    const flags = (fd: number) => parseInt(/flags:\s+(\d+)/.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1] ?? 'x', 8);
    const O_NONBLOCK = 0o4000;
    const [nonblocking, , blocking] = (pipe?.fds ?? []).map(flags);
    expect((nonblocking ?? 0) & O_NONBLOCK).toBe(O_NONBLOCK);
    expect((blocking ?? 0) & O_NONBLOCK).toBe(0);
  });

  it('removes scratch directories left by a process that died mid-creation', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-root-'));
    const deadPid = 2 ** 22 + 12345; // above pid_max's default range: never alive
    fs.mkdirSync(path.join(root, `pipe-chat-${deadPid}-abc`));
    fs.mkdirSync(path.join(root, `pipe-chat-${process.pid}-live`));
    removeStaleScratchDirs(root);
    expect(fs.readdirSync(root).sort()).toEqual([`pipe-chat-${process.pid}-live`]);
    fs.rmSync(root, { recursive: true });
  });
});
