// A stopped process (SIGSTOP, Ctrl+Z in another terminal) gets no event in
// Node: only the kernel knows. While the child waits (blocked in read() or at its
// keyboard), a slow look at /proc/PID/stat (once a second, never more, and none at all
// while nothing waits) tells whether it is stopped, so the pane never says "blocked in
// read()" about a process that the kernel has stopped.
import { useEffect, useRef, type Dispatch } from 'react';
import { processState } from '../../kernel/kernel-calls.js';
import type { Action } from '../state/model.js';

const LOOK_EVERY_MS = 1000;

export type StateReader = (pid: number) => string | null;

/**
 * State T is a stop by a signal (SIGSTOP, SIGTSTP, Ctrl+Z): the process stays where it is
 * until SIGCONT. State t is a tracing stop: a tracer (strace, a debugger) holds it at a
 * system call's entry or exit, usually for microseconds, and it is not stopped by a signal.
 */
export function isSignalStop(letter: string | null): boolean {
  return letter === 'T';
}

export function useStoppedWatch(session: number | null, childPid: number | null, waiting: boolean, dispatch: Dispatch<Action>, read: StateReader = processState, now: () => number): void {
  const last = useRef<boolean | null>(null);
  useEffect(() => {
    last.current = null;
    if (session === null || childPid === null || !waiting) return;
    const look = (): void => {
      const letter = read(childPid);
      const stopped = isSignalStop(letter);
      if (letter === null || stopped === last.current) return;
      last.current = stopped;
      dispatch({ type: 'proc-stopped', session, proc: 'child', stopped, at: now() });
    };
    look();
    const timer = setInterval(look, LOOK_EVERY_MS);
    return () => clearInterval(timer);
  }, [session, childPid, waiting, dispatch, read, now]);
}
