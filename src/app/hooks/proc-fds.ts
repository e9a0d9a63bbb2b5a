// What the kernel says a process holds open: /proc/<pid>/fd gives each fd's target and,
// through stat, the inode; /proc/<pid>/fdinfo gives the open flags (read, write,
// O_NONBLOCK) and the file offset (pos). This is how the fd panel shows, from the kernel
// rather than from our own bookkeeping, that with one pipe both processes hold both ends
// of the same pipe. And a channel's file as `cat` shows it (lookAtFile).
import fs from 'node:fs';
import path from 'node:path';
import { parseThreadCall, type ThreadCall } from '../../kernel/kernel-calls.js';

export interface ProcFd {
  fd: number;
  /** What the fd points at, as readlink says: a path, "pipe:[N]", "socket:[N]"... */
  target: string;
  inode: number | null;
  access: 'read' | 'write' | 'read-write' | null;
  nonblock: boolean | null;
  /** fdinfo's pos (the open file description's offset) and flags (octal, as the kernel prints them); absent where not read. */
  pos?: number | null;
  flags?: string | null;
}

const O_ACCMODE = 0o3;
const O_NONBLOCK = 0o4000;

export function parseFdinfoFlags(fdinfo: string): { access: ProcFd['access']; nonblock: boolean } | null {
  const match = /^flags:\s*([0-7]+)/m.exec(fdinfo);
  if (!match?.[1]) return null;
  const flags = parseInt(match[1], 8);
  const mode = flags & O_ACCMODE;
  return { access: mode === 0 ? 'read' : mode === 1 ? 'write' : 'read-write', nonblock: (flags & O_NONBLOCK) !== 0 };
}

/** fdinfo's pos and flags as the kernel prints them; null for each it does not give. */
export function parseFdinfoPlace(fdinfo: string): { pos: number | null; flags: string | null } {
  const pos = /^pos:\s*(\d+)/m.exec(fdinfo)?.[1];
  return { pos: pos === undefined ? null : Number(pos), flags: /^flags:\s*([0-7]+)/m.exec(fdinfo)?.[1] ?? null };
}

function inodeFromTarget(target: string): number | null {
  const match = /\[(\d+)\]$/.exec(target);
  return match?.[1] ? Number(match[1]) : null;
}

/** The open fds of a process, or null when /proc is not there (not Linux) or not ours to read. */
export function readProcFds(pid: number, procRoot = '/proc'): ProcFd[] | null {
  const dir = path.join(procRoot, String(pid), 'fd');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return null;
  }
  const fds: ProcFd[] = [];
  for (const name of names) {
    const fd = Number(name);
    if (!Number.isInteger(fd)) continue;
    let target: string;
    try {
      target = fs.readlinkSync(path.join(dir, name));
    } catch {
      continue; // closed between readdir and readlink
    }
    let inode: number | null = null;
    try {
      inode = fs.statSync(path.join(dir, name)).ino;
    } catch {
      inode = inodeFromTarget(target);
    }
    let fdinfo = '';
    try {
      fdinfo = fs.readFileSync(path.join(procRoot, String(pid), 'fdinfo', name), 'utf8');
    } catch {
      // closed meanwhile: nothing more is known of it
    }
    const flags = parseFdinfoFlags(fdinfo);
    fds.push({ fd, target, inode, access: flags?.access ?? null, nonblock: flags?.nonblock ?? null, ...parseFdinfoPlace(fdinfo) });
  }
  return fds.sort((a, b) => a.fd - b.fd);
}

/** The lines of /proc/PID/maps for System V segments ("/SYSV…") and shared file mappings (flags "rw-s"); empty when unreadable. */
export function readSharedMaps(pid: number, procRoot = '/proc'): string[] {
  try {
    return fs
      .readFileSync(path.join(procRoot, String(pid), 'maps'), 'utf8')
      .split('\n')
      .filter((line) => /^\S+ \S\S\Ss /.test(line) && (line.includes('/SYSV') || line.includes('/pipe-chat')));
  } catch {
    return [];
  }
}

/** Dirty kB (Shared_Dirty + Private_Dirty, /proc/PID/smaps) of each shared mapping of a pipe-chat file, by the file's inode; empty when unreadable. */
export function readMappedDirty(pid: number, procRoot = '/proc'): Record<number, number> {
  const out: Record<number, number> = {};
  let text: string;
  try {
    text = fs.readFileSync(path.join(procRoot, String(pid), 'smaps'), 'utf8');
  } catch {
    return out;
  }
  let inode: number | null = null;
  for (const line of text.split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S\S\Ss \S+ \S+ (\d+)\s+(.*)$/.exec(line);
    if (header) {
      inode = header[2]?.includes('/pipe-chat') ? Number(header[1]) : null;
      if (inode !== null) out[inode] = 0;
      continue;
    }
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inode = null;
    const dirty = /^(Shared|Private)_Dirty:\s+(\d+) kB/.exec(line);
    if (inode !== null && dirty) out[inode] = (out[inode] ?? 0) + Number(dirty[2]);
  }
  return out;
}

/** One thread of a process as /proc shows it: its TID, its name (comm), the call it is in (syscall) and where it waits (wchan). */
export interface TaskLook {
  tid: number;
  comm: string;
  call: ThreadCall['call'];
  wchan: string;
}

/** Every thread of `pid` (/proc/PID/task/*), by TID; empty when unreadable. */
export function readTasks(pid: number, procRoot = '/proc'): TaskLook[] {
  const dir = path.join(procRoot, String(pid), 'task');
  let tids: string[];
  try {
    tids = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const read = (tid: string, file: string): string => {
    try {
      return fs.readFileSync(path.join(dir, tid, file), 'utf8').trim();
    } catch {
      return '';
    }
  };
  return tids
    .map((tid) => ({ tid: Number(tid), comm: read(tid, 'comm'), call: parseThreadCall(Number(tid), read(tid, 'syscall')).call, wchan: read(tid, 'wchan') }))
    .sort((a, b) => a.tid - b.tid);
}

/** A regular file as `cat` shows it on a terminal: its size and inode, and each line with the offset it starts at (the zeros of a sparse file show as nothing, and are left out). */
export interface FileLook {
  size: number;
  inode: number;
  lines: { offset: number; text: string }[];
}

/** Bytes of a file looked at: enough for two whole lines of the shared file's largest. */
const LOOK_BYTES = 256 * 1024;
/** Characters kept of each line: the view shows the first of them. */
const LINE_CHARS = 512;

/** The file at `file` as FileLook, or null when it is gone or not a regular file (a FIFO is never opened here: an open could wait). */
export function lookAtFile(file: string): FileLook | null {
  let fd: number;
  try {
    if (!fs.lstatSync(file).isFile()) return null;
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return null;
    const bytes = Buffer.alloc(Math.min(stat.size, LOOK_BYTES));
    const n = fs.readSync(fd, bytes, 0, bytes.length, 0);
    const lines: FileLook['lines'] = [];
    for (let start = 0; start < n; ) {
      while (start < n && bytes[start] === 0) start++;
      if (start >= n) break;
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 || newline >= n ? n : newline;
      lines.push({ offset: start, text: bytes.toString('utf8', start, Math.min(end, start + LINE_CHARS * 4)).replaceAll('\0', '').slice(0, LINE_CHARS) });
      start = end + 1;
    }
    return { size: stat.size, inode: stat.ino, lines };
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
