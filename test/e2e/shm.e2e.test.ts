// Shared memory and the shared file in the built program, in a real pseudo-terminal: the
// screen says BLOCKED in semop (shm, mmap) or BUSY WAITING (shm-busy, file), and the run's
// segment (found by its creator PID, then judged by its id), semaphore set (found by the
// PID in its key, then by id) and mapped or shared file (in a cache directory of the
// test's own) are gone after every way out: Ctrl+C, Esc q, SIGTERM, SIGHUP, and the child
// killed while the chat goes on.
// Tests run in parallel and as root: never judged by an empty table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSysVTable } from '../../src/kernel/proc-sysvipc.js';
import { pidOfOurKey } from '../../src/kernel/sysv.js';
import { childPidsOf, ptySessions, type PtySession } from '../support/pty.js';
import { waitUntil } from '../support/wait.js';

const sessions = ptySessions();
const caches: string[] = [];
afterEach(async () => {
  await sessions.disposeAll();
  for (const cache of caches.splice(0)) fs.rmSync(cache, { recursive: true, force: true });
});

const segmentGone = (shmid: number) => !readSysVTable('shm').some((r) => r.shmid === shmid);
const setGone = (semid: number | null) => semid === null || !readSysVTable('sem').some((r) => r.semid === semid);

const CHANNELS = [
  { wiring: 'shm', waiting: /BLOCKED in semop\(set \d+,/, hasSet: true, segment: true },
  { wiring: 'shm-busy', waiting: /BUSY WAITING on box 0\.seq/, hasSet: false, segment: true },
  { wiring: 'mmap', waiting: /BLOCKED in semop\(set \d+,/, hasSet: true, segment: false },
  { wiring: 'file', waiting: /BUSY WAITING on pread\(fd \d+\)/, hasSet: false, segment: false },
] as const;

/** What the run made: its segment (by id), its set (by id), the cache directory its mapped file went into. */
interface Made {
  shmid: number | null;
  semid: number | null;
  cache: string;
}

const allGone = (made: Made): boolean => (made.shmid === null || segmentGone(made.shmid)) && setGone(made.semid) && fs.readdirSync(made.cache).length === 0;

async function startChat(channel: (typeof CHANNELS)[number]): Promise<{ chat: PtySession; made: Made }> {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-test-cache-'));
  caches.push(cache);
  const chat = sessions.start({ args: ['--lang', 'en', '--wiring', channel.wiring], cols: 100, rows: 30, env: { CI: 'false', LANG: 'en_US.UTF-8', XDG_CACHE_HOME: cache } });
  await chat.waitForText(channel.waiting);
  const shmid = channel.segment ? await chat.waitFor(() => readSysVTable('shm').find((r) => r.cpid === chat.pid && r.nattch === 2)?.shmid, "the run's segment, attached by both") : null;
  const semid = channel.hasSet ? await chat.waitFor(() => readSysVTable('sem').find((r) => pidOfOurKey(r.key ?? 0) === chat.pid)?.semid, "the run's semaphore set") : null;
  if (semid !== null) await chat.waitForText(`semop(set ${semid},`);
  if (!channel.segment) expect(fs.readdirSync(cache)).toHaveLength(1);
  return { chat, made: { shmid, semid, cache } };
}

for (const channel of CHANNELS) {
  describe.runIf(process.platform === 'linux')(`${channel.wiring}: what the run made is removed on every way out`, () => {
    for (const way of ['Ctrl+C', 'Esc q', 'SIGTERM', 'SIGHUP'] as const) {
      it(`${way}`, async () => {
        const { chat, made } = await startChat(channel);
        if (way === 'Ctrl+C') await chat.press('ctrlC');
        else if (way === 'Esc q') {
          await chat.press('escape');
          // Keys mode first: a loaded machine can deliver ESC and the next key in one read, which is Alt+q, not Esc then q.
          await chat.waitForText('COMMAND KEY:');
          await chat.type('q');
        } else chat.kill(way);
        await chat.waitForExit();
        // The child, killed on the way out, detaches when it dies: the segment goes then.
        await waitUntil(() => allGone(made), { what: 'what the run made to be removed' });
      });
    }

    it('the child killed: what it shared goes with it, and the parent no longer waits on it', async () => {
      const { chat, made } = await startChat(channel);
      const [childPid] = childPidsOf(chat.pid);
      process.kill(childPid as number, 'SIGKILL');
      await chat.waitFor(() => (allGone(made) ? true : undefined), 'what the run made to be removed');
      await chat.waitForGone(channel.waiting);
    });
  });
}
