// What the kernel says about processes, from /proc (Linux): a process's parent, state and
// command line, its children, the processes that carry a session's marker, and signals
// that do not mind a process that is already gone.
import fs from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Process state letter from /proc/PID/stat: R, S, D, Z (zombie), T... */
  state: string;
  /** Command line, arguments joined by spaces. */
  commandLine: string;
}

function listPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** Reads /proc/PID; undefined when the process is gone (or not ours to read). */
export function processInfo(pid: number): ProcessInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, ppid: Number(fields[1]), state: fields[0] ?? '?', commandLine };
  } catch {
    return undefined;
  }
}

/** Direct children of a process. */
export function childPidsOf(pid: number): number[] {
  return listPids().filter((candidate) => processInfo(candidate)?.ppid === pid);
}

/** Live (non-zombie) processes whose environment holds NAME=VALUE; only our own processes are readable. */
export function findProcessesWithEnv(name: string, value: string): number[] {
  const needle = `${name}=${value}`;
  return listPids().filter((pid) => {
    if (pid === process.pid) return false;
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(needle)) return false;
    } catch {
      return false;
    }
    const info = processInfo(pid);
    return info !== undefined && info.state !== 'Z';
  });
}

export function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  signalPid(-pgid, signal);
}
