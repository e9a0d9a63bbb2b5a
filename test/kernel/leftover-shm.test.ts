// A segment and a semaphore set left by a run killed with SIGKILL (their keys name a PID
// that is gone): the next shm run removes them as it makes its own, and `pipe-chat clean`
// lists them and removes them with --yes. Judged by id: tests run in parallel and as root.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipeLink } from '../../src/ipc/link.js';
import { readSysVTable } from '../../src/kernel/proc-sysvipc.js';
import { sharedMemoryOfThisFile } from '../support/shared-memory.js';

const objects = sharedMemoryOfThisFile();

/** A segment and a set keyed like ours by a process that has exited (and been reaped). */
function crashedRunsObjects(): { shmid: number; semid: number } {
  const deadPid = spawnSync('true').pid as number;
  return { shmid: objects.segment(4096, deadPid), semid: objects.set(4, deadPid) };
}

const exists = (kind: 'shm' | 'sem', id: number) => readSysVTable(kind).some((r) => r[kind === 'shm' ? 'shmid' : 'semid'] === id);
const cli = path.resolve('dist/cli.js');
const clean = (...args: string[]) => execFileSync(process.execPath, [cli, 'clean', '--lang', 'en', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe.runIf(process.platform === 'linux')('segments and semaphore sets of a run that is gone', () => {
  it('are removed by the next shm run as it makes its own', async () => {
    const { shmid, semid } = crashedRunsObjects();
    const link = await PipeLink.open({ wiring: 'shm', childScript: path.resolve('dist/child.js') });
    try {
      expect(exists('shm', shmid)).toBe(false);
      expect(exists('sem', semid)).toBe(false);
    } finally {
      await link.close();
    }
  });

  it('pipe-chat clean lists them, and removes them with --yes', () => {
    const { shmid, semid } = crashedRunsObjects();
    const listed = clean();
    expect(listed).toContain(`shared memory segment id ${shmid} `);
    expect(listed).toContain(`semaphore set id ${semid} `);
    expect(exists('shm', shmid)).toBe(true);
    expect(clean('--yes')).toMatch(/Removed \d+\./);
    expect(exists('shm', shmid)).toBe(false);
    expect(exists('sem', semid)).toBe(false);
  });
});
