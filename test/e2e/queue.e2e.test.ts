// The message queue in the built program, in a real pseudo-terminal: the parent shown
// BLOCKED in msgrcv, and the run's queue (found by the PID in its key, then judged by its
// id) gone after every way out: Ctrl+C, Esc q, SIGTERM, SIGHUP, and the child killed
// while the chat goes on. Tests run in parallel and as root: never judged by an empty table.
import { afterEach, describe, expect, it } from 'vitest';
import { allQueues, queueState } from '../../src/kernel/proc-sysvipc.js';
import { pidOfOurKey } from '../../src/kernel/sysv.js';
import { childPidsOf, ptySessions, type PtySession } from '../support/pty.js';

const sessions = ptySessions();
afterEach(async () => {
  await sessions.disposeAll();
});

async function startQueueChat(): Promise<{ chat: PtySession; id: number }> {
  const chat = sessions.start({ args: ['--lang', 'en', '--wiring', 'queue'], cols: 100, rows: 30, env: { CI: 'false', LANG: 'en_US.UTF-8' } });
  await chat.waitForText(/BLOCKED in msgrcv\(queue \d+,/);
  const id = await chat.waitFor(() => allQueues().find((q) => pidOfOurKey(q.key) === chat.pid)?.id, 'the run\'s queue in /proc/sysvipc/msg');
  await chat.waitForText(`msgrcv(queue ${id},`);
  return { chat, id };
}

describe.runIf(process.platform === 'linux')('the queue is removed on every way out', () => {
  for (const way of ['Ctrl+C', 'Esc q', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${way}`, async () => {
      const { chat, id } = await startQueueChat();
      if (way === 'Ctrl+C') await chat.press('ctrlC');
      else if (way === 'Esc q') {
        await chat.press('escape');
        await chat.type('q');
      } else chat.kill(way);
      await chat.waitForExit();
      expect(queueState(id)).toBeNull();
    });
  }

  it('the child killed: its queue goes with it, and the parent is no longer in msgrcv', async () => {
    const { chat, id } = await startQueueChat();
    const [childPid] = childPidsOf(chat.pid);
    process.kill(childPid as number, 'SIGKILL');
    await chat.waitFor(() => (queueState(id) === null ? true : undefined), 'the queue to be removed');
    await chat.waitForGone(/BLOCKED in msgrcv/);
  });
});
