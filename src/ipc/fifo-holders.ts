// Who else holds a named pipe open. A FIFO on disk can be opened by any process of this
// user (`cat PATH` reads from it and steals, `echo hi > PATH` writes into it), and the
// kernel tells nobody. Linux's /proc says it: every process's open fds, each resolving to
// the file it names (matched here on device and inode, not on the path), the fd's access
// mode in its fdinfo, and in /proc/PID/io how many bytes the process has read (rchar) and
// written (wchar) through any fd. Scanning every process costs a few ms: the UI calls this
// at most once a second. Processes of other users cannot be seen (nor can they open the
// FIFO, which is 0600 in a 0700 directory).
import fs from 'node:fs';

export interface FifoHolder {
  pid: number;
  /** /proc/PID/comm: the program's name ("cat", "bash"). */
  command: string;
  /** /proc/PID/cmdline, arguments joined by spaces ("cat /run/user/1000/pipe-chat-.../chat"). */
  commandLine: string;
  /** Its fds on the FIFO and how each was opened. */
  fds: { fd: number; access: 'read' | 'write' | 'read-write' }[];
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

/** The fds of `pid` that name the file with this device and inode. */
function fdsOn(pid: number, target: { dev: number; ino: number }): number[] {
  let names: string[];
  try {
    names = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const entry = `/proc/${pid}/fd/${name}`;
    try {
      // Only entries that name a file on disk can be our FIFO (not pipe:[N], socket:[N], anon_inode:...).
      if (!fs.readlinkSync(entry).startsWith('/')) return [];
      const stat = fs.statSync(entry);
      return stat.dev === target.dev && stat.ino === target.ino ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Every process, except those in `ours` (the parent and the child), that has the file
 * with this device and inode open, with how it opened it and its I/O counters.
 */
export function findFifoHolders(target: { dev: number; ino: number }, ours: readonly number[]): FifoHolder[] {
  let pids: number[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
  return pids
    .filter((pid) => !ours.includes(pid))
    .flatMap((pid): FifoHolder[] => {
      const fds = fdsOn(pid, target);
      if (fds.length === 0) return [];
      return [{
        pid,
        command: (readText(`/proc/${pid}/comm`) ?? '').trim(),
        commandLine: (readText(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean).join(' '),
        fds: fds.map((fd) => ({ fd, access: accessOf(pid, fd) })),
        ...ioCounts(pid),
      }];
    });
}
