// Who else holds a named pipe open, or one of our anonymous pipes. A FIFO on disk can be
// opened by any process of this user (`cat PATH` reads from it and steals, `echo hi >
// PATH` writes into it), and so can an anonymous pipe, through /proc (`cat
// /proc/CHILD/fd/3`); the kernel tells nobody. Linux's /proc says it: every process's open fds, each resolving to
// the file it names (matched here on device and inode, not on the path), the fd's access
// mode in its fdinfo, and in /proc/PID/io how many bytes the process has read (rchar) and
// written (wchar) through any fd. The UI calls this at most once a second.
//
// Its cost is bounded, whatever other processes hold: only processes that can open the
// FIFO are looked at (ours and root's: it is 0600 in a 0700 directory, so another user's
// 95,000 fds cost one stat), and one look examines at most LOOK_BUDGET fd entries. A
// scan that does not fit goes on from there at the next look, and until a process is
// looked at again, what was last seen of it stands.
import fs from 'node:fs';

export interface FifoHolder {
  pid: number;
  /** /proc/PID/comm: the program's name ("cat", "bash"). */
  command: string;
  /** /proc/PID/cmdline, arguments joined by spaces ("cat /run/user/1000/pipe-chat-.../chat"). */
  commandLine: string;
  /** Its fds on the FIFO or pipe, how each was opened, and the inode of the pipe it is on. */
  fds: { fd: number; access: 'read' | 'write' | 'read-write'; inode: number }[];
  /** Bytes read and written by the process through all its fds so far (/proc/PID/io); null when unreadable. */
  rchar: number | null;
  wchar: number | null;
}

const ACCESS = ['read', 'write', 'read-write'] as const;

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function accessOf(pid: number, fd: number): FifoHolder['fds'][number]['access'] {
  const flags = Number.parseInt(/^flags:\s+([0-7]+)/m.exec(readText(`/proc/${pid}/fdinfo/${fd}`) ?? '')?.[1] ?? '0', 8);
  return ACCESS[flags & 3] ?? 'read-write';
}

/** rchar and wchar from /proc/PID/io. */
export function ioCounts(pid: number): { rchar: number | null; wchar: number | null } {
  const io = readText(`/proc/${pid}/io`) ?? '';
  const count = (name: string): number | null => {
    const found = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(io)?.[1];
    return found === undefined ? null : Number(found);
  };
  return { rchar: count('rchar'), wchar: count('wchar') };
}

/** How many fd entries one look examines at most (each costs a readlink and, for a path, a stat). */
export const LOOK_BUDGET = 2000;

/** What is looked for: a FIFO on disk (its device and inode), or anonymous pipes (their inodes, `pipe:[N]` in /proc). */
export type HeldObject = { dev: number; ino: number } | { pipes: readonly number[] };

function keyOf(target: HeldObject): string {
  return 'pipes' in target ? `pipes:${target.pipes.join(',')}` : `${target.dev}:${target.ino}`;
}

/** The inode `entry` (a /proc/PID/fd link) is on, when it is the target; null otherwise. */
function inodeOn(entry: string, target: HeldObject): number | null {
  const link = fs.readlinkSync(entry);
  if ('pipes' in target) {
    const inode = Number(/^pipe:\[(\d+)\]$/.exec(link)?.[1]);
    return target.pipes.includes(inode) ? inode : null;
  }
  // Only entries that name a file on disk can be our FIFO (not pipe:[N], socket:[N], anon_inode:...).
  if (!link.startsWith('/')) return null;
  const stat = fs.statSync(entry);
  return stat.dev === target.dev && stat.ino === target.ino ? target.ino : null;
}

/** A scan in progress for one FIFO: where the last look stopped, and what was seen of each process. */
interface Scan {
  /** The process the next look starts at, and the fd entry within it. */
  pid: number;
  fdIndex: number;
  /** Fds on the target per process, with the inode each is on, as last seen (a process scanned in parts gathers them here). */
  seen: Map<number, { fd: number; inode: number }[]>;
  /** Fd entries examined by the latest look. */
  examined: number;
}

