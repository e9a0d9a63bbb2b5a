// Every way out runs several cleanup steps: kill the child, end the parent's blocked
// read(2), remove a named pipe, give the terminal back. A step that throws must skip none
// of the others, above all not the ones that end a blocked read: process.exit() waits for
// a thread blocked in read(2) for ever. And a way out that must end the process
// (a fatal error, a lost terminal) exits only once those reads have returned.
import { closeAllLinks } from './ipc/open-links.js';

/** Runs every step, whatever the others do; returns what the failing ones threw. */
export function runEach(steps: readonly (() => unknown)[]): unknown[] {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      step();
    } catch (error) {
      errors.push(error);
    }
  }
  return errors;
}

/** How long an exit waits for the blocked calls to end before it gives up on a clean exit. */
const EXIT_BOUND_MS = 3000;

/**
 * Ends every open link (each kills its child and ends its read before it awaits
 * anything), waits until they are closed, then exits with `code`. Should a read still not
 * have returned within the bound, process.exit() would hang: the process kills itself instead.
 */
export function exitOnceClosed(code: number, closing: Promise<unknown> = Promise.resolve()): void {
  const closed = Promise.allSettled([closing, closeAllLinks()]).then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), EXIT_BOUND_MS)));
  void Promise.race([closed, late]).then((clean) => {
    clearTimeout(timer);
    if (clean) process.exit(code);
    process.kill(process.pid, 'SIGKILL');
  });
}
