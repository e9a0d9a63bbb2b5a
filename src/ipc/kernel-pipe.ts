// The named pipe's FIFO: the same kernel object as pipe(2) (64 KiB buffer, PIPE_BUF
// atomic writes, EOF when the last writer closes, EPIPE when the last reader does), but
// kept at a name on disk while the named wiring runs, so that other processes of this
// user can open it. Its directory is made under the one rule for shared places
// (../kernel/safe-dirs.ts), and everything inside it is done relative to the directory's
// fd, held from the moment it is made: mkfifoat, openat, unlinkat (through libc), so a
// path swapped meanwhile never redirects a call. (The anonymous pipes of the other
// wirings come from pipe2: ../kernel/anonymous-pipes.ts.) Each end gets its own open file
// description, because O_NONBLOCK lives there.
import fs from 'node:fs';
import path from 'node:path';
import type { EndKind, OpenedPipe } from '../kernel/anonymous-pipes.js';
import { loadLibc, type Libc } from '../kernel/libc.js';
import { findStaleDirs, isStillOurs, makePrivateDir, sweepStaleDirs, sweepStaleDirsLater, type PrivateDir, type SweepOptions } from '../kernel/safe-dirs.js';
import { notMade } from '../i18n/problems.js';

const { O_RDONLY, O_WRONLY, O_NONBLOCK, O_NOFOLLOW, O_DIRECTORY } = fs.constants;
const DIR_PREFIX = 'pipe-chat-';

const FLAGS: Record<EndKind, number> = {
  'read-nonblocking': O_RDONLY | O_NONBLOCK,
  'read-blocking': O_RDONLY,
  'write-nonblocking': O_WRONLY | O_NONBLOCK,
  'write-blocking': O_WRONLY,
};

/** The file name of a named pipe inside its private directory. */
const NAMED_FIFO = 'chat';

let swept = false;

/** A fresh private directory (safe-dirs' rule); the first call also has what crashed runs left cleared, later and bounded. */
function privateDir(): PrivateDir {
  if (!swept) {
    swept = true;
    sweepStaleDirsLater(DIR_PREFIX, isOwnFifoName, isFifo);
  }
  return makePrivateDir(`${DIR_PREFIX}${process.pid}-`);
}

const isFifo = (stat: fs.Stats): boolean => stat.isFIFO();

export interface NamedPipe extends OpenedPipe {
  /** Where other processes of this user can open it: DIR/chat, a 0600 FIFO in a 0700 directory. */
  path: string;
  /** The FIFO's device: with the inode, what /proc/PID/fd entries are matched on. */
  dev: number;
  /** Unlinks the FIFO and removes its directory; synchronous, idempotent, never throws (safe from a signal handler or an 'exit' listener). */
  remove(): void;
}

/** The directory we made, held by an fd (and its root's, to remove it by name), checked to be it. */
interface HeldDir {
  dir: PrivateDir;
  fd: number;
  rootFd: number;
}

