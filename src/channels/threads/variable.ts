// The variable two threads of one process share: a SharedArrayBuffer (no kernel object,
// no fd: plain memory of the process, which each thread sees as it is) holding the two
// boxes of shared memory (../shm/boxes.ts: one per direction, each with its sequence
// number, written as a seqlock), and one word more, the stop word, which every way out
// raises. A writer stores its line and moves on; nothing makes it wait. A reader either
// checks the sequence number in a loop (threads-busy, ../spinning-reader.ts) or sleeps in
// Atomics.wait on it until a writer's Atomics.notify: V8 parks the thread in a futex wait,
// so the kernel does the waiting and the thread uses no CPU.
import { boxOf, boxSource, put, SEGMENT_BYTES, sequence, type Box, type BoxIndex } from '../shm/boxes.js';
import type { SpinOutcome } from '../spinning-reader.js';

/** The two boxes, then the stop word. */
export const VARIABLE_BYTES = SEGMENT_BYTES + 4;

export function newVariable(): SharedArrayBuffer {
  return new SharedArrayBuffer(VARIABLE_BYTES);
}

function stopWord(memory: SharedArrayBuffer): Int32Array {
  return new Int32Array(memory, SEGMENT_BYTES, 1);
}

/** True once the way out has begun: a reader returns, a writer writes nothing more. */
export function stopped(memory: SharedArrayBuffer): boolean {
  return Atomics.load(stopWord(memory), 0) === 1;
}

/** Raises the stop word and wakes every reader waiting on either box (a spinning one sees the word on its next look). */
export function stopAll(memory: SharedArrayBuffer): void {
  Atomics.store(stopWord(memory), 0, 1);
  for (const index of [0, 1] as const) Atomics.notify(boxOf(memory, index).header, 0);
}

/** The writer's store, then the notify that wakes a reader sleeping on the box's sequence number. */
export function putAndNotify(box: Box, bytes: Uint8Array): number {
  const n = put(box, bytes);
  Atomics.notify(box.header, 0);
  return n;
}

/**
 * Sleeps in Atomics.wait on the box's sequence number until it holds a message this reader
 * has not seen (copied into `into`), or the stop word is raised. Lost and torn are
 * counted as the spinning reader counts them: the writer never waits for this reader.
 */
export function waitForMessage(memory: SharedArrayBuffer, index: BoxIndex, into: Uint8Array, state: { lastCount: number }): SpinOutcome {
  const box = boxOf(memory, index);
  const source = boxSource(box);
  let torn = 0;
  for (;;) {
    if (stopped(memory)) return { kind: 'stopped', torn };
    const seq = sequence(box);
    if (source.count() !== state.lastCount) {
      const copy = source.copy(into);
      if (copy === 'torn') {
        torn++;
        continue;
      }
      if (copy !== 'writing') {
        const lost = Math.max(0, copy.count - state.lastCount - 1);
        state.lastCount = copy.count;
        return { kind: 'message', length: copy.length, lost, torn };
      }
    }
    // Nothing new (or a writer in the box): the kernel keeps this thread until a notify.
    Atomics.wait(box.header, 0, seq);
  }
}
