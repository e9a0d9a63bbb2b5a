// Two threads sharing a variable, over a real link: the "child" is a Worker of this
// process (one PID, no child process, its own TID); the three turns go through the
// variable; in the waiting way both readers sit in futex (/proc/PID/task/TID/syscall)
// using under 1% of a CPU over 5 s; in the busy way they spin (over half a CPU, or never
// asleep on a loaded machine); the Worker adds Node's own fds (an epoll fd, a pipe pair,
// an eventfd) and nothing of it is left once the link closes. The race has the child
// thread write back to back: a variable gives the writer no waiting, so the reader loses
// what was overwritten, counted by it, with each thread's own CPU time.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkEvent } from '../../src/ipc/events.js';
import { canSeeKernelCalls, threadCall } from '../../src/kernel/kernel-calls.js';
import { PipeLink } from '../../src/ipc/link.js';
import { EXERCISE_STEP_POINTS } from '../../src/channels/step-points.js';
import { processCpuMs } from '../../src/kernel/thread-cpu.js';
import { race } from '../../src/experiments/race.js';
import { messagesRead, playThreeTurns, threeTurnsRead } from '../support/conversation.js';
import { SPIN_SAMPLE_MS, cpuShareOver, expectSpinning, notes } from '../support/spinning.js';
import { waitUntil } from '../support/wait.js';
import path from 'node:path';

const childScript = path.resolve('dist/child.js');
const links: PipeLink[] = [];

afterEach(async () => {
  await Promise.all(links.splice(0).map((link) => link.close()));
});

async function open(wiring: 'threads' | 'threads-busy') {
  const events: LinkEvent[] = [];
  const link = await PipeLink.open({ wiring, childScript, onEvent: (e) => events.push(e) });
  links.push(link);
  return { link, events };
}

const readerTid = (events: LinkEvent[], proc: 'parent' | 'child', kind: 'waiting' | 'spinning'): number | undefined =>
  notes(events, proc).flatMap((n) => (n.kind === kind ? [n.tid] : [])).at(-1);
const helloTid = (events: LinkEvent[]): number | undefined => events.flatMap((e) => (e.type === 'hello' ? [e.tid] : [])).at(0);

/** Every child process of this process's threads (/proc/self/task/*\/children). */
function childProcesses(): number[] {
  return fs.readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      return fs.readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
}

/** This process's fds and what each is, as /proc/self/fd shows them. */
function ownFds(): Map<string, string> {
  return new Map(fs.readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [[fd, fs.readlinkSync(`/proc/self/fd/${fd}`)] as [string, string]];
    } catch {
      return [];
    }
  }));
}

/** Both readers waiting at once: the parent read the child's line and reads again; the child waits for the answer. */
async function bothReading(link: PipeLink, events: LinkEvent[], kind: 'waiting' | 'spinning'): Promise<{ parent: number; child: number }> {
  const first = link.read();
  link.typeForChild('hello');
  expect((await first.frame)?.text).toBe('hello');
  void link.read();
  await waitUntil(() => readerTid(events, 'child', kind) !== undefined && notes(events, 'parent').filter((n) => n.kind === kind).length === 2, { what: `both readers ${kind}` });
  return { parent: readerTid(events, 'parent', kind) as number, child: readerTid(events, 'child', kind) as number };
}

