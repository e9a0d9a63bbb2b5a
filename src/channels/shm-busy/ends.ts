// Shared memory without waiting: the segment and boxes of `shm` (../shm), no semaphores.
// A writer copies its line into its box and moves on; nothing makes it wait for the
// reader, so a line the reader has not yet seen is overwritten: LOST. A reader checks the
// box's sequence number again and again (../spinning-reader.ts) on the thread that makes
// its calls: the child's main thread, and the parent's call thread (never the UI thread),
// which views the parent's own attachment. Neither waits in the kernel: /proc shows it
// running, a whole core's worth, and the screen says BUSY WAITING with that CPU. After
// SPIN_LIMIT_MS without a message a reader stops spinning, says so, and waits at its
// gate (the parent's: a futex; the child's: its keyboard) until a key in the UI opens
// it. The parent's reader is ended on the way out by its closed gate, and the parent
// detaches once its calls have returned; the child marked the segment IPC_RMID once both
// attached.
import { loadLibc } from '../../kernel/libc.js';
import type { Proc } from '../../ipc/events.js';
import { NO_GATE, type CallResult, type ChannelEnds, type Gate, type ProcessCalls } from '../channel-ends.js';
import { boxOf, boxSource, put, SEGMENT_BYTES } from '../shm/boxes.js';
import { boxesOf, segmentWires, viewOwnMapping } from '../shm/ends.js';
import { attachInChild } from '../shm/segment.js';
import { spinLimitArgs, spinLimitOf, spinningRead } from '../spinning-reader.js';

export function spinSite(box: number): string {
  return `box ${box}.seq`;
}

export function storeSite(box: number): string {
  return `strcpy(box ${box}), no wait`;
}

/** A process's reader, spinning on the thread that calls it, and its writer, which never waits (also the threads' variable, threads-busy). */
export function busyCalls(proc: Proc, memory: ArrayBufferLike, gate: Gate, limitMs: number): ProcessCalls {
  const { reads, writes } = boxesOf(proc);
  const writeBox = boxOf(memory, writes);
  return {
    read: { fd: -1, on: spinSite(reads) },
    write: { fd: -1, on: storeSite(writes) },
    readInKernel: null,
    readInto: spinningRead(boxSource(boxOf(memory, reads)), gate, limitMs),
    writeFrom: (buffer, offset): CallResult => (gate.closed() ? 'ECANCELED' : put(writeBox, buffer.subarray(offset))),
  };
}

export const shmBusyEnds: ChannelEnds = {
  async make() {
    const { sysv } = await loadLibc();
    return segmentWires(sysv, false, spinLimitArgs());
  },
  group: 'sysv',
  childArgs: [],
  processCalls: async (proc, argv, gate = NO_GATE) => {
    const { sysv } = await loadLibc();
    const memory = proc === 'parent' ? viewOwnMapping(sysv, argv, SEGMENT_BYTES) : attachInChild(sysv, argv).attached.memory;
    return busyCalls(proc, memory, gate, spinLimitOf(argv));
  },
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
