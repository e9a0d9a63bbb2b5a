// Shared memory with waiting (the chapter's shmget/shmat and semaphores): one System V
// segment with two boxes (boxes.ts), and a set of semaphores guarding each box. A writer
// waits for "empty" (P), copies its line in, posts "full" (V); a reader waits for "full"
// (P), copies the line out, posts "empty" (V). The reader really waits in semop: the
// child on its main thread, the parent on a pool thread (semopAsync), so the kernel
// makes the receiver wait and it burns no CPU. The copies are made on the thread that
// owns the process's view (the parent's main thread). Removing the set (IPC_RMID) ends
// a waiting semop with EIDRM: every way out removes it, and the segment, already marked
// IPC_RMID by the child once both attached, goes when both have detached.
import { loadLibc } from '../../kernel/libc.js';
import type { SysV } from '../../kernel/sysv.js';
import { errnoCode } from '../../ipc/events.js';
import type { CallResult, ChannelEnds, ChildCalls, ParentCalls } from '../channel-ends.js';
import { boxOf, DOWN, put, take, UP, type Box, type BoxIndex } from './boxes.js';
import { forgetMapping, rememberMapping } from './own-mapping.js';
import { attachInChild, empty, full, makeSegment, removeQuietly, segmentArgs } from './segment.js';

export function waitCall(semid: number, what: 'full' | 'empty', box: BoxIndex): string {
  return `semop(set ${semid}, P ${what}[${box}])`;
}

/** The two calls of each side: the reader's P(full), copy, V(empty); the writer's P(empty), copy, V(full). */
function postQuietly(sysv: SysV, semid: number, num: number): void {
  try {
    sysv.semop(semid, { num, op: 1 });
  } catch {
    // the set is gone: the way out is under way
  }
}

/**
 * The parent's calls on boxes guarded by the set (shm, mmap): P on the pool, the copy and
 * V on the main thread, which owns the mapping; `afterWrite` runs after each copy in (mmap: msync).
 */
export function waitingParentCalls(sysv: SysV, semid: number, memory: ArrayBuffer, isAttached: () => boolean, afterWrite: () => void = () => {}): ParentCalls {
  const up = boxOf(memory, UP);
  const down = boxOf(memory, DOWN);
  return {
    read: { fd: -1, on: waitCall(semid, 'full', UP) },
    write: { fd: -1, on: waitCall(semid, 'empty', DOWN) },
    readInKernel: { call: 'semtimedop', arg: semid },
    readInto: (buffer, done) => {
      sysv.semopAsync(semid, { num: full(UP), op: -1 }).then(
        () => {
          if (!isAttached()) return done('EIDRM');
          const n = take(up, buffer);
          postQuietly(sysv, semid, empty(UP));
          done(n);
        },
        (error: unknown) => done(errnoCode(error)),
      );
    },
    writeFrom: (buffer, offset, length, done) => {
      sysv.semopAsync(semid, { num: empty(DOWN), op: -1 }).then(
        () => {
          if (!isAttached()) return done('EIDRM');
          const n = put(down, buffer.subarray(offset, offset + length));
          afterWrite();
          postQuietly(sysv, semid, full(DOWN));
          done(n);
        },
        (error: unknown) => done(errnoCode(error)),
      );
    },
  };
}

/** The four calls as the C program writes them, on boxes at `end`; `sync` is what follows a copy in (mmap: msync). */
export function guardedCalls(end: string, sync: string): ChannelEnds['calls'] {
  return [
    { proc: 'child', call: 'write', end, text: `P(empty[0]); strcpy(box[0], line);${sync} V(full[0]);` },
    { proc: 'child', call: 'read', end, text: 'P(full[1]); strcpy(buf, box[1]); V(empty[1]);' },
    { proc: 'parent', call: 'read', end, text: 'P(full[0]); strcpy(buf, box[0]); V(empty[0]);' },
    { proc: 'parent', call: 'write', end, text: `P(empty[1]); strcpy(box[1], line);${sync} V(full[1]);` },
  ];
}

/** The child's calls on its main thread: semop blocks it, as it blocks the C child. */
export function waitingChildCalls(sysv: SysV, semid: number, read: Box, write: Box, afterWrite: () => void = () => {}): ChildCalls {
  return {
    read: { fd: -1, on: waitCall(semid, 'full', DOWN) },
    write: { fd: -1, on: waitCall(semid, 'empty', UP) },
    readInto: (buffer): CallResult => {
      try {
        sysv.semop(semid, { num: full(DOWN), op: -1 });
      } catch (error) {
        return errnoCode(error);
      }
      const n = take(read, buffer);
      postQuietly(sysv, semid, empty(DOWN));
      return n;
    },
    writeFrom: (buffer, offset): CallResult => {
      try {
        sysv.semop(semid, { num: empty(UP), op: -1 });
      } catch (error) {
        return errnoCode(error);
      }
      const n = put(write, buffer.subarray(offset));
      afterWrite();
      postQuietly(sysv, semid, full(UP));
      return n;
    },
  };
}

export const shmEnds: ChannelEnds = {
  async make() {
    const { sysv } = await loadLibc();
    const { shmid, semid, attached } = makeSegment(sysv, true);
    const set = semid as number;
    let isAttached = true;
    rememberMapping(shmid, { memory: attached.memory, semid: set, sysv });
    return {
      pipes: [],
      parentRead: -1,
      parentWrite: -1,
      calls: waitingParentCalls(sysv, set, attached.memory, () => isAttached),
      childStdio: ['ignore', 'ignore'],
      childArgs: segmentArgs({ shmid, semid, attached }),
      remove: () => {
        if (!isAttached) return;
        isAttached = false;
        // The set first: a semop waiting in it returns EIDRM.
        removeQuietly(sysv, 'sem', set);
        removeQuietly(sysv, 'shm', shmid);
        forgetMapping(shmid);
        try {
          attached.detach();
        } catch {
          // detached already
        }
      },
      shutdown: null,
      wakeFd: null,
      named: null,
    };
  },
  group: 'sysv',
  childArgs: [],
  childCalls: async (argv) => {
    const { sysv } = await loadLibc();
    const { attached, semid } = attachInChild(sysv, argv);
    if (semid === null) throw new Error('the child needs --sem ID');
    return waitingChildCalls(sysv, semid, boxOf(attached.memory, DOWN), boxOf(attached.memory, UP));
  },
  calls: guardedCalls('shmaddr', ''),
  poolThreads: 2,
  endsBlockedRead: 'IPC_RMID (EIDRM)',
  shared: false,
  hazards: { stolen: false, lost: false, torn: false },
  pipes: 0,
  pipesOption: null,
  toggleTo: 'shm-busy',
  raceOn: 'one-pipe',
  openToOthers: false,
};
