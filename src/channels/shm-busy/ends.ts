// Shared memory without waiting: the segment and boxes of `shm` (../shm), no semaphores.
// A writer copies its line into its box and moves on; nothing makes it wait for the
// reader, so a line the reader has not yet seen is overwritten: LOST. A reader checks the
// box's sequence number again and again (spin.ts) on the thread that makes its calls:
// the child's main thread, and the parent's call thread (never the UI thread), which
// views the parent's own attachment. Neither waits in the kernel: /proc shows it
// running, a whole core's worth, and the screen says BUSY WAITING with that CPU. After
// SPIN_LIMIT_MS without a message a reader stops spinning, says so, and waits at its
// gate (the parent's: a futex; the child's: its keyboard) until a key in the UI opens
// it. The parent's reader is ended on the way out by its closed gate, and the parent
// detaches once its calls have returned; the child marked the segment IPC_RMID once both
// attached.
import { loadLibc } from '../../kernel/libc.js';
import { ownTid, threadCpuMs } from '../../kernel/thread-cpu.js';
import type { Proc } from '../../ipc/events.js';
import { NO_GATE, numberArg, type CallResult, type ChannelEnds, type Gate, type ProcessCalls } from '../channel-ends.js';
import { boxOf, put, SEGMENT_BYTES } from '../shm/boxes.js';
import { boxesOf, parentAddressArgs, viewOwnMapping } from '../shm/ends.js';
import { forgetMapping, rememberMapping } from '../shm/own-mapping.js';
import { attachInChild, detachQuietly, makeSegment, segmentArgs } from '../shm/segment.js';
import { removeQuietly } from '../../kernel/sysv.js';
import { SPIN_LIMIT_MS, spinForMessage, type SpinState } from './spin.js';

/** How long a reader spins with no message before it stops: SPIN_LIMIT_MS, or less where a test says so (read by the parent, told to both readers). */
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

/** A process's reader, spinning on the thread that calls it, and its writer, which never waits. */
function busyCalls(proc: Proc, memory: ArrayBuffer, gate: Gate, limitMs: number): ProcessCalls {
  const { reads, writes } = boxesOf(proc);
  const readBox = boxOf(memory, reads);
  const writeBox = boxOf(memory, writes);
  const state: SpinState = { lastSeq: 0 };
  return {
    read: { fd: -1, on: spinSite(reads) },
    write: { fd: -1, on: storeSite(writes) },
    readInKernel: null,
    readInto: (buffer, note): CallResult => {
      // A closed gate: the way out has begun, and the pages may be about to go.
      if (gate.closed()) return 'ECANCELED';
      const tid = ownTid() ?? process.pid;
      note?.({ kind: 'spinning', tid });
      for (;;) {
        const outcome = spinForMessage(readBox, buffer, state, gate.closed, limitMs);
        if (outcome.torn > 0 || (outcome.kind === 'message' && outcome.lost > 0)) note?.({ kind: 'missed', lost: outcome.kind === 'message' ? outcome.lost : 0, torn: outcome.torn });
        if (outcome.kind === 'message') return outcome.length;
        if (outcome.kind === 'stopped') return 'ECANCELED';
        note?.({ kind: 'idle', cpuMs: threadCpuMs(process.pid, tid) ?? 0 });
        // Parked at the gate until a key in the UI opens it (the parent's: a futex, no CPU).
        if (!gate.wait()) return 'ECANCELED';
        note?.({ kind: 'spinning', tid });
      }
    },
    writeFrom: (buffer, offset): CallResult => (gate.closed() ? 'ECANCELED' : put(writeBox, buffer.subarray(offset))),
  };
}

export const shmBusyEnds: ChannelEnds = {
  async make() {
    const { sysv } = await loadLibc();
    const segment = makeSegment(sysv, false);
    const { shmid, attached } = segment;
    let removed = false;
    rememberMapping(shmid, { memory: attached.memory, semid: null, sysv });
    return {
      pipes: [],
      parentRead: -1,
      parentWrite: -1,
      childStdio: ['ignore', 'ignore'],
      childArgs: [...segmentArgs(segment), '--spin-limit-ms', String(spinLimitMs())],
      parentArgs: parentAddressArgs(attached.address),
      remove: () => {
        if (removed) return;
        removed = true;
        removeQuietly(sysv, 'shm', shmid);
        forgetMapping(shmid);
      },
      // The pages leave this process only once its reader, which spins on them, has returned.
      release: () => detachQuietly(attached),
      shutdown: null,
      wakeFd: null,
      named: null,
    };
  },
  group: 'sysv',
  childArgs: [],
  processCalls: async (proc, argv, gate = NO_GATE) => {
    const { sysv } = await loadLibc();
    const memory = proc === 'parent' ? viewOwnMapping(sysv, argv, SEGMENT_BYTES) : attachInChild(sysv, argv).attached.memory;
    return busyCalls(proc, memory, gate, numberArg(argv, '--spin-limit-ms'));
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
