// A segment and a semaphore set left by a run killed with SIGKILL (their keys name a PID
// that is gone): the next shm run removes them as it makes its own, and `pipe-chat clean`
// lists them and removes them with --yes; the same for a mapped file's directory, and the
// shared file's, in the cache directory. Judged by id and by path: tests run in parallel and as root.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COM_FILE } from '../../src/channels/file/com-file.js';
import { MAPPED_FILE } from '../../src/channels/mmap/mapped-file.js';
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
const clean = (env: NodeJS.ProcessEnv, ...args: string[]) => execFileSync(process.execPath, [cli, 'clean', '--lang', 'en', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });

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
    // Every System V channel's make() sweeps this user's leftovers, and so does `clean --yes` in
    // leftover-queues.test.ts: a test file running beside this one may take ours between two
    // looks. Then the listing is tried again with new ones, for up to 30 s (five tries were
    // once all swept while the shared-memory terminal tests ran beside this file).
    const deadline = Date.now() + 30_000;
    let made = crashedRunsObjects();
    let listed = clean(process.env);
    while (!(exists('shm', made.shmid) && exists('sem', made.semid)) && Date.now() < deadline) {
      made = crashedRunsObjects();
      listed = clean(process.env);
    }
    const { shmid, semid } = made;
    expect(listed).toContain(`shared memory segment id ${shmid} `);
    expect(listed).toContain(`semaphore set id ${semid} `);
    expect(exists('shm', shmid)).toBe(true);
    expect(exists('sem', semid)).toBe(true);
    // Swept by another file's run meanwhile, or removed here: gone either way.
    expect(clean(process.env, '--yes')).toMatch(/Removed \d+\.|Nothing to clean/);
    expect(exists('shm', shmid)).toBe(false);
    expect(exists('sem', semid)).toBe(false);
  }, 60_000);

  for (const [wiring, kind] of [['mmap', MAPPED_FILE], ['file', COM_FILE]] as const) {
    it(`${wiring}: a dead run's directory of its file: the next ${wiring} run removes it, and clean lists and removes it`, async () => {
      const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-test-cache-'));
      const deadPid = spawnSync('true').pid as number;
      const leftover = () => {
        const dir = fs.mkdtempSync(path.join(cache, `${kind.dirPrefix}${deadPid}-`));
        fs.writeFileSync(path.join(dir, kind.fileName), 'C1:left behind\n', { mode: 0o600 });
        return dir;
      };
      const saved = process.env.XDG_CACHE_HOME;
      try {
        const dir = leftover();
        const env = { ...process.env, XDG_CACHE_HOME: cache };
        expect(clean(env)).toContain(dir);
        expect(fs.existsSync(dir)).toBe(true);
        expect(clean(env, '--yes')).toMatch(/Removed \d+\./);
        expect(fs.existsSync(dir)).toBe(false);
        const again = leftover();
        process.env.XDG_CACHE_HOME = cache;
        const link = await PipeLink.open({ wiring, childScript: path.resolve('dist/child.js') });
        try {
          expect(fs.existsSync(again)).toBe(false);
        } finally {
          await link.close();
        }
      } finally {
        if (saved === undefined) delete process.env.XDG_CACHE_HOME;
        else process.env.XDG_CACHE_HOME = saved;
        fs.rmSync(cache, { recursive: true, force: true });
      }
    });
  }
});
