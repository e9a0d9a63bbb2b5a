// Shared memory with waiting over a real link: the three turns; while the chat runs, the
// segment found by its id with nattch 2 in /proc/sysvipc/shm and in both processes'
// /proc/PID/maps; each reader really waiting in semop (semtimedop, wchan
// __do_semtimedop) and, the child's main thread, using under 1% of a CPU over 5 s; the
// segment and the semaphore set gone by id once the link closes or its child is killed.
// Tests run in parallel and as root: objects are judged by their id, never by an empty table.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkEvent } from '../../src/ipc/events.js';
import { PipeLink } from '../../src/ipc/link.js';
import { race } from '../../src/experiments/race.js';
import { readSysVTable } from '../../src/kernel/proc-sysvipc.js';
import { pidOfOurKey } from '../../src/kernel/sysv.js';
import { threadCpuMs } from '../../src/kernel/thread-cpu.js';
import { messagesRead, playThreeTurns, threeTurnsRead } from '../support/conversation.js';
import { threadsIn } from '../support/shared-memory.js';
import { waitUntil } from '../support/wait.js';

const childScript = path.resolve('dist/child.js');
const links: PipeLink[] = [];
const SEMTIMEDOP = 220; // x86_64

afterEach(async () => {
  await Promise.all(links.splice(0).map((link) => link.close()));
});

async function open() {
  const events: LinkEvent[] = [];
  const link = await PipeLink.open({ wiring: 'shm', childScript, onEvent: (e) => events.push(e) });
  links.push(link);
  return { link, events };
}

/** Our objects now: the segment this process created (its key is 0 once marked IPC_RMID), the set whose key names it. */
function ours(): { shmid: number | undefined; semid: number | undefined } {
  return {
    shmid: readSysVTable('shm').filter((r) => r.cpid === process.pid).at(-1)?.shmid,
    semid: readSysVTable('sem').filter((r) => pidOfOurKey(r.key ?? 0) === process.pid).at(-1)?.semid,
  };
}

const segmentRow = (shmid: number) => readSysVTable('shm').find((r) => r.shmid === shmid);
const setRow = (semid: number) => readSysVTable('sem').find((r) => r.semid === semid);

/** The lines of /proc/PID/maps for System V segment `shmid` (its inode column is the id). */
function mapsOf(pid: number | 'self', shmid: number): string[] {
  return fs.readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n').filter((l) => l.includes('/SYSV') && l.split(/\s+/)[4] === String(shmid));
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('shared memory with waiting', () => {
  it('plays the three turns through the two boxes', async () => {
    const { link, events } = await open();
    await playThreeTurns(link, events);
    expect(messagesRead(events)).toEqual(threeTurnsRead());
  });

  it('while the chat runs: nattch 2 in /proc/sysvipc/shm and in both maps, mode 0600, a set of 4', async () => {
    const { link, events } = await open();
    const { shmid, semid } = ours();
    expect(shmid).toBeDefined();
    expect(semid).toBeDefined();
    void link.read();
    link.typeForChild('hello');
    await waitUntil(() => messagesRead(events).length === 1, { what: 'the parent to read' });
    expect(segmentRow(shmid as number)).toMatchObject({ nattch: 2, cpid: process.pid });
    expect((segmentRow(shmid as number)?.perms ?? 0) & 0o777).toBe(0o600);
    expect(mapsOf('self', shmid as number)).toHaveLength(1);
    expect(mapsOf(link.childPid, shmid as number)).toHaveLength(1);
    expect(setRow(semid as number)).toMatchObject({ nsems: 4 });
    expect((setRow(semid as number)?.perms ?? 0) & 0o777).toBe(0o600);
  });

  it('both readers really wait in semop, and the child waiting uses under 1% of a CPU over 5 s', async () => {
    const { link, events } = await open();
    const { semid } = ours();
    void link.read();
    await waitUntil(() => threadsIn('self', SEMTIMEDOP, '__do_semtimedop').length === 1, { what: 'a thread of the parent in semtimedop' });
    link.typeForChild('hello');
    await waitUntil(() => messagesRead(events).length === 1, { what: 'the parent to read' });
    await waitUntil(() => threadsIn(link.childPid, SEMTIMEDOP, '__do_semtimedop').length === 1, { what: 'the child in semtimedop' });
    const [tid] = threadsIn(link.childPid, SEMTIMEDOP);
    expect(tid).toBe(link.childPid);
    expect(fs.readFileSync(`/proc/${link.childPid}/task/${tid}/syscall`, 'utf8').split(' ')[1]).toBe(`0x${(semid as number).toString(16)}`);
    const before = threadCpuMs(link.childPid, tid as number) as number;
    const started = Date.now();
    await waitUntil(() => Date.now() - started >= 5000, { timeoutMs: 10_000, intervalMs: 250, what: '5 s' });
    const used = (threadCpuMs(link.childPid, tid as number) as number) - before;
    expect(used / (Date.now() - started)).toBeLessThan(0.01);
    expect(threadsIn(link.childPid, SEMTIMEDOP)).toEqual([tid]);
    const reading = events.filter((e) => e.type === 'activity' && e.activity.doing === 'reading').map((e) => (e.type === 'activity' && e.activity.doing === 'reading' ? `${e.proc} ${e.activity.on}` : ''));
    expect(reading).toEqual(expect.arrayContaining([`parent semop(set ${semid}, P full[0])`, `child semop(set ${semid}, P full[1])`]));
  }, 30_000);

  it('the segment and the set are gone by id once the link closes, the parent blocked in semop ended (EIDRM)', async () => {
    const { link } = await open();
    const { shmid, semid } = ours();
    const read = link.read();
    await waitUntil(() => threadsIn('self', SEMTIMEDOP).length === 1, { what: 'the parent in semop' });
    await link.close();
    expect(await read.frame).toBeNull();
    expect(segmentRow(shmid as number)).toBeUndefined();
    expect(setRow(semid as number)).toBeUndefined();
    expect(mapsOf('self', shmid as number)).toEqual([]);
    expect(threadsIn('self', SEMTIMEDOP)).toEqual([]);
  });

  it('the set goes when the child is killed, and the segment with it', async () => {
    const { link, events } = await open();
    const { shmid, semid } = ours();
    process.kill(link.childPid, 'SIGKILL');
    await waitUntil(() => events.some((e) => e.type === 'exit'), { what: 'the child to die' });
    expect(setRow(semid as number)).toBeUndefined();
    expect(segmentRow(shmid as number)).toBeUndefined();
  });
});

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the race on shared memory', () => {
  it('shm: nothing stolen, lost or torn, the parent seen in semop before each send', async () => {
    const result = await race({ wiring: 'shm', trials: 20, delayMs: 0, childScript });
    expect(result).toMatchObject({ stolen: 0, delivered: 20, lost: 0, torn: 0, parentCall: 'semtimedop', waitingBeforeSend: 20 });
  });
});
