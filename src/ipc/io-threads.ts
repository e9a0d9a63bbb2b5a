// The parent's read(2) holds one thread of libuv's pool for as long as it waits, and its
// write(2) needs another: each channel says how many it can hold blocked at once
// (poolThreads in its ends.ts), and this adds them up. libuv starts its pool while Node
// loads the program (before any of our code runs), so a size set by UV_THREADPOOL_SIZE
// cannot be changed from here: with one thread, the parent's write would wait behind a
// read that waits for it.
import { CHANNEL_ENDS } from '../channels/ends-registry.js';
import type { Wiring } from '../channels/names.js';

/** How many threads of libuv's pool one link needs, on the channel that needs the most. */
export const IO_THREADS_NEEDED = Math.max(...Object.values(CHANNEL_ENDS).map((c) => c.poolThreads));

/** The pool threads links on these channels can hold blocked at once, together. */
export function poolThreadsFor(wirings: readonly Wiring[]): number {
  return wirings.reduce((sum, w) => sum + CHANNEL_ENDS[w].poolThreads, 0);
}

/** libuv's pool size: UV_THREADPOOL_SIZE, or its default of 4. */
export function ioThreadPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number.parseInt(env.UV_THREADPOOL_SIZE ?? '', 10);
  return Number.isInteger(size) && size > 0 ? size : 4;
}

/** The pool size the environment asks for, if it is too small for one link. */
export function tooFewIoThreads(env: NodeJS.ProcessEnv = process.env): number | null {
  const size = ioThreadPoolSize(env);
  return size < IO_THREADS_NEEDED ? size : null;
}
