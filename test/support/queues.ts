// Message queues a test file makes for real, keyed like ours (kernel/sysv.ts ourKey) and
// removed by id after each test: they outlive processes, and tests run in parallel.
import { afterEach, beforeAll } from 'vitest';
import { loadLibc } from '../../src/kernel/libc.js';
import { IPC_CREAT, IPC_EXCL, ourKey, type SysV } from '../../src/kernel/sysv.js';

/** Call at the top of a test file: loads the System V calls once, and removes every queue made through `make` after each test. */
export function queuesOfThisFile(): { sysv: () => SysV; make: (pid: number, slot?: number) => number } {
  let sysv: SysV | undefined;
  const made: number[] = [];
  beforeAll(async () => {
    sysv = (await loadLibc()).sysv;
  });
  afterEach(() => {
    for (const id of made.splice(0)) {
      try {
        sysv?.remove('msg', id);
      } catch {
        // removed by the test itself
      }
    }
  });
  const loaded = (): SysV => {
    if (!sysv) throw new Error('the System V calls are loaded in beforeAll');
    return sysv;
  };
  return {
    sysv: loaded,
    make: (pid, slot = 0) => {
      const id = loaded().msgget(ourKey(pid, slot), IPC_CREAT | IPC_EXCL | 0o600);
      made.push(id);
      return id;
    },
  };
}
