// What the kernel says about System V objects: /proc/sysvipc/{msg,shm,sem} have one line
// per object with its key, id, mode, owner and creator, and what each kind adds (a
// queue's messages and bytes queued with the PIDs of the last sender and receiver; a
// segment's creator PID and attach count). The parser is pure, over the file's text, and
// takes the columns from the header line, so a kernel that adds a column breaks nothing.
import fs from 'node:fs';

export type SysVKind = 'msg' | 'shm' | 'sem';

/** One line, the header's names mapped to numbers (every column of these files is a number). */
export type SysVRow = Record<string, number>;

export function parseSysVTable(text: string): SysVRow[] {
  const [header, ...lines] = text.split('\n');
  const names = (header ?? '').trim().split(/\s+/);
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const row: SysVRow = {};
      line.split(/\s+/).forEach((value, i) => {
        const name = names[i];
        // perms is octal in the file; every other column is decimal.
        if (name) row[name] = name === 'perms' ? parseInt(value, 8) : Number(value);
      });
      return row;
    });
}

/** The kernel's table of one kind now; empty where the file cannot be read (no System V IPC, or not Linux). */
export function readSysVTable(kind: SysVKind): SysVRow[] {
  try {
    return parseSysVTable(fs.readFileSync(`/proc/sysvipc/${kind}`, 'utf8'));
  } catch {
    return [];
  }
}

/** A queue as /proc/sysvipc/msg shows it. */
export interface QueueState {
  id: number;
  key: number;
  mode: number;
  /** Bytes of message text queued (cbytes) and messages queued (qnum). */
  bytes: number;
  messages: number;
  lastSender: number;
  lastReceiver: number;
  uid: number;
  creatorUid: number;
}

function queueOf(row: SysVRow): QueueState {
  return {
    id: row.msqid ?? -1,
    key: row.key ?? 0,
    mode: row.perms ?? 0,
    bytes: row.cbytes ?? 0,
    messages: row.qnum ?? 0,
    lastSender: row.lspid ?? 0,
    lastReceiver: row.lrpid ?? 0,
    uid: row.uid ?? -1,
    creatorUid: row.cuid ?? -1,
  };
}

/** The queue with this id now, or null once it is gone. */
export function queueState(id: number, rows: readonly SysVRow[] = readSysVTable('msg')): QueueState | null {
  const row = rows.find((r) => r.msqid === id);
  return row ? queueOf(row) : null;
}

export function allQueues(rows: readonly SysVRow[] = readSysVTable('msg')): QueueState[] {
  return rows.map(queueOf);
}

/** The id column of each kind's table. */
export const ID_COLUMN: Record<SysVKind, string> = { msg: 'msqid', shm: 'shmid', sem: 'semid' };

/** A kernel limit from /proc/sys/kernel (msgmax, msgmnb...), or null where it cannot be read. */
export function kernelLimit(name: 'msgmax' | 'msgmnb' | 'msgmni' | 'shmmax' | 'semmsl'): number | null {
  try {
    const value = Number(fs.readFileSync(`/proc/sys/kernel/${name}`, 'utf8').trim().split(/\s+/)[0]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}
