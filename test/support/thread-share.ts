// How much of a CPU one thread used over a while, measured as a loaded machine allows:
// its CPU time (/proc/PID/task/TID/stat) and the time it was on a CPU or runnable,
// waiting for one (schedstat). A thread that spins wants a CPU all the time: on a loaded
// machine it gets less, but it never sleeps. One that waits in the kernel is neither.
import { expect } from 'vitest';
import { threadCpuMs, threadSchedMs } from '../../src/kernel/thread-cpu.js';
import { waitUntil } from './wait.js';

export interface Share {
  /** CPU time over wall time. */
  cpu: number;
  /** Time on a CPU or runnable over wall time (NaN where the kernel keeps no schedstat). */
  wanted: number;
}

/** Over `ms`: the share of one CPU thread `tid` of `pid` used, and the share of the time it wanted one. */
export async function cpuShareOver(pid: number, tid: number, ms: number): Promise<Share> {
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

/** A spinning thread: over half a CPU, or (on a machine too loaded to give it that) runnable nearly all the time. */
export function expectSpinning(share: Share): void {
  if (share.cpu > 0.5) return;
  expect(share.wanted, `CPU share ${share.cpu.toFixed(2)}: the machine is loaded; the thread must at least never sleep`).toBeGreaterThan(0.9);
  expect(share.cpu).toBeGreaterThan(0.05);
}
