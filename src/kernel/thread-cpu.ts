// The CPU time one thread has used, from /proc/PID/task/TID/stat (utime + stime, fields
// 14 and 15, in clock ticks of USER_HZ, which Linux fixes at 100 for every program): how
// the busy-waiting reader's cost is shown, and how a test tells a thread waiting in the
// kernel (no CPU) from one that spins (a whole core). The thread's own TID comes from
// /proc/thread-self, which names it.
import fs from 'node:fs';

const USER_HZ = 100;

/** CPU milliseconds `tid` of `pid` has used (user + system); null when it is gone or /proc cannot say. */
export function threadCpuMs(pid: number, tid: number): number | null {
  return cpuMsOf(`/proc/${pid}/task/${tid}/stat`);
}

/** CPU milliseconds all threads of `pid` have used (user + system), from /proc/PID/stat; null when it is gone. */
export function processCpuMs(pid: number): number | null {
  return cpuMsOf(`/proc/${pid}/stat`);
}

function cpuMsOf(file: string): number | null {
  try {
    const stat = fs.readFileSync(file, 'utf8');
    // The command name, in parentheses, may hold spaces: fields count from the last ')'; state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / USER_HZ : null;
  } catch {
    return null;
  }
}

/** The calling thread's TID (Linux), from /proc/thread-self -> "PID/task/TID"; null elsewhere. */
export function ownTid(): number | null {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isInteger(tid) ? tid : null;
  } catch {
    return null;
  }
}

/**
 * What the scheduler counted for thread `tid` of `pid` (/proc/PID/task/TID/schedstat):
 * milliseconds on a CPU and milliseconds runnable but waiting for one. A thread that
 * spins is always one or the other, however loaded the machine; one that waits in the
 * kernel is neither. Null when it is gone or the kernel keeps no such counts.
 */
export function threadSchedMs(pid: number, tid: number): { onCpu: number; waiting: number } | null {
  try {
    const [onCpu, waiting] = fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    return onCpu === undefined || waiting === undefined || !Number.isFinite(onCpu) || !Number.isFinite(waiting) ? null : { onCpu: onCpu / 1e6, waiting: waiting / 1e6 };
  } catch {
    return null;
  }
}
