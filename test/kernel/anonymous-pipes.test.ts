// Anonymous pipes from pipe2(2) through libc: one kernel object per pipe, each end its
// own fd, blocking ends sharing the pipe's description and non-blocking ends on one of
// their own, and nothing on disk.
import fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { openKernelPipes } from '../../src/kernel/anonymous-pipes.js';

const open: number[] = [];
afterEach(() => {
  for (const fd of open.splice(0)) fs.closeSync(fd);
});

/** What this process has in the scratch roots the named pipe uses. */
function scratchEntries(): string[] {
  return [process.env.XDG_RUNTIME_DIR, os.tmpdir()].flatMap((root) => (root ? fs.readdirSync(root).filter((name) => name.startsWith(`pipe-chat-${process.pid}-`)) : []));
}

describe('kernel pipes', () => {
  it('gives fds of one anonymous pipe (pipe:[inode], as pipe(2) gives), with nothing on disk', async () => {
    const before = scratchEntries();
    const [pipe] = await openKernelPipes([['read-nonblocking', 'write-nonblocking', 'read-blocking', 'write-blocking']]);
    open.push(...(pipe?.fds ?? []));
    expect(pipe?.fds).toHaveLength(4);
    for (const fd of pipe?.fds ?? []) {
      const stat = fs.fstatSync(fd);
      expect(stat.isFIFO()).toBe(true);
      expect(stat.ino).toBe(pipe?.inode);
      expect(fs.readlinkSync(`/proc/self/fd/${fd}`)).toBe(`pipe:[${pipe?.inode}]`);
    }
    expect(scratchEntries()).toEqual(before);
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
});
