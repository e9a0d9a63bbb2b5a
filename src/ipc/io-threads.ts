// The parent's read(2) holds one thread of libuv's pool for as long as it waits, and its
// write(2) needs another: each channel says how many it can hold blocked at once
// (poolThreads in its ends.ts), and this adds them up. libuv starts its pool while Node
// loads the program (before any of our code runs), so a size set by UV_THREADPOOL_SIZE
// cannot be changed from here: with one thread, the parent's write would wait behind a
// read that waits for it. So the size is read exactly as libuv reads it (poolSizeOf).
import { CHANNEL_ENDS } from '../channels/ends-registry.js';
import type { Wiring } from '../channels/names.js';

/** How many threads of libuv's pool one link needs, on the channel that needs the most. */
export const IO_THREADS_NEEDED = Math.max(...Object.values(CHANNEL_ENDS).map((c) => c.poolThreads));

/** The pool threads links on these channels can hold blocked at once, together. */
export function poolThreadsFor(wirings: readonly Wiring[]): number {
  return wirings.reduce((sum, w) => sum + CHANNEL_ENDS[w].poolThreads, 0);
}

/** libuv's pool size when UV_THREADPOOL_SIZE is not set. */
const DEFAULT_POOL_SIZE = 4;
/** libuv's MAX_THREADPOOL_SIZE. */
const MAX_POOL_SIZE = 1024;
const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/**
 * The pool size libuv makes for this value of UV_THREADPOOL_SIZE. libuv (threadpool.c)
 * does `nthreads = atoi(val)` into an unsigned int, then 0 becomes 1 and anything over
 * 1024 becomes 1024. atoi is glibc's strtol cast to int: leading C-locale spaces, a
 * sign, decimal digits up to the first other character ("0x2" and "junk" are 0: one
 * thread; "3abc" is 3; "" is 0), clamped to a long on overflow, then cut to 32 bits ("-1"
 * is 4294967295 unsigned: 1024 threads; "4294967298" is 2).
 */
export function poolSizeOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_POOL_SIZE;
  const [, sign = '', digits = ''] = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(value) ?? [];
  const parsed = BigInt(digits || '0') * (sign === '-' ? -1n : 1n);
  const long = parsed > LONG_MAX ? LONG_MAX : parsed < LONG_MIN ? LONG_MIN : parsed;
  const threads = Number(BigInt.asUintN(32, long));
  return threads === 0 ? 1 : Math.min(threads, MAX_POOL_SIZE);
}

/** libuv's pool size in this environment. */
export function ioThreadPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  return poolSizeOf(env.UV_THREADPOOL_SIZE);
}

/** The pool size the environment asks for, if it is too small for `needed` threads held at once (one link by default). */
export function tooFewIoThreads(env: NodeJS.ProcessEnv = process.env, needed = IO_THREADS_NEEDED): number | null {
  const size = ioThreadPoolSize(env);
  return size < needed ? size : null;
}
