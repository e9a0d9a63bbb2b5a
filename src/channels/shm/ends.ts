// Shared memory with waiting (the chapter's shmget/shmat and semaphores): one System V
// segment with two boxes (boxes.ts), and a set of semaphores guarding each box. A writer
// waits for "empty" (P), copies its line in, posts "full" (V); a reader waits for "full"
// (P), copies the line out, posts "empty" (V). The reader really waits in semop, on the
// thread that makes the call (the child's main thread, the parent's call thread), so the
// kernel makes the receiver wait and it burns no CPU. The parent's call thread views the
// parent's own attachment (its address in the arguments): attaching again would make
// nattch 3. Removing the set (IPC_RMID) ends a waiting semop with EIDRM: every way out
// removes it; the segment, already marked IPC_RMID by the child once both attached, goes
// when both have detached, the parent once its calls have returned.
import { loadLibc } from '../../kernel/libc.js';
import { removeQuietly, type SysV } from '../../kernel/sysv.js';
import { errnoCode, type Proc } from '../../ipc/events.js';
import { numberArg, type CallResult, type ChannelEnds, type ProcessCalls, type Wires } from '../channel-ends.js';
import { boxOf, DOWN, put, SEGMENT_BYTES, take, UP, type BoxIndex } from './boxes.js';
import { forgetMapping, rememberMapping } from './own-mapping.js';
import { attachInChild, detachQuietly, empty, full, makeSegment, segmentArgs } from './segment.js';

export function waitCall(semid: number, what: 'full' | 'empty', box: BoxIndex): string {
  return `semop(set ${semid}, P ${what}[${box}])`;
}

/** V, where the set may be gone already (the way out is under way). */
function postQuietly(sysv: SysV, semid: number, num: number): void {
  try {
    sysv.semop(semid, { num, op: 1 });
  } catch {
    // the set is gone: the way out is under way
  }
}

/** P, on the calling thread: null once it went through, else the errno code (EIDRM: the set was removed). */
function wait(sysv: SysV, semid: number, num: number): string | null {
  try {
    sysv.semop(semid, { num, op: -1 });
    return null;
  } catch (error) {
    return errnoCode(error);
  }
}

/** The box each process reads and the one it writes: the child writes box 0 (child→parent), the parent box 1. */
export function boxesOf(proc: Proc): { reads: BoxIndex; writes: BoxIndex } {
  return proc === 'parent' ? { reads: UP, writes: DOWN } : { reads: DOWN, writes: UP };
}

/**
 * A process's calls on boxes guarded by the set (shm, mmap), made on the thread that
 * waits in them: P(full), copy out, V(empty); P(empty), copy in, V(full). `afterWrite`
 * runs after each copy in (mmap: msync).
 */
export function waitingCalls(proc: Proc, sysv: SysV, semid: number, memory: ArrayBuffer, afterWrite: () => void = () => {}): ProcessCalls {
  const { reads, writes } = boxesOf(proc);
  const readBox = boxOf(memory, reads);
  const writeBox = boxOf(memory, writes);
  return {
    read: { fd: -1, on: waitCall(semid, 'full', reads) },
    write: { fd: -1, on: waitCall(semid, 'empty', writes) },
    readInKernel: { call: 'semtimedop', arg: semid },
    readInto: (buffer): CallResult => {
      const failed = wait(sysv, semid, full(reads));
      if (failed !== null) return failed;
      const n = take(readBox, buffer);
      postQuietly(sysv, semid, empty(reads));
      return n;
    },
    writeFrom: (buffer, offset): CallResult => {
      const failed = wait(sysv, semid, empty(writes));
      if (failed !== null) return failed;
      const n = put(writeBox, buffer.subarray(offset));
      afterWrite();
      postQuietly(sysv, semid, full(writes));
      return n;
    },
  };
}

/** The parent's own attachment, for its call thread: `--at ADDRESS` (after the child's arguments). */
export function parentAddressArgs(address: bigint): string[] {
  return ['--at', address.toString()];
}

/** Where the parent's own mapping is, from `--at ADDRESS`. */
export function ownAddress(argv: readonly string[]): bigint {
  const i = argv.indexOf('--at');
  if (i === -1 || !/^\d+$/.test(argv[i + 1] ?? '')) throw new Error("the parent's calls need --at ADDRESS");
  return BigInt(argv[i + 1] as string);
}

/** The parent's mapping as its call thread views it: at the address the UI thread's attachment has. */
export function viewOwnMapping(sysv: SysV, argv: readonly string[], bytes: number): ArrayBuffer {
  return sysv.viewAt(ownAddress(argv), bytes);
}

/**
 * The wires of a segment of boxes (with its semaphore set, or none: shm-busy), made and
 * attached here: the child finds them by its arguments (and `childArgs`), the parent's
 * calls by its own mapping's address; every way out removes them.
 */
export function segmentWires(sysv: SysV, withSet: boolean, childArgs: string[]): Wires {
  const segment = makeSegment(sysv, withSet);
  const { shmid, semid, attached } = segment;
  let removed = false;
  rememberMapping(shmid, { memory: attached.memory, semid, sysv });
  return {
    pipes: [],
    parentRead: -1,
    parentWrite: -1,
    childStdio: ['ignore', 'ignore'],
    childArgs: [...segmentArgs(segment), ...childArgs],
    parentArgs: parentAddressArgs(attached.address),
    remove: () => {
      if (removed) return;
      removed = true;
      // The set first: a semop waiting in it returns EIDRM.
      if (semid !== null) removeQuietly(sysv, 'sem', semid);
      removeQuietly(sysv, 'shm', shmid);
      forgetMapping(shmid);
    },
    // The pages leave this process only once its calls, which use them (a reader spins on them), have returned.
    release: () => detachQuietly(attached),
    shutdown: null,
    wakeFd: null,
    named: null,
  };
}

export const shmEnds: ChannelEnds = {
  async make() {
    const { sysv } = await loadLibc();
    return segmentWires(sysv, true, []);
  },
  group: 'sysv',
  childArgs: [],
  processCalls: async (proc, argv) => {
    const { sysv } = await loadLibc();
    if (proc === 'parent') return waitingCalls(proc, sysv, numberArg(argv, '--sem'), viewOwnMapping(sysv, argv, SEGMENT_BYTES));
    const { attached, semid } = attachInChild(sysv, argv);
    if (semid === null) throw new Error('the child needs --sem ID');
    return waitingCalls(proc, sysv, semid, attached.memory);
  },
  endsBlockedRead: 'IPC_RMID (EIDRM)',
  shared: false,
  hazards: { stolen: false, lost: false, torn: false },
  pipes: 0,
  pipesOption: null,
  toggleTo: 'shm-busy',
  raceOn: 'one-pipe',
  openToOthers: false,
};
