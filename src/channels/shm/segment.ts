// The System V objects of the shared-memory channels, made by the parent before the fork:
// one segment of SEGMENT_BYTES (both processes are told the size: the child gets it in
// its arguments), and for `shm` a set of four semaphores (full and empty for each box).
// Keys name the parent's PID (kernel/sysv.ts ourKey, IPC_CREAT|IPC_EXCL, 0600), as the
// queue's do, so a crashed run's objects are found and removed by the next. The child,
// the second to attach, marks the segment IPC_RMID at once: it then lives until both
// detach (at the latest when both exit), and nothing of it can be left behind.
import { findLeftovers, removeLeftovers } from '../../kernel/leftovers.js';
import { IPC_CREAT, IPC_EXCL, KEY_SLOTS, ourKey, removeQuietly, type Attached, type SysV } from '../../kernel/sysv.js';
import { errnoCode } from '../../ipc/events.js';
import { SEGMENT_BYTES, type BoxIndex } from './boxes.js';
import { notMade } from '../../i18n/problems.js';

/** At most this many leftovers of dead runs are removed at start: a start never waits on a long sweep. */
const SWEEP_LIMIT = 32;

/** The semaphore that says box `box` holds a message nobody has read (P by its reader, V by its writer). */
export const full = (box: BoxIndex): number => 2 * box;
/** The semaphore that says box `box` may be written (P by its writer, V by its reader); starts at 1. */
export const empty = (box: BoxIndex): number => 2 * box + 1;
export const SEMAPHORES = 4;

/** A new object of ours: the first free slot of our PID's keys. */
function makeKeyed(make: (key: number) => number): number {
  for (let slot = 0; ; slot++) {
    try {
      return make(ourKey(process.pid, slot));
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST' || slot === KEY_SLOTS - 1) throw error;
    }
  }
}

export interface Segment {
  shmid: number;
  /** The set guarding the boxes; null without semaphores (shm-busy). */
  semid: number | null;
  attached: Attached;
}

/** A crashed run's System V objects (their key names a PID that is gone) go first, a bounded number. */
export function sweepLeftovers(sysv: SysV): void {
  removeLeftovers(sysv, findLeftovers().slice(0, SWEEP_LIMIT));
}

/** The set guarding the two boxes: full[b] at 0, empty[b] at 1 (nothing written yet, both boxes free). */
export function makeSemaphores(sysv: SysV): number {
  const id = makeKeyed((key) => sysv.semget(key, SEMAPHORES, IPC_CREAT | IPC_EXCL | 0o600));
  try {
    for (const box of [0, 1] as const) sysv.setval(id, empty(box), 1);
  } catch (error) {
    removeQuietly(sysv, 'sem', id);
    throw error;
  }
  return id;
}

/** Makes the segment (and the set), attaches it here; on failure nothing is left. */
export function makeSegment(sysv: SysV, withSemaphores: boolean): Segment {
  sweepLeftovers(sysv);
  const made: (() => void)[] = [];
  try {
    const shmid = makeKeyed((key) => sysv.shmget(key, SEGMENT_BYTES, IPC_CREAT | IPC_EXCL | 0o600));
    made.push(() => sysv.remove('shm', shmid));
    let semid: number | null = null;
    if (withSemaphores) {
      const id = makeSemaphores(sysv);
      semid = id;
      made.push(() => sysv.remove('sem', id));
    }
    return { shmid, semid, attached: sysv.shmat(shmid, SEGMENT_BYTES) };
  } catch (error) {
    for (const undo of made) undo();
    throw notMade('shared-memory', error);
  }
}

/** The arguments that tell the child what was made, and its size. */
export function segmentArgs(segment: Segment): string[] {
  return ['--shm', String(segment.shmid), '--sem', String(segment.semid ?? -1), '--shm-bytes', String(SEGMENT_BYTES)];
}

/** The child's side: the ids and size from its arguments, the segment attached and marked IPC_RMID (both have it now). */
export function attachInChild(sysv: SysV, argv: readonly string[]): { attached: Attached; semid: number | null; shmid: number } {
  const arg = (name: string): number => {
    const i = argv.indexOf(name);
    const n = i === -1 ? NaN : Number(argv[i + 1]);
    if (!Number.isInteger(n)) throw new Error(`the child needs ${name} N`);
    return n;
  };
  const shmid = arg('--shm');
  const semid = arg('--sem');
  const attached = sysv.shmat(shmid, arg('--shm-bytes'));
  sysv.remove('shm', shmid);
  return { attached, semid: semid < 0 ? null : semid, shmid };
}

/** shmdt, where the pages may be gone already: the parent's, once its calls on them have returned. */
export function detachQuietly(attached: Attached): void {
  try {
    attached.detach();
  } catch {
    // detached already
  }
}
