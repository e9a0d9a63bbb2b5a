// What the kernel says each thread of a process is doing, from /proc/PID/task/TID/syscall
// (Linux only): the system call it is blocked in and its first argument (the fd of a
// read, write or accept4, the queue id of a msgrcv or msgsnd, the set id of a semop; none
// for rt_sigtimedwait, whose first argument is a pointer). The screen names a process blocked
// in read(fd N) or msgrcv(queue N, ...); this is how that claim is checked against the
// kernel, by the race (is the parent's read still blocked?) and by tests.
import fs from 'node:fs';

/** System call numbers differ by architecture; these are the ones pipe-chat names. */
export type KernelCall = 'read' | 'write' | 'msgsnd' | 'msgrcv' | 'accept4' | 'semtimedop' | 'futex' | 'rt_sigtimedwait';

const CALL_NUMBERS: Partial<Record<NodeJS.Architecture, Record<KernelCall, number>>> = {
  // glibc's semop() is the semtimedop system call with no timeout; Atomics.wait is a futex wait.
  x64: { read: 0, write: 1, msgsnd: 69, msgrcv: 70, accept4: 288, semtimedop: 220, futex: 202, rt_sigtimedwait: 128 },
  arm64: { read: 63, write: 64, msgsnd: 189, msgrcv: 188, accept4: 242, semtimedop: 192, futex: 98, rt_sigtimedwait: 137 },
};

export interface ThreadCall {
  tid: number;
  call: KernelCall | 'other' | 'running';
  /** The call's first argument: the fd read or written, the queue id; null otherwise (and for rt_sigtimedwait, a pointer). */
  fd: number | null;
}

/** One line of /proc/PID/task/TID/syscall, as a ThreadCall. */
export function parseThreadCall(tid: number, line: string): ThreadCall {
  const numbers = CALL_NUMBERS[process.arch];
  const [nr, arg0] = line.trim().split(' ');
  if (nr === 'running' || !numbers) return { tid, call: nr === 'running' ? 'running' : 'other', fd: null };
  const number = Number(nr);
  const call = (Object.keys(numbers) as KernelCall[]).find((name) => numbers[name] === number) ?? 'other';
  return { tid, call, fd: call === 'other' || call === 'rt_sigtimedwait' ? null : Number.parseInt(arg0 ?? '', 16) };
}

/** True when /proc can tell which call a thread is in (Linux, a known architecture). */
export function canSeeKernelCalls(): boolean {
  return process.platform === 'linux' && CALL_NUMBERS[process.arch] !== undefined && fs.existsSync('/proc/self/task');
}

/** Every thread of `pid` and the call it is in; an empty list when the process is gone or /proc cannot say. */
export function threadCalls(pid: number | 'self'): ThreadCall[] {
  const numbers = CALL_NUMBERS[process.arch];
  if (!numbers) return [];
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tids.flatMap((tid): ThreadCall[] => {
    try {
      return [parseThreadCall(Number(tid), fs.readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'utf8'))];
    } catch {
      return [];
    }
  });
}

/** The call thread `tid` of `pid` is in now; null when it is gone or /proc cannot say. */
export function threadCall(pid: number, tid: number): ThreadCall | null {
  if (!CALL_NUMBERS[process.arch]) return null;
  try {
    return parseThreadCall(tid, fs.readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'utf8'));
  } catch {
    return null;
  }
}

/** Is some thread of `pid` blocked in `call` on `fd` (or queue id; null: a call whose first argument is no number)? */
export function isInCall(pid: number | 'self', call: KernelCall, fd: number | null): boolean {
  return threadCalls(pid).some((t) => t.call === call && t.fd === fd);
}

/**
 * The process's state letter from /proc/PID/stat ('S' sleeping, 'R' running, 'T' stopped
 * by a signal, 't' stopped by a tracer...); null when the process is gone or /proc cannot say.
 */
export function processState(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces and parentheses: the state follows the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || null;
  } catch {
    return null;
  }
}
