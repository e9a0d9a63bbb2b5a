// Step mode against real processes: on one shared pipe the user, not the scheduler,
// decides who reads first, so each order gives the same outcome every time; and while a
// process is held, /proc shows it at its futex gate, not in a call on the channel.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reduce } from '../../src/app/state/conversation-reducer.js';
import { findDeadlock } from '../../src/app/state/deadlock.js';
import { initialState, type ConversationState } from '../../src/app/state/model.js';
import { phaseOf } from '../../src/app/state/phase.js';
import type { Proc } from '../../src/ipc/events.js';
import { isInCall, processState, threadCalls } from '../../src/kernel/kernel-calls.js';
import { ConversationSession } from '../../src/session/conversation-session.js';
import { EXERCISE_STEP_POINTS } from '../../src/channels/step-points.js';
import type { LinkEvent } from '../../src/ipc/events.js';
import { PipeLink } from '../../src/ipc/link.js';
import { openPipeSession } from '../../src/session/open-session.js';
import { waitUntil } from '../support/wait.js';

const childScript = path.resolve('dist/child.js');
const RUNS = 10;
const sessions: ConversationSession[] = [];

const links: PipeLink[] = [];
afterEach(async () => {
  await Promise.all([...sessions.splice(0).map((session) => session.close()), ...links.splice(0).map((link) => link.close())]);
});

/** A conversation on one shared pipe in step mode, its state kept by the app's own reducer. */
function stepping(turns: number) {
  const session = new ConversationSession({ open: openPipeSession(childScript), turns, knobs: { childDelayMs: 0, parentDelayMs: 0 }, stepping: true });
  sessions.push(session);
  let state: ConversationState = initialState(session.knobs, turns, true);
  session.subscribe((event) => (state = reduce(state, event)));
  session.start('start', 'one-pipe', 1);
  const held = (proc: Proc, call: 'read' | 'write') => {
    const a = state.session?.[proc].activity;
    return a?.doing === 'held' && a.call === call ? a : null;
  };
  const go = async (proc: Proc, call: 'read' | 'write') => {
    await waitUntil(() => held(proc, call) !== null, { what: `the ${proc} to be held before its ${call}` });
    expect(session.letGo(proc)).toBe(true);
  };
  /** Types the child's line once it waits at its keyboard. */
  const childTypes = async (line: string) => {
    await waitUntil(() => state.session?.child.activity?.doing === 'typing', { what: 'the child at its keyboard' });
    expect(session.type('child', line)).toBe(true);
  };
  const verdictOf = (writer: Proc, seq: number) => {
    const m = state.messages.find((x) => x.writer === writer && x.seq === seq && x.session === state.session?.id);
    return m?.reader ? `${m.reader}:${m.verdict}` : null;
  };
  return { session, state: () => state, held, go, childTypes, verdictOf };
}

/** The thread's system call, as /proc/PID/task/TID/syscall names it. */
function callOf(pid: number, tid: number) {
  return threadCalls(pid).find((t) => t.tid === tid) ?? null;
}

