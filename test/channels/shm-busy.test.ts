// Shared memory without waiting over a real link: the three turns; each reader really
// spins (its thread running, over half a CPU by /proc/PID/task/TID/stat, generous under
// load) and says so; after the spin limit without a message it stops (its thread then
// uses no CPU) and a resume makes it spin again; the race loses messages at child delay
// 0 and reports each process's CPU; the segment is gone by id once the link closes.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinkEvent } from '../../src/ipc/events.js';
import { PipeLink } from '../../src/ipc/link.js';
import { race } from '../../src/experiments/race.js';
import { readSysVTable } from '../../src/kernel/proc-sysvipc.js';
import { canSeeKernelCalls, threadCalls } from '../../src/kernel/kernel-calls.js';
import { messagesRead, playThreeTurns, threeTurnsRead } from '../support/conversation.js';
import { SPIN_SAMPLE_MS, cpuShareOver, expectSpinning, notes, spinningTid } from '../support/spinning.js';
import { waitUntil } from '../support/wait.js';

const childScript = path.resolve('dist/child.js');
const links: PipeLink[] = [];

beforeEach(() => {
  delete process.env.PIPE_CHAT_SPIN_LIMIT_MS;
});
afterEach(async () => {
  delete process.env.PIPE_CHAT_SPIN_LIMIT_MS;
  await Promise.all(links.splice(0).map((link) => link.close()));
});

async function open() {
  const events: LinkEvent[] = [];
  const link = await PipeLink.open({ wiring: 'shm-busy', childScript, onEvent: (e) => events.push(e) });
  links.push(link);
  return { link, events };
}

const segmentOf = (pid: number) => readSysVTable('shm').filter((r) => r.cpid === pid).at(-1)?.shmid;

describe.runIf(process.platform === 'linux')('shared memory without waiting', () => {
  it('plays the three turns through the two boxes', async () => {
    const { link, events } = await open();
    await playThreeTurns(link, events);
    expect(messagesRead(events)).toEqual(threeTurnsRead());
  });

  it("each reader spins on the thread that makes its calls (the child's main thread, the parent's call thread): over half a CPU, or runnable most of the time on a loaded machine", async () => {
    const { link, events } = await open();
    const read = link.read();
    await waitUntil(() => spinningTid(events, 'parent') !== undefined, { what: 'the parent to spin' });
    const parentTid = spinningTid(events, 'parent') as number;
    expect(parentTid).not.toBe(process.pid);
    expectSpinning(await cpuShareOver(process.pid, parentTid, SPIN_SAMPLE_MS));
    link.typeForChild('hello');
    expect((await read.frame)?.text).toBe('hello');
    await waitUntil(() => spinningTid(events, 'child') !== undefined, { what: 'the child to spin' });
    expect(spinningTid(events, 'child')).toBe(link.childPid);
    expectSpinning(await cpuShareOver(link.childPid, link.childPid, SPIN_SAMPLE_MS));
  }, 30_000);

  it('a reader stops spinning after the limit without a message, burns nothing then, and spins again when resumed', async () => {
    process.env.PIPE_CHAT_SPIN_LIMIT_MS = '300';
    const { link, events } = await open();
    const read = link.read();
    await waitUntil(() => notes(events, 'parent').some((n) => n.kind === 'idle'), { what: 'the parent to stop spinning' });
    const idle = notes(events, 'parent').find((n) => n.kind === 'idle');
    expect(idle).toMatchObject({ kind: 'idle', cpuMs: expect.any(Number), parkedIn: 'futex' });
    const tid = spinningTid(events, 'parent') as number;
    expect(tid).not.toBe(process.pid);
    expect((await cpuShareOver(process.pid, tid, 1000)).wanted).toBeLessThan(0.05);
    // The thread that spun is the call thread, parked at its gate: a futex wait, as the screen says.
    if (canSeeKernelCalls()) expect(threadCalls('self').find((t) => t.tid === tid)?.call).toBe('futex');
    const spinsBefore = notes(events, 'parent').filter((n) => n.kind === 'spinning').length;
    link.resumeSpin();
    await waitUntil(() => notes(events, 'parent').filter((n) => n.kind === 'spinning').length === spinsBefore + 1, { what: 'the parent to spin again' });
    link.typeForChild('after the pause');
    expect((await read.frame)?.text).toBe('after the pause');
    // The child now spins for the answer, stops at the limit, and its thread rests.
    await waitUntil(() => notes(events, 'child').some((n) => n.kind === 'idle'), { what: 'the child to stop spinning' });
    expect(notes(events, 'child').find((n) => n.kind === 'idle')).toMatchObject({ parkedIn: 'read(fd 0)' });
    expect((await cpuShareOver(link.childPid, link.childPid, 1000)).wanted).toBeLessThan(0.05);
    link.resumeSpin();
    await waitUntil(() => notes(events, 'child').filter((n) => n.kind === 'spinning').length === 2, { what: 'the child to spin again' });
    await link.write('answer');
    await waitUntil(() => messagesRead(events).includes('child read parent#1: answer'), { what: 'the child to read the answer' });
  }, 30_000);

  it('the segment is gone by id once the link closes, the spinning reader ended', async () => {
    const { link, events } = await open();
    const shmid = segmentOf(process.pid);
    expect(readSysVTable('shm').find((r) => r.shmid === shmid)?.nattch).toBe(2);
    const read = link.read();
    await waitUntil(() => spinningTid(events, 'parent') !== undefined, { what: 'the parent to spin' });
    await link.close();
    expect(await read.frame).toBeNull();
    expect(readSysVTable('shm').some((r) => r.shmid === shmid)).toBe(false);
  });

  it('race: written back to back, the reader loses messages, counted by it; each process\'s CPU reported', async () => {
    const result = await race({ wiring: 'shm-busy', trials: 200, delayMs: 0, childScript });
    expect(result.stolen).toBe(0);
    expect(result.lost).toBeGreaterThan(0);
    expect(result.delivered + result.lost).toBe(200);
    // The parent spins for each message; the child's 200 writes may take less than one clock tick (10 ms), the unit /proc counts CPU in.
    expect(result.cpuMs?.parent).toBeGreaterThan(0);
    expect(result.cpuMs?.child).toBeGreaterThanOrEqual(0);
    expect((result.cpuMs?.child ?? 1) % 10).toBe(0);
  }, 30_000);
});
