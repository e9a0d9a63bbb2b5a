// Shared memory in the built program, in a real pseudo-terminal: the screen says BLOCKED
// in semop (shm) or BUSY WAITING (shm-busy), and the run's segment (found by its creator
// PID, then judged by its id) and semaphore set (found by the PID in its key, then by id)
// are gone after every way out: Ctrl+C, Esc q, SIGTERM, SIGHUP, and the child killed
// while the chat goes on. Tests run in parallel and as root: never judged by an empty table.
import { afterEach, describe, expect, it } from 'vitest';
import { readSysVTable } from '../../src/kernel/proc-sysvipc.js';
import { pidOfOurKey } from '../../src/kernel/sysv.js';
import { childPidsOf, ptySessions, type PtySession } from '../support/pty.js';

const sessions = ptySessions();
afterEach(async () => {
  await sessions.disposeAll();
});

const segmentGone = (shmid: number) => !readSysVTable('shm').some((r) => r.shmid === shmid);
const setGone = (semid: number | null) => semid === null || !readSysVTable('sem').some((r) => r.semid === semid);

const CHANNELS = [
  { wiring: 'shm', waiting: /BLOCKED in semop\(set \d+,/, hasSet: true },
  { wiring: 'shm-busy', waiting: /BUSY WAITING on box 0\.seq/, hasSet: false },
] as const;

async function startChat(channel: (typeof CHANNELS)[number]): Promise<{ chat: PtySession; shmid: number; semid: number | null }> {
  const chat = sessions.start({ args: ['--lang', 'en', '--wiring', channel.wiring], cols: 100, rows: 30, env: { CI: 'false', LANG: 'en_US.UTF-8' } });
  await chat.waitForText(channel.waiting);
  const shmid = await chat.waitFor(() => readSysVTable('shm').find((r) => r.cpid === chat.pid && r.nattch === 2)?.shmid, "the run's segment, attached by both");
  const semid = channel.hasSet ? await chat.waitFor(() => readSysVTable('sem').find((r) => pidOfOurKey(r.key ?? 0) === chat.pid)?.semid, "the run's semaphore set") : null;
  if (semid !== null) expect(chat.screen()).toContain(`semop(set ${semid},`);
  return { chat, shmid, semid };
}

for (const channel of CHANNELS) {
  describe.runIf(process.platform === 'linux')(`${channel.wiring}: what the run made is removed on every way out`, () => {
    for (const way of ['Ctrl+C', 'Esc q', 'SIGTERM', 'SIGHUP'] as const) {
      it(`${way}`, async () => {
        const { chat, shmid, semid } = await startChat(channel);
        if (way === 'Ctrl+C') await chat.press('ctrlC');
        else if (way === 'Esc q') {
          await chat.press('escape');
          await chat.type('q');
        } else chat.kill(way);
        await chat.waitForExit();
        expect(setGone(semid)).toBe(true);
        expect(segmentGone(shmid)).toBe(true);
      });
    }

    it('the child killed: what it shared goes with it, and the parent no longer waits on it', async () => {
      const { chat, shmid, semid } = await startChat(channel);
      const [childPid] = childPidsOf(chat.pid);
      process.kill(childPid as number, 'SIGKILL');
      await chat.waitFor(() => (setGone(semid) && segmentGone(shmid) ? true : undefined), 'the set and the segment to be removed');
      await chat.waitForGone(channel.waiting);
    });
  });
}
