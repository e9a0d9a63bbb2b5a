// The reader without waiting: it checks its box's sequence number again and again until
// a new message is there, on the thread that makes its calls (the child's main thread,
// the parent's call thread). What it finds is counted, never guessed: a number that
// jumped by more than one message means LOST messages (overwritten before it looked); a
// number that changed while it copied means a TORN copy (the seqlock of boxes.ts), which
// it counts and copies again. After SPIN_LIMIT_MS with no message it stops spinning and
// says so; the caller parks it at its gate until a key says to go on.
import { readStable, sequence, type Box } from '../shm/boxes.js';

/** How long a reader spins with no message before it stops (a forgotten chat must not burn a battery). */
export const SPIN_LIMIT_MS = 30_000;
/** Looks at the clock (and the stop flag) once every this many checks: a check is a load, a clock read is not free. */
const CHECKS_PER_LOOK = 4096;

export interface SpinState {
  /** The last sequence number read (even: 2 × messages written). */
  lastSeq: number;
}

export type SpinOutcome = { kind: 'message'; length: number; lost: number; torn: number } | { kind: 'idle'; torn: number } | { kind: 'stopped'; torn: number };

/** Spins until a new message is in `box` (copied into `into`), `limitMs` pass without one, or `stop()` says so. */
export function spinForMessage(box: Box, into: Uint8Array, state: SpinState, stop: () => boolean, limitMs = SPIN_LIMIT_MS): SpinOutcome {
  const started = performance.now();
  let torn = 0;
  for (let checks = 1; ; checks++) {
    if (sequence(box) !== state.lastSeq) {
      const copy = readStable(box, into);
      if (copy === 'torn') torn++;
      else if (copy !== 'writing' && copy.seq !== state.lastSeq) {
        const lost = Math.max(0, (copy.seq - state.lastSeq) / 2 - 1);
        state.lastSeq = copy.seq;
        return { kind: 'message', length: copy.length, lost, torn };
      }
    }
    if (checks % CHECKS_PER_LOOK === 0) {
      if (stop()) return { kind: 'stopped', torn };
      if (performance.now() - started >= limitMs) return { kind: 'idle', torn };
    }
  }
}
