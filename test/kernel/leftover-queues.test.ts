// A queue left by a run killed with SIGKILL (its key names a PID that is gone): the next
// run removes it as it makes its own queue, and `pipe-chat clean` lists it, removes it
// only with --yes when there is no terminal, and leaves it otherwise. Judged by id: tests
// run in parallel and as root.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipeLink } from '../../src/ipc/link.js';
import { queuesOfThisFile } from '../support/queues.js';
import { queueState } from '../../src/kernel/proc-sysvipc.js';
import { IPC_NOWAIT } from '../../src/kernel/sysv.js';

const queues = queuesOfThisFile();

/** A queue with a message in it, keyed like ours by a process that has exited (and been reaped). */
function crashedRunsQueue(): number {
  const deadPid = spawnSync('true').pid as number;
  const id = queues.make(deadPid);
  queues.sysv().msgsnd(id, 1, Buffer.from('C1:left behind\n'), IPC_NOWAIT);
  return id;
}

const cli = path.resolve('dist/cli.js');
const clean = (...args: string[]) => execFileSync(process.execPath, [cli, 'clean', '--lang', 'en', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe.runIf(process.platform === 'linux')('queues of a run that is gone', () => {
  it('are removed by the next run as it makes its own queue', async () => {
    const id = crashedRunsQueue();
    expect(queueState(id)?.messages).toBe(1);
    const link = await PipeLink.open({ wiring: 'queue', childScript: path.resolve('dist/child.js') });
    try {
      expect(queueState(id)).toBeNull();
    } finally {
      await link.close();
    }
  });

  it('pipe-chat clean lists them, and without a terminal removes them only with --yes', () => {
    // Every System V channel's start sweeps this user's leftovers, and so does `clean --yes` in
    // leftover-shm.test.ts: a test file running beside this one may take ours between two
    // looks. Such a try proves nothing and is made again, for up to 30 s.
    const swept = (id: number) => queueState(id) === null;
    const deadline = Date.now() + 30_000;
    let done = false;
    while (!done && Date.now() < deadline) {
      const id = crashedRunsQueue();
      const listed = clean();
      if (swept(id)) continue;
      expect(listed).toContain(`message queue id ${id} `);
      expect(listed).toContain('pipe-chat clean --yes');
      expect(swept(id)).toBe(false);
      const removed = clean('--yes');
      if (!/Removed \d+\./.test(removed)) continue;
      expect(swept(id)).toBe(true);
      done = true;
    }
    expect(done, 'every try for 30 s swept by another run before clean could show its work').toBe(true);
  }, 60_000);
});