function holdDir(libc: Libc, dir: PrivateDir): HeldDir {
  const rootFd = libc.openat(libc.constants.AT_FDCWD, path.dirname(dir.path), O_RDONLY | O_DIRECTORY);
  try {
    const fd = libc.openat(rootFd, path.basename(dir.path), O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    const stat = fs.fstatSync(fd);
    if (stat.dev !== dir.dev || stat.ino !== dir.ino) {
      fs.closeSync(fd);
      throw new Error(`${dir.path} changed before it could be opened`);
    }
    return { dir, fd, rootFd };
  } catch (error) {
    fs.closeSync(rootFd);
    throw error;
  }
}

/** Opens each end asked for on the FIFO, each its own file description; `opened` collects them for the caller's cleanup. */
function openEnds(libc: Libc, held: HeldDir, ends: readonly EndKind[], opened: number[]): OpenedPipe {
  // Hold both ends first, so that no open below can block on a missing peer.
  const anchorRead = libc.openat(held.fd, NAMED_FIFO, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
  opened.push(anchorRead);
  const anchorWrite = libc.openat(held.fd, NAMED_FIFO, O_WRONLY | O_NONBLOCK | O_NOFOLLOW);
  opened.push(anchorWrite);
  const inode = fs.fstatSync(anchorRead).ino;
  const fds = ends.map((end) => {
    const fd = libc.openat(held.fd, NAMED_FIFO, FLAGS[end] | O_NOFOLLOW);
    opened.push(fd);
    return fd;
  });
  for (const anchor of opened.splice(0, 2)) fs.closeSync(anchor);
  return { inode, fds };
}

/**
 * Unlinks the FIFO (only once an open of it without following a link proves it is ours:
 * a FIFO of this user with our inode), then removes the directory by name from its root
 * while the name still leads to the directory we made; closes both fds. Never throws.
 */
function removeHeld(libc: Libc, held: HeldDir, fifoInode: number | null): void {
  try {
    if (fifoInode !== null) {
      let probe = -1;
      try {
        probe = libc.openat(held.fd, NAMED_FIFO, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
        const stat = fs.fstatSync(probe);
        if (stat.isFIFO() && stat.uid === held.dir.uid && stat.ino === fifoInode) libc.unlinkat(held.fd, NAMED_FIFO, 0);
      } catch {
        // gone already, or not ours to remove
      } finally {
        if (probe >= 0) fs.closeSync(probe);
      }
    }
    if (isStillOurs(held.dir)) libc.unlinkat(held.rootFd, path.basename(held.dir.path), libc.constants.AT_REMOVEDIR);
  } catch {
    // not empty (something not ours was put there), or gone: left as it is
  } finally {
    fs.closeSync(held.fd);
    fs.closeSync(held.rootFd);
  }
}

/**
 * One FIFO that stays on disk, left at its path so that another terminal of the same
 * user can `cat` from it or `echo` into it. Only this user can reach it: the directory
 * is made in a safe root and checked to be ours and 0700 after it is made (safe-dirs),
 * the FIFO 0600. The caller must call remove() on every way out.
 */
export async function openNamedPipe(ends: readonly EndKind[]): Promise<NamedPipe> {
  const libc = await loadLibc();
  const dir = privateDir();
  const fifo = path.join(dir.path, NAMED_FIFO);
  let held: HeldDir;
  try {
    held = holdDir(libc, dir);
  } catch (error) {
    throw notMade('named-pipe', error);
  }
  let inode: number | null = null;
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    removeHeld(libc, held, inode);
  };
  const opened: number[] = [];
  try {
    libc.mkfifoat(held.fd, NAMED_FIFO, 0o600);
    const pipe = openEnds(libc, held, ends, opened);
    inode = pipe.inode;
    return { ...pipe, path: fifo, dev: dir.dev, remove };
  } catch (error) {
    for (const fd of opened) fs.closeSync(fd);
    // What mkfifoat made, if anything: ours by construction (the directory is 0700 and held).
    inode ??= fifoInodeIn(libc, held);
    remove();
    throw notMade('named-pipe', error);
  }
}

function fifoInodeIn(libc: Libc, held: HeldDir): number | null {
  try {
    const fd = libc.openat(held.fd, NAMED_FIFO, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
    try {
      return fs.fstatSync(fd).ino;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * A crash while a named pipe is open can leave a directory of ours with its FIFO; this
 * clears those of dead processes, with safe-dirs' checks (safe roots only, provably ours,
 * no link followed, never recursive).
 */
export function removeStaleScratchDirs(options: SweepOptions = {}): number {
  return sweepStaleDirs(DIR_PREFIX, isOwnFifoName, isFifo, options);
}

/** The directories removeStaleScratchDirs would remove now, for `pipe-chat clean` to list. */
export function staleScratchDirs(options: SweepOptions = {}): string[] {
  return findStaleDirs(DIR_PREFIX, options);
}

/** The named pipe's FIFO, and p0, p1...: the scratch FIFOs that versions before pipe2 could leave. */
function isOwnFifoName(name: string): boolean {
  return /^p\d+$/.test(name) || name === NAMED_FIFO;
}
