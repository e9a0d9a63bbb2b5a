// What the kernel says of a process's signals, from /proc/PID/status and
// /proc/PID/task/TID/status: the signals pending for the whole process (ShdPnd), those it
// has a handler for (SigCgt) or ignores (SigIgn), and for each thread the signals pending
// for it alone (SigPnd, where tgkill puts them) and those it blocks (SigBlk). Each mask is
// 64 bits in hex, bit N-1 for signal N; the names are Linux's, with glibc's SIGRTMIN (34).
// A thread waiting in rt_sigtimedwait has the signals it waits for taken out of its
// blocked set by the kernel for as long as it waits (it takes them itself, and its own
// mask is put back when the call returns): SigBlk then shows them unblocked.
import fs from 'node:fs';
import { parseThreadCall } from './kernel-calls.js';

const NAMES = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT',
  'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS',
];
/** glibc's SIGRTMIN: 32 and 33 are its threads' own. */
const RTMIN = 34;
const RTMAX = 64;

/** The signals a mask holds, by name ("USR1", "RTMIN", "RTMIN+1", "33"), lowest number first. */
export function signalNames(hex: string): string[] {
  let mask = BigInt(`0x${hex || '0'}`);
  const names: string[] = [];
  for (let signo = 1; mask > 0n; signo++, mask >>= 1n) {
    if ((mask & 1n) === 0n) continue;
    if (signo <= NAMES.length) names.push(NAMES[signo - 1] ?? String(signo));
    else if (signo === RTMAX) names.push('RTMAX');
    else if (signo >= RTMIN) names.push(signo === RTMIN ? 'RTMIN' : `RTMIN+${signo - RTMIN}`);
    else names.push(String(signo));
  }
  return names;
}

/** Does the mask hold signal `signo`? */
export function maskHas(hex: string, signo: number): boolean {
  return ((BigInt(`0x${hex || '0'}`) >> BigInt(signo - 1)) & 1n) === 1n;
}

export interface ThreadSignals {
  tid: number;
  /** SigPnd: pending for this thread alone. */
  pending: string;
  /** SigBlk. */
  blocked: string;
  /** In rt_sigtimedwait now (/proc/PID/task/TID/syscall). */
  inWait: boolean;
}

export interface ProcessSignals {
  /** ShdPnd: pending for the process, for whichever thread does not block it. */
  sharedPending: string;
  caught: string;
  ignored: string;
  /** The threads in rt_sigtimedwait now, or with one of `watched` pending for them alone. */
  waiting: ThreadSignals[];
}

/** One field of a status file ("SigBlk:\t0000000000000a00" -> "0000000000000a00"); empty when absent. */
export function statusField(status: string, name: string): string {
  const line = status.split('\n').find((l) => l.startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

/**
 * Process `pid`'s signals, and its threads that wait in rt_sigtimedwait or have one of
 * `watched` pending (sent to them with tgkill, not yet taken); null when it is gone or
 * there is no /proc. (Blocking them says little: one of Node's own threads blocks nearly
 * every signal.)
 */
export function readProcessSignals(pid: number, watched: readonly number[]): ProcessSignals | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const waiting: ThreadSignals[] = [];
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      let thread: string;
      let inWait: boolean;
      try {
        thread = fs.readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
        inWait = parseThreadCall(Number(tid), fs.readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'utf8')).call === 'rt_sigtimedwait';
      } catch {
        continue;
      }
      const pending = statusField(thread, 'SigPnd');
      if (inWait || watched.some((signo) => maskHas(pending, signo))) waiting.push({ tid: Number(tid), pending, blocked: statusField(thread, 'SigBlk'), inWait });
    }
    return { sharedPending: statusField(status, 'ShdPnd'), caught: statusField(status, 'SigCgt'), ignored: statusField(status, 'SigIgn'), waiting };
  } catch {
    return null;
  }
}
