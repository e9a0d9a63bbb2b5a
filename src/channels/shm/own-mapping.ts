// The parent's own view of its shared boxes, while they are attached: what the kernel
// view reads to show the messages sitting in memory both processes map, and the
// semaphores' values (semctl GETVAL). One at a time per process is live (a switch of
// channel detaches the old one first); a detached mapping is forgotten before its pages
// go, so nothing reads them after.
import type { SysV } from '../../kernel/sysv.js';
import { boxHead, boxOf, DOWN, UP } from './boxes.js';

interface Live {
  memory: ArrayBuffer;
  /** The semaphore set guarding the boxes; null without one (shm-busy). */
  semid: number | null;
  sysv: SysV;
}

const liveMappings = new Map<number, Live>();

export function rememberMapping(id: number, mapping: Live): void {
  liveMappings.set(id, mapping);
}

export function forgetMapping(id: number): void {
  liveMappings.delete(id);
}

/** What the parent's own mapping and the set hold now, by the segment's id (a mapped file: its inode). */
export interface SharedLook {
  /** The first bytes of each box as text: [child → parent, parent → child]. */
  heads: [string, string];
  /** Each semaphore's value (semctl GETVAL), in the set's order; empty without a set or once it is gone. */
  semaphores: number[];
}

export const HEAD_BYTES = 40;

export function lookAtOwnMappings(): Map<number, SharedLook> {
  const out = new Map<number, SharedLook>();
  for (const [id, m] of liveMappings) {
    let semaphores: number[] = [];
    if (m.semid !== null) {
      try {
        semaphores = [0, 1, 2, 3].map((num) => m.sysv.getval(m.semid as number, num));
      } catch {
        semaphores = [];
      }
    }
    out.set(id, { heads: [boxHead(boxOf(m.memory, UP), HEAD_BYTES), boxHead(boxOf(m.memory, DOWN), HEAD_BYTES)], semaphores });
  }
  return out;
}
