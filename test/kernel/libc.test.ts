// The libc wrappers against the kernel: what /proc says of the fds they make, what
// FIONREAD counts, and an errno named in the error when a call fails.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AF_UNIX, SOCK_STREAM, loadLibc } from '../../src/kernel/libc.js';

const linux = process.platform === 'linux';
const opened: number[] = [];
const keep = <T extends number[]>(fds: T): T => (opened.push(...fds), fds);

afterEach(() => {
  for (const fd of opened.splice(0)) fs.closeSync(fd);
});

describe('libc', () => {
  it.runIf(linux)('pipe2 makes a blocking, close-on-exec pipe that /proc names pipe:[inode]', async () => {
    const c = await loadLibc();
    const [r, w] = keep(c.pipe2(c.constants.O_CLOEXEC));
    expect(fs.readlinkSync(`/proc/self/fd/${r}`)).toMatch(/^pipe:\[\d+\]$/);
    expect(fs.readlinkSync(`/proc/self/fd/${w}`)).toBe(fs.readlinkSync(`/proc/self/fd/${r}`));
    const flags = (fd: number) => fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').match(/^flags:\s+(\d+)/m)?.[1] ?? '';
    // octal: 02000000 is O_CLOEXEC, 04000 O_NONBLOCK
    expect(Number.parseInt(flags(r), 8) & 0o2000000).not.toBe(0);
    expect(Number.parseInt(flags(r), 8) & 0o4000).toBe(0);
  });

  it('FIONREAD counts the bytes queued, and what a read took is no longer counted', async () => {
    const c = await loadLibc();
    const [r, w] = keep(c.pipe2(c.constants.O_CLOEXEC));
    expect(c.fionread(r)).toBe(0);
    fs.writeSync(w, 'hello, pipe');
    expect(c.fionread(r)).toBe(11);
    fs.readSync(r, Buffer.alloc(5), 0, 5, null);
    expect(c.fionread(r)).toBe(6);
  });

  it.runIf(linux)('socketpair makes two connected ends, socket:[inode] each', async () => {
    const c = await loadLibc();
    const [a, b] = keep(c.socketpair(AF_UNIX, SOCK_STREAM));
    expect(fs.readlinkSync(`/proc/self/fd/${a}`)).toMatch(/^socket:\[\d+\]$/);
    fs.writeSync(a, 'ping');
    const buffer = Buffer.alloc(8);
    expect(buffer.subarray(0, fs.readSync(b, buffer, 0, 8, null)).toString()).toBe('ping');
  });

  it('a failed call throws an error naming the call and errno', async () => {
    const c = await loadLibc();
    expect(() => c.fionread(-1)).toThrow('ioctl(FIONREAD): EBADF');
    expect(() => c.openat(c.constants.AT_FDCWD, '/nonexistent/pipe-chat', fs.constants.O_RDONLY)).toThrow('openat: ENOENT');
  });

  it('mkfifoat, openat and unlinkat work relative to a directory fd', async () => {
    const c = await loadLibc();
    const dir = fs.mkdtempSync('/tmp/pipe-chat-libc-test-');
    const [dirFd] = keep([c.openat(c.constants.AT_FDCWD, dir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY)] as [number]);
    try {
      c.mkfifoat(dirFd, 'fifo', 0o600);
      expect(fs.statSync(`${dir}/fifo`).isFIFO()).toBe(true);
      const [r] = keep([c.openat(dirFd, 'fifo', fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)]);
      expect(fs.fstatSync(r as number).isFIFO()).toBe(true);
      c.unlinkat(dirFd, 'fifo', 0);
      expect(fs.existsSync(`${dir}/fifo`)).toBe(false);
      expect(() => c.unlinkat(dirFd, 'fifo', 0)).toThrow('unlinkat: ENOENT');
    } finally {
      fs.rmdirSync(dir);
    }
  });
});
