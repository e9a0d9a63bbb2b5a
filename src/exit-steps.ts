// A way out that must end the process (a fatal error, a lost terminal) exits only once
// every blocked read(2) of ours has returned: process.exit() waits for a thread blocked
// in read(2) for ever.
import { closeAllLinks } from './ipc/open-links.js';

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
