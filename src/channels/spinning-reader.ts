// The reader without waiting (shm-busy's box, file's line): nothing in the kernel makes it
// wait for a message, so it looks at its writer's record again and again until the
// writer's count has moved, on the thread that makes its calls (the child's main thread,
// the parent's call thread, never the UI thread). What it finds is counted, never
// guessed: a count that jumped by more than one means LOST messages (overwritten before it
// looked); a copy a write came into means a TORN copy, counted, and copied again. It says
// what it does through the notes of its read: spinning on thread TID, stopped after
// SPIN_LIMIT_MS with no message and the CPU that cost, messages lost or torn. Stopped, it
// waits at its gate (the parent's: a futex; the child's: its keyboard) until a key opens it.
import { ownTid, threadCpuMs } from '../kernel/thread-cpu.js';
import type { CallResult, Gate, ProcessCalls } from './channel-ends.js';

/** How long a reader spins with no message before it stops (a forgotten chat must not burn a battery). */
export const SPIN_LIMIT_MS = 30_000;
/** Looks at the clock (and the stop flag) once every this many checks: a check is a load or a pread, a clock read is not free. */
const CHECKS_PER_LOOK = 4096;

/** A writer's record as its reader looks at it: a box in shared memory, a line in a file. */
export interface SpinSource {
  /** How many messages its writer has finished, as one cheap look shows it now (a load; a pread of the line's head). */
  count(): number;
  /** A copy of the message into `into`, with its count; 'writing' when a writer is in it now (nothing copied), 'torn' when a write came into the copy. */
  copy(into: Uint8Array): { count: number; length: number } | 'writing' | 'torn';
}

export type SpinOutcome = { kind: 'message'; length: number; lost: number; torn: number } | { kind: 'idle'; torn: number } | { kind: 'stopped'; torn: number };

/** Spins until a message past `state.lastCount` is in `source` (copied into `into`), `limitMs` pass without one, or `stop()` says so. */
export function spinForMessage(source: SpinSource, into: Uint8Array, state: { lastCount: number }, stop: () => boolean, limitMs = SPIN_LIMIT_MS): SpinOutcome {
  const started = performance.now();
  let torn = 0;
  for (let checks = 1; ; checks++) {
    if (source.count() !== state.lastCount) {
      const copy = source.copy(into);
      if (copy === 'torn') torn++;
      else if (copy !== 'writing' && copy.count !== state.lastCount) {
        const lost = Math.max(0, copy.count - state.lastCount - 1);
        state.lastCount = copy.count;
        return { kind: 'message', length: copy.length, lost, torn };
      }
    }
    if (checks % CHECKS_PER_LOOK === 0) {
      if (stop()) return { kind: 'stopped', torn };
      if (performance.now() - started >= limitMs) return { kind: 'idle', torn };
    }
  }
}

/**
 * A read that spins on `source` on the calling thread, telling the screen what it does
 * through its note; after `limitMs` with no message it parks at `gate` until a key opens
 * it. ECANCELED once the gate is closed for good (the way out has begun).
 */
export function spinningRead(source: SpinSource, gate: Gate, limitMs: number): ProcessCalls['readInto'] {
  const state = { lastCount: 0 };
  return (buffer, note): CallResult => {
    // A closed gate: the way out has begun, and what the reader looks at may be about to go.
    if (gate.closed()) return 'ECANCELED';
    const tid = ownTid() ?? process.pid;
    note?.({ kind: 'spinning', tid });
    for (;;) {
      const outcome = spinForMessage(source, buffer, state, gate.closed, limitMs);
      if (outcome.torn > 0 || (outcome.kind === 'message' && outcome.lost > 0)) note?.({ kind: 'missed', lost: outcome.kind === 'message' ? outcome.lost : 0, torn: outcome.torn });
      if (outcome.kind === 'message') return outcome.length;
      if (outcome.kind === 'stopped') return 'ECANCELED';
      note?.({ kind: 'idle', cpuMs: threadCpuMs(process.pid, tid) ?? 0, parkedIn: gate.waitsIn });
      // Parked at the gate until a key in the UI opens it (the parent's: a futex, no CPU).
      if (!gate.wait()) return 'ECANCELED';
      note?.({ kind: 'spinning', tid });
    }
  };
}

const LIMIT_ARG = '--spin-limit-ms';

/** How long a reader spins with no message before it stops: SPIN_LIMIT_MS, or less where a test says so (read by the parent, told to both readers). */
export function spinLimitArgs(): string[] {
  const ms = Number(process.env.PIPE_CHAT_SPIN_LIMIT_MS);
  return [LIMIT_ARG, String(Number.isInteger(ms) && ms > 0 ? ms : SPIN_LIMIT_MS)];
}

/** The limit spinLimitArgs put in a process's arguments. */
export function spinLimitOf(argv: readonly string[]): number {
  const ms = Number(argv[argv.indexOf(LIMIT_ARG) + 1]);
  if (!argv.includes(LIMIT_ARG) || !Number.isInteger(ms)) throw new Error(`the reader's calls need ${LIMIT_ARG} N`);
  return ms;
}
