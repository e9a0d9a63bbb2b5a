// How a test tells a reader that spins from one that rests: the notes its read gave (the
// thread that spins, stopped, lost or torn), and what the kernel counted for that thread
// (its CPU from /proc/PID/task/TID/stat, and from schedstat its time on a CPU or waiting
// for one: a spinning thread is runnable most of the time, however loaded the machine).
import { expect } from 'vitest';
import type { LinkEvent } from '../../src/ipc/events.js';
import { threadCpuMs, threadSchedMs } from '../../src/kernel/thread-cpu.js';
import { waitUntil } from './wait.js';

type Note = Extract<LinkEvent, { type: 'read-note' }>['note'];

export const notes = (events: LinkEvent[], proc: 'parent' | 'child'): Note[] => events.flatMap((e) => (e.type === 'read-note' && e.proc === proc ? [e.note] : []));

/** The thread a process's reader said it spins on, last. */
export const spinningTid = (events: LinkEvent[], proc: 'parent' | 'child'): number | undefined => notes(events, proc).flatMap((n) => (n.kind === 'spinning' ? [n.tid] : [])).at(-1);

/**
 * How long a test watches a thread it expects to spin. Spinning burns a CPU the rest of
 * the suite could use, for as long as it is watched; half a second is 50 of /proc's 10 ms
 * clock ticks, against a bound of half a CPU, and a spinning pread loop makes thousands of
 * calls in it.
 */
export const SPIN_SAMPLE_MS = 500;

/**
 * Over `ms`: the share of one CPU thread `tid` of `pid` used (/proc/PID/task/TID/stat), and
 * the share of the time it was on a CPU or runnable, waiting for one (schedstat). A
 * spinning thread wants a CPU all the time: on a loaded machine it gets less, but it
 * rarely sleeps; the bound on CPU is the 50% where the machine lets it be.
 */
export async function cpuShareOver(pid: number, tid: number, ms: number): Promise<{ cpu: number; wanted: number }> {
  const before = threadCpuMs(pid, tid) as number;
  const sched = threadSchedMs(pid, tid);
  const started = Date.now();
  await waitUntil(() => Date.now() - started >= ms, { timeoutMs: ms + 5000, intervalMs: 100, what: `${ms} ms` });
  const after = threadSchedMs(pid, tid);
  const wall = Date.now() - started;
  return {
    cpu: ((threadCpuMs(pid, tid) as number) - before) / wall,
    wanted: sched && after ? (after.onCpu + after.waiting - sched.onCpu - sched.waiting) / wall : NaN,
  };
}

/**
 * A spinning thread: over half a CPU, or (on a machine too loaded to give it that) runnable
 * most of the time; a reader that rests is runnable close to none of it. Not all of it: a
 * pread can wait a moment for the page its writer is writing, and a run with two suites
 * beside it measured a spinning reader runnable 86% of 1.5 s.
 */
export function expectSpinning(share: { cpu: number; wanted: number }): void {
  if (share.cpu > 0.5) return;
  expect(share.wanted, `CPU share ${share.cpu.toFixed(2)}: the machine is loaded; the thread must at least be runnable most of the time`).toBeGreaterThan(0.75);
  expect(share.cpu).toBeGreaterThan(0.05);
}
