// What a crashed run of this user may have left: System V objects outlive their
// processes (until IPC_RMID or a reboot), and the kernel keeps no creator PID for a
// queue or a semaphore set. Ours carry their maker's PID in their key (sysv.ts ourKey),
// so an object is a leftover when its key is ours, this user created it, and the PID
// its key names is gone. Listing is pure over the kernel's tables; removal is one
// IPC_RMID per object, each failure reported, none fatal.
import { ID_COLUMN, readSysVTable, type SysVKind, type SysVRow } from './proc-sysvipc.js';
import { pidOfOurKey, type SysV } from './sysv.js';

export interface Leftover {
  kind: SysVKind;
  id: number;
  key: number;
  /** The PID the key names: the process that made it, gone now. */
  pid: number;
}

const KINDS: readonly SysVKind[] = ['msg', 'shm', 'sem'];

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The leftovers among `tables` (each kind's rows) for user `uid`; `alive` says whether a PID still runs. */
export function leftoversIn(tables: Readonly<Record<SysVKind, readonly SysVRow[]>>, uid: number, alive: (pid: number) => boolean): Leftover[] {
  return KINDS.flatMap((kind) =>
    tables[kind].flatMap((row): Leftover[] => {
      const key = row.key ?? 0;
      const pid = pidOfOurKey(key);
      const id = row[ID_COLUMN[kind]];
      if (pid === null || id === undefined || row.cuid !== uid || alive(pid)) return [];
      return [{ kind, id, key, pid }];
    }),
  );
}

export function findLeftovers(uid = process.getuid?.() ?? -1): Leftover[] {
  const tables = { msg: readSysVTable('msg'), shm: readSysVTable('shm'), sem: readSysVTable('sem') };
  return leftoversIn(tables, uid, isAlive);
}

/** Removes each leftover; returns those that could not be removed, with the reason. */
export function removeLeftovers(sysv: SysV, leftovers: readonly Leftover[]): { leftover: Leftover; why: string }[] {
  const failed: { leftover: Leftover; why: string }[] = [];
  for (const leftover of leftovers) {
    try {
      sysv.remove(leftover.kind, leftover.id);
    } catch (error) {
      // Gone meanwhile (another run cleaned it) is what we wanted.
      if ((error as NodeJS.ErrnoException).code !== 'EINVAL' && (error as NodeJS.ErrnoException).code !== 'EIDRM') failed.push({ leftover, why: error instanceof Error ? error.message : String(error) });
    }
  }
  return failed;
}
