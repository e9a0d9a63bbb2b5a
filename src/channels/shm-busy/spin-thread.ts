// The parent's reader without waiting: a Worker thread of the parent's own (never the UI
// thread), which spins on the child's box until a new message is there and copies it
// into a transfer buffer the main thread reads. Between reads it waits on a futex (no
// CPU): the parent reads only when it reads. The main thread asks for a read, tells it
// to resume after it stopped for want of messages, or to stop, through an Int32Array
// over a SharedArrayBuffer (Control); the thread answers with messages (SpinReply).
// The segment is the parent's own attachment, viewed here from its address: a Worker
// cannot be handed the ArrayBuffer the main thread has, and attaching again would make
// nattch 3.
import { parentPort } from 'node:worker_threads';
import type { ReadNote } from '../channel-ends.js';
import { loadLibc } from '../../kernel/libc.js';
import { ownTid, threadCpuMs } from '../../kernel/thread-cpu.js';
import { boxOf, UP } from '../shm/boxes.js';
import { spinForMessage, type SpinState } from './spin.js';

/** The control words, by index: read requests asked (a counter), stop (1), resumes asked (a counter). */
export const ASKED = 0;
export const STOP = 1;
export const RESUMES = 2;
export const CONTROL_WORDS = 3;

export interface SpinThreadData {
  address: bigint;
  bytes: number;
  control: SharedArrayBuffer;
  transfer: SharedArrayBuffer;
  limitMs: number;
}

export type SpinReply = { type: 'note'; note: ReadNote } | { type: 'message'; length: number };

export async function runSpinThread(data: SpinThreadData): Promise<void> {
  const { sysv } = await loadLibc();
  const box = boxOf(sysv.viewAt(data.address, data.bytes), UP);
  const control = new Int32Array(data.control);
  const into = new Uint8Array(data.transfer);
  const post = (reply: SpinReply): void => parentPort?.postMessage(reply);
  const tid = ownTid() ?? 0;
  const stopped = (): boolean => Atomics.load(control, STOP) === 1;
  const state: SpinState = { lastSeq: 0 };
  for (let served = 0; !stopped(); served++) {
    // Waits for the parent's next read without spinning: a futex, no CPU.
    while (Atomics.load(control, ASKED) === served && !stopped()) Atomics.wait(control, ASKED, served);
    if (stopped()) break;
    post({ type: 'note', note: { kind: 'spinning', tid } });
    for (;;) {
      const outcome = spinForMessage(box, into, state, stopped, data.limitMs);
      if (outcome.torn > 0 || (outcome.kind === 'message' && outcome.lost > 0)) post({ type: 'note', note: { kind: 'missed', lost: outcome.kind === 'message' ? outcome.lost : 0, torn: outcome.torn } });
      if (outcome.kind === 'message') {
        post({ type: 'message', length: outcome.length });
        break;
      }
      if (outcome.kind === 'stopped') return;
      // Idle too long: stop spinning, say what it burned, and wait (a futex, no CPU) for a key.
      post({ type: 'note', note: { kind: 'idle', cpuMs: threadCpuMs(process.pid, tid) ?? 0 } });
      const resumes = Atomics.load(control, RESUMES);
      while (Atomics.load(control, RESUMES) === resumes && !stopped()) Atomics.wait(control, RESUMES, resumes);
      if (stopped()) return;
      post({ type: 'note', note: { kind: 'spinning', tid } });
    }
  }
}
