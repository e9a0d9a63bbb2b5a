// Segments and semaphore sets a test file makes for real, keyed like ours (kernel/sysv.ts
// ourKey) and removed by id after each test: they outlive processes, and tests run in
// parallel (the pattern of queues.ts).
import fs from 'node:fs';
import { afterEach, beforeAll } from 'vitest';
import { loadLibc } from '../../src/kernel/libc.js';
import { IPC_CREAT, IPC_EXCL, ourKey, type SysV } from '../../src/kernel/sysv.js';

/** Call at the top of a test file: loads the System V calls once, and removes every object made through it after each test. */
export function sharedMemoryOfThisFile(): { sysv: () => SysV; segment: (bytes: number, pid?: number) => number; set: (count: number, pid?: number) => number } {
  let sysv: SysV | undefined;
  const made: { kind: 'shm' | 'sem'; id: number }[] = [];
  beforeAll(async () => {
    sysv = (await loadLibc()).sysv;
  });
  afterEach(() => {
    for (const { kind, id } of made.splice(0)) {
      try {
        sysv?.remove(kind, id);
      } catch {
        // removed by the test itself
      }
    }
  });
  const loaded = (): SysV => {
    if (!sysv) throw new Error('the System V calls are loaded in beforeAll');
    return sysv;
  };
  const keep = (kind: 'shm' | 'sem', id: number): number => {
    made.push({ kind, id });
    return id;
  };
  return {
    sysv: loaded,
    segment: (bytes, pid = process.pid) => keep('shm', loaded().shmget(ourKey(pid, 0), bytes, IPC_CREAT | IPC_EXCL | 0o600)),
    set: (count, pid = process.pid) => keep('sem', loaded().semget(ourKey(pid, 0), count, IPC_CREAT | IPC_EXCL | 0o600)),
  };
}

/** Threads of `pid` in `call` (x86_64 number) with `wchan`, as /proc/PID/task/TID/{syscall,wchan} say: their TIDs. */
export function threadsIn(pid: number | 'self', syscallNr: number, wchan?: string): number[] {
  return fs
    .readdirSync(`/proc/${pid}/task`)
    .filter((tid) => {
      try {
        const nr = fs.readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'utf8').split(' ')[0];
        return nr === String(syscallNr) && (wchan === undefined || fs.readFileSync(`/proc/${pid}/task/${tid}/wchan`, 'utf8') === wchan);
      } catch {
        return false;
      }
    })
    .map(Number);
}
