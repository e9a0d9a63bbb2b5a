// Shared memory without waiting: the segment and boxes of `shm` (../shm), no semaphores.
// A writer copies its line into its box and moves on; nothing makes it wait for the
// reader, so a line the reader has not yet seen is overwritten: LOST. A reader checks the
// box's sequence number again and again (spin.ts), on a thread that does nothing else:
// the child's main thread, and the parent's spin thread (a Worker, never the UI thread,
// spin-thread.ts). Neither waits in the kernel: /proc shows it running, a whole core's
// worth, and the screen says BUSY WAITING with that CPU. After SPIN_LIMIT_MS without a
// message a reader stops spinning and says so; a key in the UI makes both spin again.
// The parent's reader is ended on the way out by its stop flag, and the parent detaches
// once that thread has gone; the child marked the segment IPC_RMID once both attached.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadLibc } from '../../kernel/libc.js';
import { threadCpuMs } from '../../kernel/thread-cpu.js';
import type { CallResult, ChannelEnds, ChildCalls, ChildSide, ParentCalls, ReadNote } from '../channel-ends.js';
import { BOX_CAPACITY, boxOf, DOWN, put, SEGMENT_BYTES, UP, type Box } from '../shm/boxes.js';
import { forgetMapping, rememberMapping } from '../shm/own-mapping.js';
import { attachInChild, makeSegment, removeQuietly, segmentArgs } from '../shm/segment.js';
import { SPIN_LIMIT_MS, spinForMessage, type SpinState } from './spin.js';
import { ASKED, CONTROL_WORDS, RESUMES, STOP, type SpinReply, type SpinThreadData } from './spin-thread.js';

/** How long a reader spins with no message before it stops: SPIN_LIMIT_MS, or less where a test says so. */
function spinLimitMs(): number {
  const ms = Number(process.env.PIPE_CHAT_SPIN_LIMIT_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : SPIN_LIMIT_MS;
}

export function spinSite(box: number): string {
  return `box ${box}.seq`;
}

export function storeSite(box: number): string {
  return `strcpy(box ${box}), no wait`;
}

/** The child's reader on its main thread, and its writer, which never waits. */
function busyChildCalls(read: Box, write: Box, child: ChildSide): ChildCalls {
  const state: SpinState = { lastSeq: 0 };
  return {
    read: { fd: -1, on: spinSite(DOWN) },
    write: { fd: -1, on: storeSite(UP) },
    readInto: (buffer, note?: (note: ReadNote) => void): CallResult => {
      note?.({ kind: 'spinning', tid: process.pid });
      for (;;) {
        const outcome = spinForMessage(read, buffer, state, () => false, spinLimitMs());
        if (outcome.torn > 0 || (outcome.kind === 'message' && outcome.lost > 0)) note?.({ kind: 'missed', lost: outcome.kind === 'message' ? outcome.lost : 0, torn: outcome.torn });
        if (outcome.kind === 'message') return outcome.length;
        note?.({ kind: 'idle', cpuMs: threadCpuMs(process.pid, process.pid) ?? 0 });
        // Parked in a blocking read of its keyboard until the parent says a key was pressed.
        if (!child.waitForResume()) return 'ECANCELED';
        note?.({ kind: 'spinning', tid: process.pid });
      }
    },
    writeFrom: (buffer, offset): CallResult => put(write, buffer.subarray(offset)),
  };
}

export const shmBusyEnds: ChannelEnds = {
  async make({ childScript }) {
    const { sysv } = await loadLibc();
    const segment = makeSegment(sysv, false);
    const { shmid, attached } = segment;
    const control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
    const transfer = new SharedArrayBuffer(BOX_CAPACITY);
    const data: SpinThreadData = { address: attached.address, bytes: SEGMENT_BYTES, control: control.buffer as SharedArrayBuffer, transfer, limitMs: spinLimitMs() };
    let worker: Worker;
    try {
      worker = new Worker(path.join(path.dirname(childScript), 'spin-thread.js'), { workerData: data });
    } catch (error) {
      removeQuietly(sysv, 'shm', shmid);
      attached.detach();
      throw error;
    }
    worker.unref();
    rememberMapping(shmid, { memory: attached.memory, semid: null, sysv });
    const down = boxOf(attached.memory, DOWN);
    let pending: { buffer: Buffer; done: (result: CallResult) => void; note?: (note: ReadNote) => void } | null = null;
    let removed = false;
    const endPending = (result: CallResult): void => {
      const p = pending;
      pending = null;
      p?.done(result);
    };
    worker.on('message', (reply: SpinReply) => {
      if (reply.type === 'note') return pending?.note?.(reply.note);
      const p = pending;
      pending = null;
      if (!p) return;
      const n = Math.min(reply.length, p.buffer.length);
      p.buffer.set(new Uint8Array(transfer, 0, n));
      p.done(n);
    });
    worker.on('error', () => endPending('EIO'));
    // The pages leave this process only once the thread that reads them has gone.
    worker.on('exit', () => {
      endPending('ECANCELED');
      forgetMapping(shmid);
      try {
        attached.detach();
      } catch {
        // detached already
      }
    });
    const calls: ParentCalls = {
      read: { fd: -1, on: spinSite(UP) },
      write: { fd: -1, on: storeSite(DOWN) },
      readInKernel: null,
      readInto: (buffer, done, note) => {
        if (removed) return done('ECANCELED');
        pending = { buffer, done, ...(note ? { note } : {}) };
        Atomics.add(control, ASKED, 1);
        Atomics.notify(control, ASKED);
      },
      writeFrom: (buffer, offset, length, done) => done(removed ? 'ECANCELED' : put(down, buffer.subarray(offset, offset + length))),
    };
    return {
      pipes: [],
      parentRead: -1,
      parentWrite: -1,
      calls,
      childStdio: ['ignore', 'ignore'],
      childArgs: segmentArgs(segment),
      remove: () => {
        if (removed) return;
        removed = true;
        removeQuietly(sysv, 'shm', shmid);
        Atomics.store(control, STOP, 1);
        Atomics.notify(control, ASKED);
        Atomics.notify(control, RESUMES);
      },
      shutdown: null,
      resume: () => {
        Atomics.add(control, RESUMES, 1);
        Atomics.notify(control, RESUMES);
      },
      wakeFd: null,
      named: null,
    };
  },
  group: 'sysv',
  childArgs: [],
  childCalls: async (argv, child) => {
    const { sysv } = await loadLibc();
    const { attached } = attachInChild(sysv, argv);
    return busyChildCalls(boxOf(attached.memory, DOWN), boxOf(attached.memory, UP), child);
  },
  calls: [
    { proc: 'child', call: 'write', end: 'shmaddr', text: 'box[0].seq++; strcpy(box[0].text, line); box[0].seq++;' },
    { proc: 'child', call: 'read', end: 'shmaddr', text: 'while (box[1].seq == seen) ;  /* spin */' },
    { proc: 'parent', call: 'read', end: 'shmaddr', text: 'while (box[0].seq == seen) ;  /* spin */' },
    { proc: 'parent', call: 'write', end: 'shmaddr', text: 'box[1].seq++; strcpy(box[1].text, line); box[1].seq++;' },
  ],
  // The spin thread is the parent's own Worker, not one of the pool's.
  poolThreads: 0,
  endsBlockedRead: 'a stop flag it checks',
  shared: false,
  hazards: { stolen: false, lost: true, torn: true },
  pipes: 0,
  pipesOption: null,
  toggleTo: 'shm',
  raceOn: 'one-pipe',
  raceStreams: true,
  openToOthers: false,
};
