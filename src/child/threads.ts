// How a child bundle starts, from the same file as the child itself: its libc first (the
// report ring and the sleep need it), then the watch on its parent. The parent never
// writes to fd 5 (the lifeline, one end of a socket pair), so its end of file means the
// parent is gone. The child asks the kernel for SIGIO on that socket (O_ASYNC), whose
// default action ends the process: it dies then even while its main thread is blocked in
// read() on a pipe that will never reach end of file (one shared pipe), and no thread of
// its own waits for it. The child's turns run on its main thread alone.
// The same entry runs as a child thread (threads: a Worker of the parent's own process,
// ipc/child-thread.ts): then it has no lifeline (the process that would die is its own),
// and its keyboard and doorbell are the pipes named in its workerData.
import fs from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { CHILD_FDS, type ChildThreadData } from '../ipc/child-protocol.js';
import { errnoCode } from '../ipc/events.js';
import { loadLibc, type Libc } from '../kernel/libc.js';
import { openReports } from './reports.js';
import { openStepGate } from './step-hold.js';
import { childStdio, useLibc } from './syscalls.js';
import { keepDebuggerClosed } from '../debugger-signal.js';

/**
 * SIGIO once the lifeline's other end closes; and a parent already gone (before the
 * signal was asked for) is seen at once: the read finds end of file, not EAGAIN.
 */
function watchParent(libc: Libc): void {
  const die = (): void => void process.kill(process.pid, 'SIGKILL');
  try {
    libc.signalOnHangup(CHILD_FDS.lifeline);
    if (fs.readSync(CHILD_FDS.lifeline, Buffer.alloc(1)) === 0) die();
  } catch (error) {
    if (errnoCode(error) !== 'EAGAIN') die();
  }
}

/** This thread's start data when it is a child thread; null in a child process. */
export function childThreadData(): ChildThreadData | null {
  const data = workerData as Partial<ChildThreadData> | null;
  return !isMainThread && data?.childThread ? (data as ChildThreadData) : null;
}

/**
 * An entry point of a child bundle: the main thread runs `main` once libc and the reports
 * are ready and the parent is watched. A child thread runs `main` once libc and the
 * reports are ready.
 */
export function childEntry(main: () => void): void {
  const thread = childThreadData();
  if (thread) {
    Object.assign(childStdio, thread.childThread);
    return start(main);
  }
  keepDebuggerClosed();
  start(main, watchParent);
}

function start(main: () => void, watch?: (libc: Libc) => void): void {
  loadLibc().then(
    (libc) => {
      watch?.(libc);
      useLibc(libc);
      openStepGate(libc, openReports(libc));
      main();
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
