// Step mode's gate: where a process waits before each call it makes on its channel until
// the user lets that one call go. Three Int32 words in memory the waiting thread shares
// with the parent's UI thread: which calls it is held before (its channel's step points
// for it: its read, its write; none when step mode is off), the number of the latest hold
// (counted by the process), and the number of the latest hold let go (stored by the UI).
// The waiting thread sleeps in a futex wait on the third word, using no CPU, and /proc
// shows it there (syscall 202), not in a call on the channel. The parent's call thread
// waits on words of a SharedArrayBuffer (Atomics.wait, ipc/gate.ts); the child, another
// process, on words of the report ring's shared memory (futex(2) through libc,
// child/step-hold.ts). The protocol is the same, so it is here once.
//
// Leaving step mode stores "off" before it lets the hold go, and a process looks at
// "off" after it has counted its hold: a hold counted after the UI looked is seen as off,
// one counted before is let go. So no hold outlives step mode.
import type { StepPoint } from '../channels/step-points.js';
import type { MappedMemory, Mapping } from '../kernel/mapped-memory.js';
import type { Proc } from './events.js';

/** How many Int32 words the gate takes. */
export const STEP_WORDS = 3;
const STEP = 0;
const HELD = 1;
const LET_GO = 2;

export interface StepWords {
  /** The gate's three words (a view over shared memory). */
  words: Int32Array;
  /** Sleeps while words[index] holds `value` (a futex wait; it may return early: the caller looks again). */
  sleep(index: number, value: number): void;
  /** Wakes whoever sleeps on words[index]. */
  wake(index: number): void;
}

/** A bit for each call a process can be held before: the first word holds them (0: step mode is off). */
const HOLD = { read: 1, write: 2 } as const;

/** The calls `proc` is held before, from its channel's step points (its fgets and sleep are no call on the channel: not held); 0 for none. */
export function holdsOf(points: readonly StepPoint[] | null, proc: Proc): number {
  return (points ?? []).reduce((bits, p) => bits | (p.proc === proc && (p.spot === 'read' || p.spot === 'write') ? HOLD[p.spot] : 0), 0);
}

/** Step mode is on for this process. */
function stepping(gate: StepWords): boolean {
  return Atomics.load(gate.words, STEP) !== 0;
}

/** Step mode holds the process before `call`: one load from memory. */
export function holdsBefore(gate: StepWords, call: 'read' | 'write'): boolean {
  return (Atomics.load(gate.words, STEP) & HOLD[call]) !== 0;
}

/**
 * Counts a hold, then says so (`say`: from then on the UI's key finds it held), and waits
 * until it is let go or step mode is left (true), or until `closed()` (the way out: false).
 * Said before it was counted, a key pressed at once found nothing held and did nothing.
 */
export function holdHere(gate: StepWords, say: () => void, closed: () => boolean = () => false): boolean {
  const hold = Atomics.add(gate.words, HELD, 1) + 1;
  say();
  for (;;) {
    if (closed()) return false;
    const letGo = Atomics.load(gate.words, LET_GO);
    if (letGo - hold >= 0 || !stepping(gate)) return true;
    gate.sleep(LET_GO, letGo);
  }
}

/** Lets the hold the process waits at go; false when it is not held. */
export function letGo(gate: StepWords): boolean {
  const held = Atomics.load(gate.words, HELD);
  if (Atomics.load(gate.words, LET_GO) === held) return false;
  Atomics.store(gate.words, LET_GO, held);
  gate.wake(LET_GO);
  return true;
}

/** Which calls the process is held before from now (holdsOf); 0 turns step mode off and lets a held process go on at once. */
export function setStepping(gate: StepWords, holds: number): void {
  Atomics.store(gate.words, STEP, holds);
  if (holds === 0) letGo(gate);
}

/**
 * A gate whose words are in memory two processes map (the report ring), `at` bytes into
 * this process's mapping of it, waited on with futex(2): a futex names a word by its place
 * in the shared pages, so each process uses its own address. Null where futex(2) cannot
 * be called (not Linux).
 */
export function sharedStepWords(memory: MappedMemory, mapping: Mapping, at: number): StepWords | null {
  const { futexWait, futexWake } = memory;
  if (!futexWait || !futexWake) return null;
  const addressOf = (index: number): bigint => mapping.address + BigInt(at + index * 4);
  return {
    words: new Int32Array(mapping.buffer, at, STEP_WORDS),
    sleep: (index, value) => futexWait(addressOf(index), value),
    wake: (index) => futexWake(addressOf(index)),
  };
}

/** A gate whose words are a SharedArrayBuffer's (threads of one process): Atomics.wait and Atomics.notify. */
export function threadStepWords(words: Int32Array): StepWords {
  return {
    words,
    sleep: (index, value) => void Atomics.wait(words, index, value),
    wake: (index) => void Atomics.notify(words, index),
  };
}
