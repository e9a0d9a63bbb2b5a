// How a child bundle starts, from the same file as the child itself: its libc first (the
// report ring and the sleep need it), and one helper thread, the lifeline watcher. The
// parent never writes to fd 5, so its end of file means the parent is gone: then the
// child dies, even while its main thread is blocked in read() on a pipe that will never
// reach end of file (one shared pipe). Until then that thread waits in epoll_wait and
// makes no call: the child's turns run on its main thread alone.
// The same entry runs as a child thread (threads: a Worker of the parent's own process,
// ipc/child-thread.ts): then it has no lifeline (the process that would die is its own),
// and its keyboard and doorbell are the pipes named in its workerData.
import { once } from 'node:events';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CHILD_FDS, type ChildThreadData } from '../ipc/child-protocol.js';
import { loadLibc } from '../kernel/libc.js';
import { openReports } from './reports.js';
import { openStepGate } from './step-hold.js';
import { childStdio, useLibc } from './syscalls.js';
import { keepDebuggerClosed } from '../debugger-signal.js';

async function watchParent(): Promise<void> {
  const net = await import('node:net');
  const die = (): void => void process.kill(process.pid, 'SIGKILL');
  new net.Socket({ fd: CHILD_FDS.lifeline, readable: true, writable: false }).on('data', () => {}).on('end', die).on('error', die);
  parentPort?.postMessage('watching');
}

/** This thread's start data when it is a child thread; null in a child process and its lifeline watcher. */
export function childThreadData(): ChildThreadData | null {
  const data = workerData as Partial<ChildThreadData> | null;
  return !isMainThread && data?.childThread ? (data as ChildThreadData) : null;
}

/**
 * An entry point of a child bundle: the main thread runs `main` once libc and the reports
 * are ready and the helper thread watches the parent (its start-up is over before the
 * first turn). A child thread runs `main` once libc and the reports are ready.
 */
export function childEntry(main: () => void): void {
  const thread = childThreadData();
  if (thread) {
    Object.assign(childStdio, thread.childThread);
    return start([], main);
  }
  if (!isMainThread) {
    void watchParent();
    return;
  }
  keepDebuggerClosed();
  const lifeline = new Worker(new URL(import.meta.url));
  lifeline.unref();
  start([once(lifeline, 'message')], main);
}

function start(ready: Promise<unknown>[], main: () => void): void {
  Promise.all([loadLibc(), ...ready]).then(
    ([libc]) => {
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
