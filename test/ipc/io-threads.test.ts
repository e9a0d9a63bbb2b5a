// UV_THREADPOOL_SIZE read as libuv reads it (atoi into an unsigned int, 0 → 1, over 1024 →
// 1024), so that a value libuv turns into one thread is refused at once instead of leaving
// the parent's write waiting for ever behind its own blocked read.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { poolSizeOf } from '../../src/ipc/io-threads.js';

describe('the I/O thread pool size, as libuv reads it', () => {
  it.each([
    [undefined, 4],
    ['4', 4],
    ['junk', 1],
    ['0x2', 1],
    ['', 1],
    ['0', 1],
    [' 3', 3],
    ['\t+2', 2],
    ['3abc', 3],
    ['2.9', 2],
    ['-1', 1024],
    ['1025', 1024],
    ['4294967298', 2],
    ['99999999999999999999999', 1024],
  ])('UV_THREADPOOL_SIZE=%j gives %i threads', (value, threads) => {
    expect(poolSizeOf(value)).toBe(threads);
  });

  it.each(['junk', '0x2', ''])('UV_THREADPOOL_SIZE=%j: the race is refused at once with one line and exit 2, not left waiting', async (value) => {
    const r = await execa(process.execPath, ['dist/cli.js', 'race', '--trials', '3'], { reject: false, input: '', timeout: 15_000, env: { LANG: 'C.UTF-8', LC_ALL: '', UV_THREADPOOL_SIZE: value } });
    expect(r.timedOut).toBe(false);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')).toEqual([expect.stringContaining(`UV_THREADPOOL_SIZE=${value} (libuv reads it as 1) leaves too few I/O threads`)]);
  });
});
