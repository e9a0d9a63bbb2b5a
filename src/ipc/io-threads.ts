// The parent's read(2) holds one thread of libuv's pool for as long as it waits, and its
// write(2) needs another. libuv starts its pool while Node loads the program (before any
// of our code runs), so a size set by UV_THREADPOOL_SIZE cannot be changed from here:
// with one thread, the parent's write would wait behind a read that waits for it.

/** How many threads of libuv's pool a link needs: its parent's blocked read, and its writes. */
export const IO_THREADS_NEEDED = 2;

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
