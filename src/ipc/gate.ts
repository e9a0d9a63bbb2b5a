// The gate of the parent's call thread: where a call that stopped on its own waits to go
// on (shm-busy's reader, after spinning SPIN_LIMIT_MS without a message), and how a call
// that never waits in the kernel learns that the way out has begun. Two Int32 words over
// a SharedArrayBuffer the UI thread made (ipc/call-thread.ts): how many times it was
// opened, and whether it is closed for good. The waiting thread sleeps in Atomics.wait,
// a futex (/proc shows it in futex_wait, using no CPU); the UI thread's key opens it
// with Atomics.notify. Nothing in it is particular to a channel. Step mode's gate
// (step-gate.ts) follows in the same buffer, so that closing the one ends a wait at either.
import type { Gate } from '../channels/channel-ends.js';
import { STEP_WORDS, threadStepWords, type StepWords } from './step-gate.js';

const OPENED = 0;
const CLOSED = 1;
/** Where step mode's words begin. */
const STEP_AT = 2;
export const GATE_BYTES = (STEP_AT + STEP_WORDS) * 4;

/** Step mode's gate in the same words: the call thread holds there, the UI thread lets go. */
export function stepWordsOf(words: Int32Array): StepWords {
  return threadStepWords(words.subarray(STEP_AT, STEP_AT + STEP_WORDS));
}

/** The waiting side, on the thread that makes the calls. */
export function gateOn(words: Int32Array): Gate {
  const closed = (): boolean => Atomics.load(words, CLOSED) === 1;
  return {
    wait: () => {
      const opened = Atomics.load(words, OPENED);
      while (Atomics.load(words, OPENED) === opened && !closed()) Atomics.wait(words, OPENED, opened);
      return !closed();
    },
    closed,
    waitsIn: 'futex',
  };
}

/** Lets a call waiting at the gate go on (a key in the UI). */
export function openGate(words: Int32Array): void {
  Atomics.add(words, OPENED, 1);
  Atomics.notify(words, OPENED);
}

/** Closes the gate for good (the way out): a call waiting there, or held by step mode, returns; a loop that checks it stops. */
export function closeGate(words: Int32Array): void {
  Atomics.store(words, CLOSED, 1);
  Atomics.notify(words, OPENED);
  for (let i = STEP_AT; i < STEP_AT + STEP_WORDS; i++) Atomics.notify(words, i);
}