describe('step mode on one shared pipe', () => {
  it(`child's write, then child's read: the child reads its own line back, ${RUNS} of ${RUNS}`, async () => {
    const s = stepping(RUNS);
    for (let turn = 1; turn <= RUNS; turn++) {
      await s.childTypes(`line ${turn}`);
      await s.go('child', 'write');
      await s.go('child', 'read');
      await waitUntil(() => s.verdictOf('child', turn) !== null, { what: `C${turn} to be read` });
      // The parent never left its gate: it made no call at all.
      expect(s.held('parent', 'read')).not.toBeNull();
    }
    expect(Array.from({ length: RUNS }, (_, i) => s.verdictOf('child', i + 1))).toEqual(Array(RUNS).fill('child:stolen'));
  });

  it(`parent's read, then child's write: the parent gets the line, ${RUNS} of ${RUNS}`, async () => {
    const s = stepping(RUNS);
    for (let turn = 1; turn <= RUNS; turn++) {
      await s.childTypes(`line ${turn}`);
      await waitUntil(() => s.held('child', 'write') !== null, { what: 'the child to be held before its write' });
      await s.go('parent', 'read');
      const fd = s.state().session?.parent.fds.find((f) => f.end === 'read')?.fd ?? -1;
      // Released, the read is the real one: it blocks on the empty pipe until the child writes.
      await waitUntil(() => isInCall('self', 'read', fd), { what: `the parent's thread in read(fd ${fd})` });
      await s.go('child', 'write');
      await waitUntil(() => s.verdictOf('child', turn) !== null, { what: `C${turn} to be read` });
      // The parent answers: its write, then the child's read (its own read of the next turn waits at the gate).
      await waitUntil(() => s.session.type('parent', `answer ${turn}`), { what: 'the parent to take its line' });
      await s.go('parent', 'write');
      await s.go('child', 'read');
      await waitUntil(() => s.verdictOf('parent', turn) !== null, { what: `P${turn} to be read` });
    }
    expect(Array.from({ length: RUNS }, (_, i) => s.verdictOf('child', i + 1))).toEqual(Array(RUNS).fill('parent:delivered'));
    expect(Array.from({ length: RUNS }, (_, i) => s.verdictOf('parent', i + 1))).toEqual(Array(RUNS).fill('child:delivered'));
  });

  it('while held, each process waits in futex(2) at its gate, not in a call on the pipe; let go, it blocks in the real read()', async () => {
    const s = stepping(3);
    await s.childTypes('hello');
    await waitUntil(() => s.held('child', 'write') !== null && s.held('parent', 'read') !== null, { what: 'both processes held' });
    const state = s.state().session;
    const childPid = state?.child.pid as number;
    const child = s.held('child', 'write');
    const parent = s.held('parent', 'read');
    expect(child?.tid).toBe(childPid);
    // A thread's call is read when it is in it: the gate's futex(2), with no call on fds 3 and 4 or the parent's ends.
    await waitUntil(() => callOf(childPid, child?.tid ?? 0)?.call === 'futex', { what: "the child's main thread in futex(2)" });
    await waitUntil(() => callOf(process.pid, parent?.tid ?? 0)?.call === 'futex', { what: "the parent's call thread in futex(2)" });
    for (const fd of [3, 4]) for (const call of ['read', 'write'] as const) expect(isInCall(childPid, call, fd)).toBe(false);
    for (const f of state?.parent.fds ?? []) for (const call of ['read', 'write'] as const) expect(isInCall('self', call, f.fd)).toBe(false);
    // Nor is a gate a stop: the kernel has it sleeping (S), not stopped (T), which the STOPPED watch looks for.
    expect(processState(childPid)).toBe('S');

    // The child's write, then its read: it takes its own line, and goes to its keyboard.
    await s.go('child', 'write');
    await s.go('child', 'read');
    await waitUntil(() => s.verdictOf('child', 1) === 'child:stolen', { what: 'the steal' });
    // The parent's read, let go now, finds the pipe empty and really blocks in read(2).
    await s.go('parent', 'read');
    const fd = state?.parent.fds.find((f) => f.end === 'read')?.fd ?? -1;
    await waitUntil(() => callOf(process.pid, parent?.tid ?? 0)?.call === 'read' && callOf(process.pid, parent?.tid ?? 0)?.fd === fd, { what: `the call thread in read(fd ${fd})` });
    expect(findDeadlock(s.state())).toBeNull(); // the child may still write
  });

  it('three steals leave the parent BLOCKED FOREVER in read(), as the kernel shows; leaving step mode lets held calls go', async () => {
    const s = stepping(3);
    for (let turn = 1; turn <= 3; turn++) {
      await s.childTypes(`line ${turn}`);
      await s.go('child', 'write');
      await s.go('child', 'read');
    }
    await waitUntil(() => s.state().session?.child.exit !== null, { what: 'the child to finish its three turns' });
    expect(s.held('parent', 'read')).not.toBeNull();
    // Step mode off: the parent's held read goes at once, into an empty pipe no one else will write.
    s.session.setStepping(false);
    const fd = s.state().session?.parent.fds.find((f) => f.end === 'read')?.fd ?? -1;
    await waitUntil(() => isInCall('self', 'read', fd), { what: `the parent's thread in read(fd ${fd})` });
    await waitUntil(() => findDeadlock(s.state()) !== null, { what: 'the screen to find the parent stuck' });
    expect(findDeadlock(s.state())).toEqual({ blocked: ['parent'], finished: ['child'] });
    expect(phaseOf(s.state())).toBe('deadlock');
  });

  it('a parent call held when its gate closes (shared memory: the child killed) is never made, and none is reported', async () => {
    const link = await PipeLink.open({ wiring: 'shm', childScript });
    links.push(link);
    const events: LinkEvent[] = [];
    link.subscribe((event) => events.push(event));
    expect(link.setStepping(EXERCISE_STEP_POINTS)).toBe(true);
    const read = link.read();
    await waitUntil(() => events.some((e) => e.type === 'activity' && e.proc === 'parent' && e.activity.doing === 'held'), { what: 'the parent held before its read' });
    process.kill(link.childPid, 'SIGKILL');
    expect(await read.frame).toBeNull();
    expect(events.filter((e) => e.type === 'syscall' && e.proc === 'parent')).toEqual([]);
  });
});
