// The child's two helper threads, started from the same bundle as the child itself: the
// reporter (reports.ts) and the lifeline watcher. The parent never writes to fd 5, so its
// end of file means the parent is gone: then the child dies, even while its main thread
// is blocked in read() on a pipe that will never reach end of file (one shared pipe).
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { CHILD_FDS } from '../ipc/child-protocol.js';
import type { Mailbox } from '../ipc/report-mailbox.js';
import { mailbox, runReporter } from './reports.js';
import { keepDebuggerClosed } from '../debugger-signal.js';

type ThreadRole = { role: 'lifeline' } | { role: 'reporter'; mailbox: Mailbox };

function startThread(data: ThreadRole): void {
  new Worker(new URL(import.meta.url), { workerData: data }).unref();
}

async function watchParent(): Promise<void> {
  const net = await import('node:net');
  const die = (): void => void process.kill(process.pid, 'SIGKILL');
  new net.Socket({ fd: CHILD_FDS.lifeline, readable: true, writable: false }).on('data', () => {}).on('end', die).on('error', die);
}

/** An entry point of a child bundle: the main thread runs `main` with its threads started; a helper thread plays its role. */
export function childEntry(main: () => void): void {
  if (!isMainThread) {
    const data = workerData as ThreadRole;
    if (data.role === 'reporter') runReporter(data.mailbox);
    else void watchParent();
    return;
  }
  keepDebuggerClosed();
  startThread({ role: 'lifeline' });
  if (mailbox) startThread({ role: 'reporter', mailbox });
  main();
}
