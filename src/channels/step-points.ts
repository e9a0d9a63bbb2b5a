// Where a process can be in its program, and where step mode may stop it: the
// vocabulary the process half (ipc/step-gate.ts, link.ts) and the view half (the source
// view's marks) share, so neither needs the other to name a line.

/** Where a process can be in the program. */
export type Spot = 'fork' | 'fgets' | 'write' | 'sleep' | 'read' | 'end';

/**
 * A point where step mode may stop a process: before the call on that line of the source.
 * Step mode holds a process at its `read` and `write` points (ipc/step-gate.ts holdsOf),
 * the calls it makes on the channel; `fgets` and `sleep` are no call on the channel.
 */
export interface StepPoint {
  proc: 'parent' | 'child';
  spot: Spot;
}

/** The step points every channel of the exercise has: each process at its keyboard, its write, its read; the child's sleep when its delay is set. */
export const EXERCISE_STEP_POINTS: readonly StepPoint[] = [
  { proc: 'child', spot: 'fgets' },
  { proc: 'child', spot: 'write' },
  { proc: 'child', spot: 'sleep' },
  { proc: 'child', spot: 'read' },
  { proc: 'parent', spot: 'read' },
  { proc: 'parent', spot: 'fgets' },
  { proc: 'parent', spot: 'write' },
];

/** A one-way channel's (pipe1): the child at its keyboard, its write and its sleep; the parent at its read. Neither makes another call on the pipe. */
export const ONE_WAY_STEP_POINTS: readonly StepPoint[] = [
  { proc: 'child', spot: 'fgets' },
  { proc: 'child', spot: 'write' },
  { proc: 'child', spot: 'sleep' },
  { proc: 'parent', spot: 'read' },
];