const scans = new Map<string, Scan>();

/** Fd entries the latest look at this FIFO examined (at most LOOK_BUDGET). */
export function lastLookCost(target: HeldObject): number {
  return scans.get(keyOf(target))?.examined ?? 0;
}

/** Only a process of this user, or of root, can open a 0600 FIFO in a 0700 directory of ours. */
export function mayHold(pid: number, uid = process.getuid?.()): boolean {
  if (uid === undefined) return true;
  try {
    const owner = fs.statSync(`/proc/${pid}`).uid;
    return owner === uid || owner === 0;
  } catch {
    return false;
  }
}

/** Scans `pid`'s fds from `from`, within `budget` entries; returns its fds on the target and where it stopped (null when done). */
function fdsOn(pid: number, target: HeldObject, from: number, budget: number): { fds: { fd: number; inode: number }[]; next: number | null; examined: number } {
  let names: string[];
  try {
    names = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return { fds: [], next: null, examined: 0 };
  }
  const end = Math.min(names.length, from + budget);
  const fds: { fd: number; inode: number }[] = [];
  for (const name of names.slice(from, end)) {
    try {
      const inode = inodeOn(`/proc/${pid}/fd/${name}`, target);
      if (inode !== null) fds.push({ fd: Number(name), inode });
    } catch {
      // closed meanwhile
    }
  }
  return { fds, next: end < names.length ? end : null, examined: end - from };
}

/**
 * Every process, except those in `ours` (the parent and the child), that has the target
 * open (the FIFO with this device and inode, or one of these pipes), with how it opened
 * it and its I/O counters. One call is one bounded look (see the top of this file).
 */
export function findFifoHolders(target: HeldObject, ours: readonly number[]): FifoHolder[] {
  let pids: number[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).sort((a, b) => a - b);
  } catch {
    return [];
  }
  const key = keyOf(target);
  const scan: Scan = scans.get(key) ?? { pid: 0, fdIndex: 0, seen: new Map(), examined: 0 };
  scans.set(key, scan);
  const live = new Set(pids);
  for (const pid of scan.seen.keys()) if (!live.has(pid)) scan.seen.delete(pid);
  const uid = process.getuid?.();
  const candidates = pids.filter((pid) => !ours.includes(pid) && mayHold(pid, uid));
  // Round robin from where the last look stopped.
  const start = candidates.findIndex((pid) => pid >= scan.pid);
  const order = start <= 0 ? candidates : [...candidates.slice(start), ...candidates.slice(0, start)];
  let budget = LOOK_BUDGET;
  scan.examined = 0;
  let stoppedAt: { pid: number; fdIndex: number } | null = null;
  for (const pid of order) {
    const from = pid === scan.pid ? scan.fdIndex : 0;
    const part = fdsOn(pid, target, from, budget);
    budget -= part.examined;
    scan.examined += part.examined;
    const earlier = from > 0 ? (scan.seen.get(pid) ?? []) : [];
    const fds = [...earlier, ...part.fds];
    if (fds.length > 0) scan.seen.set(pid, fds);
    else scan.seen.delete(pid);
    if (part.next !== null) {
      stoppedAt = { pid, fdIndex: part.next };
      break;
    }
    if (budget <= 0) {
      const following = order[order.indexOf(pid) + 1];
      stoppedAt = { pid: following ?? 0, fdIndex: 0 };
      break;
    }
  }
  scan.pid = stoppedAt?.pid ?? 0;
  scan.fdIndex = stoppedAt?.fdIndex ?? 0;
  return [...scan.seen.entries()]
    .filter(([pid]) => !ours.includes(pid))
    .map(([pid, fds]): FifoHolder => ({
      pid,
      command: (readText(`/proc/${pid}/comm`) ?? '').trim(),
      commandLine: (readText(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean).join(' '),
      fds: fds.map(({ fd, inode }) => ({ fd, access: accessOf(pid, fd), inode })),
      ...ioCounts(pid),
    }));
}