describe.runIf(process.platform === 'linux')('two threads sharing a variable', () => {
  for (const wiring of ['threads', 'threads-busy'] as const) {
    it(`${wiring}: plays the three turns through the variable, with one PID and no child process`, async () => {
      const before = childProcesses();
      const { link, events } = await open(wiring);
      expect(link.childPid).toBe(process.pid);
      expect(childProcesses()).toEqual(before);
      const tid = helloTid(events) as number;
      expect(tid).not.toBe(process.pid);
      expect(fs.existsSync(`/proc/self/task/${tid}`)).toBe(true);
      await playThreeTurns(link, events);
      expect(messagesRead(events)).toEqual(threeTurnsRead());
      expect(childProcesses()).toEqual(before);
    });
  }

  it('waiting: each named reader thread sits in futex and uses under 1% of a CPU over 5 s', async () => {
    const { link, events } = await open('threads');
    const tids = await bothReading(link, events, 'waiting');
    expect(tids.child).toBe(helloTid(events));
    expect(new Set([tids.parent, tids.child, process.pid]).size).toBe(3);
    if (canSeeKernelCalls()) {
      await waitUntil(() => threadCall(process.pid, tids.parent)?.call === 'futex' && threadCall(process.pid, tids.child)?.call === 'futex', { what: 'both threads in futex' });
    }
    const [parent, child] = await Promise.all([cpuShareOver(process.pid, tids.parent, 5000), cpuShareOver(process.pid, tids.child, 5000)]);
    expect(parent.cpu).toBeLessThan(0.01);
    expect(child.cpu).toBeLessThan(0.01);
    if (canSeeKernelCalls()) for (const tid of [tids.parent, tids.child]) expect(threadCall(process.pid, tid)?.call).toBe('futex');
  }, 30_000);

  it('busy: each named reader thread spins (over half a CPU, or runnable most of the time on a loaded machine)', async () => {
    const { link, events } = await open('threads-busy');
    const tids = await bothReading(link, events, 'spinning');
    expect(tids.child).toBe(helloTid(events));
    const [parent, child] = await Promise.all([cpuShareOver(process.pid, tids.parent, SPIN_SAMPLE_MS), cpuShareOver(process.pid, tids.child, SPIN_SAMPLE_MS)]);
    expectSpinning(parent);
    expectSpinning(child);
  }, 30_000);

  it('busy: a reader that stopped spinning says where it waits, as /proc shows it (the child thread: a read of its own keyboard pipe, not fd 0)', async () => {
    process.env.PIPE_CHAT_SPIN_LIMIT_MS = '300';
    try {
      const { link, events } = await open('threads-busy');
      const first = link.read();
      link.typeForChild('hello');
      expect((await first.frame)?.text).toBe('hello');
      await waitUntil(() => notes(events, 'child').some((n) => n.kind === 'idle'), { what: 'the child to stop spinning' });
      const idle = notes(events, 'child').find((n) => n.kind === 'idle');
      const fd = Number(/^read\(fd (\d+)\)$/.exec(idle?.kind === 'idle' ? idle.parkedIn : '')?.[1]);
      expect(fd).toBeGreaterThan(2);
      if (canSeeKernelCalls()) {
        const tid = helloTid(events) as number;
        await waitUntil(() => threadCall(process.pid, tid)?.call === 'read', { what: 'the child thread in read' });
        expect(threadCall(process.pid, tid)?.fd).toBe(fd);
      }
    } finally {
      delete process.env.PIPE_CHAT_SPIN_LIMIT_MS;
    }
  });

  it("the Worker adds Node's own fds (an epoll fd, a pipe pair, an eventfd) beside its keyboard and doorbell pipes; closing leaves none, and no thread", async () => {
    // A first link leaves the parent's call thread waiting for the next: the count starts after it.
    await (await open('threads')).link.close();
    const before = ownFds();
    const { link, events } = await open('threads');
    const added = [...ownFds()].filter(([fd, target]) => before.get(fd) !== target).map(([, target]) => target.replace(/\d+/g, 'N'));
    expect(added.filter((t) => t === 'anon_inode:[eventpoll]')).toHaveLength(1);
    expect(added.filter((t) => t === 'anon_inode:[eventfd]')).toHaveLength(1);
    // The Worker's own pair, the keyboard's and the doorbell's.
    expect(added.filter((t) => t === 'pipe:[N]')).toHaveLength(6);
    // The hello names the same: the keyboard's and the doorbell's pipes, and the Worker's own loop.
    const told = events.flatMap((e) => (e.type === 'hello' ? (e.threadFds ?? []) : []));
    expect(told.map((f) => f.target).sort()).toEqual([...ownFds()].filter(([fd, target]) => before.get(fd) !== target).map(([, target]) => target).sort());
    // Node 22's libuv adds an io_uring to a loop; Node 20's does not.
    const worker = told.filter((f) => f.role === 'worker').map((f) => f.target.replace(/\d+/g, 'N'));
    expect(worker.filter((t) => t !== 'anon_inode:[io_uring]').sort()).toEqual(['anon_inode:[eventfd]', 'anon_inode:[eventpoll]', 'pipe:[N]', 'pipe:[N]']);
    const tid = helloTid(events) as number;
    const read = link.read();
    await waitUntil(() => readerTid(events, 'parent', 'waiting') !== undefined, { what: 'the parent to wait' });
    await link.close();
    expect(await read.frame).toBeNull();
    expect(fs.existsSync(`/proc/self/task/${tid}`)).toBe(false);
    expect([...ownFds()].filter(([fd, target]) => before.get(fd) !== target)).toEqual([]);
  });

  it('race: written back to back, the reader loses what was overwritten, counted by it; each thread\'s CPU, not the process\'s', async () => {
    const processBefore = processCpuMs(process.pid) as number;
    const result = await race({ wiring: 'threads', trials: 200, delayMs: 0, childScript });
    const processSpent = (processCpuMs(process.pid) as number) - processBefore;
    expect(result.childPid).toBe(process.pid);
    expect(result.stolen).toBe(0);
    expect(result.lost).toBeGreaterThan(0);
    expect(result.delivered + result.lost).toBe(200);
    // /proc counts in clock ticks (10 ms); the two threads are a part of what the process spent (its UI thread and V8's too).
    expect((result.cpuMs?.child ?? 1) % 10).toBe(0);
    expect((result.cpuMs?.parent ?? 0) + (result.cpuMs?.child ?? 0)).toBeLessThanOrEqual(processSpent);
  }, 30_000);

  it('step mode: a child thread held at its gate (in futex) is let out on the way out, and the link closes', async () => {
    const { link, events } = await open('threads');
    expect(link.setStepping(EXERCISE_STEP_POINTS)).toBe(true);
    link.typeForChild('hello');
    await waitUntil(() => events.some((e) => e.type === 'activity' && e.proc === 'child' && e.activity.doing === 'held'), { what: 'the child thread held before its write' });
    const tid = helloTid(events) as number;
    if (canSeeKernelCalls()) await waitUntil(() => threadCall(process.pid, tid)?.call === 'futex', { what: 'the child thread in futex' });
    // terminate() cannot end a thread in futex(2): the close must let it go first, or it never settles.
    await link.close();
    await waitUntil(() => !fs.existsSync(`/proc/self/task/${tid}`), { what: 'the child thread gone' });
  });
});

