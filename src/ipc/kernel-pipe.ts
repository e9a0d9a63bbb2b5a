// The named pipe's FIFO: the same kernel object as pipe(2) (64 KiB buffer, PIPE_BUF
// atomic writes, EOF when the last writer closes, EPIPE when the last reader does), made
// with mkfifo in a fresh 0700 directory and kept at its name on disk while the named
// wiring runs. (The anonymous pipes of the other wirings come from pipe2: kernel/anonymous-pipes.ts.)
// Each end gets its own open file description, because O_NONBLOCK lives there: the
// parent's ends are non-blocking (event loop), the child's are blocking (read(2)
// really blocks, as in the textbook).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';

const { O_RDONLY, O_WRONLY, O_NONBLOCK } = fs.constants;
const DIR_PREFIX = 'pipe-chat-';

export type EndKind = 'read-nonblocking' | 'read-blocking' | 'write-nonblocking' | 'write-blocking';

const FLAGS: Record<EndKind, number> = {
  'read-nonblocking': O_RDONLY | O_NONBLOCK,
  'read-blocking': O_RDONLY,
  'write-nonblocking': O_WRONLY | O_NONBLOCK,
  'write-blocking': O_WRONLY,
};

export interface OpenedPipe {
  /** The FIFO's inode: the pipe's identity, the same in every process that holds it. */
  inode: number;
  /** One fd per requested end, in the order asked. */
  fds: number[];
}

function scratchRoot(): string {
  const runtime = process.env.XDG_RUNTIME_DIR;
  if (runtime) {
    try {
      fs.accessSync(runtime, fs.constants.W_OK);
      return runtime;
    } catch {
      // fall back to the temp dir
    }
  }
  return os.tmpdir();
}

const run = promisify(execFile);

/** mkfifo from the system's own directories, never from whatever PATH names first. */
function mkfifoPath(): string {
  const found = ['/usr/bin/mkfifo', '/bin/mkfifo'].find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error('mkfifo was not found in /usr/bin or /bin');
  return found;
}
let swept = false;

/** A fresh 0700 directory for our FIFOs; the first call also clears what crashed runs left. */
function scratchDir(): string {
  if (!swept) {
    swept = true;
    removeStaleScratchDirs();
  }
  return fs.mkdtempSync(path.join(scratchRoot(), `${DIR_PREFIX}${process.pid}-`));
}

/** Opens each end asked for on `fifo`, each its own file description; `opened` collects them for the caller's cleanup. */
function openEnds(fifo: string, ends: readonly EndKind[], opened: number[]): OpenedPipe {
  // Hold both ends first, so that no open below can block on a missing peer.
  const anchorRead = fs.openSync(fifo, O_RDONLY | O_NONBLOCK);
  const anchorWrite = fs.openSync(fifo, O_WRONLY);
  try {
    const fds = ends.map((end) => {
      const fd = fs.openSync(fifo, FLAGS[end]);
      opened.push(fd);
      return fd;
    });
    return { inode: fs.fstatSync(anchorRead).ino, fds };
  } finally {
    fs.closeSync(anchorRead);
    fs.closeSync(anchorWrite);
  }
}

/** The file name of a named pipe inside its private directory. */
const NAMED_FIFO = 'chat';

export interface NamedPipe extends OpenedPipe {
  /** Where other processes of this user can open it: DIR/chat, a 0600 FIFO in a 0700 directory. */
  path: string;
  /** The FIFO's device: with the inode, what /proc/PID/fd entries are matched on. */
  dev: number;
  /** Unlinks the FIFO and removes its directory; synchronous and idempotent (safe from a signal handler or an 'exit' listener). */
  remove(): void;
}

/**
 * One FIFO that stays on disk: the same kernel object as openKernelPipes' pipes, but
 * left at its path so that another terminal of the same user can `cat` from it or
 * `echo` into it. Only this user can reach it: the directory is 0700 (mkdtemp), the
 * FIFO 0600. The caller must call remove() on every way out.
 */
export async function openNamedPipe(ends: readonly EndKind[]): Promise<NamedPipe> {
  const dir = scratchDir();
  const fifo = path.join(dir, NAMED_FIFO);
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    fs.rmSync(fifo, { force: true });
    try {
      fs.rmdirSync(dir);
    } catch {
      // something not ours was put there: left as it is (never remove recursively)
    }
  };
  const opened: number[] = [];
  try {
    await run(mkfifoPath(), ['-m', '600', '--', fifo]);
    const pipe = openEnds(fifo, ends, opened);
    return { ...pipe, path: fifo, dev: fs.statSync(fifo).dev, remove };
  } catch (error) {
    for (const fd of opened) fs.closeSync(fd);
    remove();
    throw new Error(`could not create a named pipe: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A crash between mkfifo and the unlink (a few ms) can leave a scratch directory with
 * its FIFOs; this clears those of dead processes. The temp root is often shared
 * (/tmp), so it touches only what is provably ours and never recurses: an entry must
 * be a real directory (lstat, no link followed) owned by this user, in a root where no
 * other user can rename or replace it (not writable by others, or sticky); inside it,
 * only FIFOs of ours named like ours are unlinked, and the directory is removed with
 * rmdir, which fails on anything left. Anything else is left alone.
 */
export function removeStaleScratchDirs(root = scratchRoot()): void {
  const uid = process.getuid?.();
  if (uid === undefined || !othersCannotSwapEntries(root)) return;
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^pipe-chat-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    const dir = path.join(root, name);
    if (!isOwned(dir, uid, (stat) => stat.isDirectory())) continue;
    removeOwnFifos(dir, uid);
  }
}

/** In a root that others may write to without the sticky bit, any entry could be swapped for a link. */
function othersCannotSwapEntries(root: string): boolean {
  try {
    const { mode } = fs.statSync(root);
    return (mode & 0o022) === 0 || (mode & 0o1000) !== 0;
  } catch {
    return false;
  }
}

function isOwned(entry: string, uid: number, isKind: (stat: fs.Stats) => boolean): boolean {
  try {
    const stat = fs.lstatSync(entry);
    return !stat.isSymbolicLink() && stat.uid === uid && isKind(stat);
  } catch {
    return false;
  }
}

/** Unlinks our FIFOs (p0, p1..., or a named pipe's) inside a directory of ours, then the directory if it is empty. */
function removeOwnFifos(dir: string, uid: number): void {
  try {
    for (const name of fs.readdirSync(dir)) {
      const entry = path.join(dir, name);
      if ((/^p\d+$/.test(name) || name === NAMED_FIFO) && isOwned(entry, uid, (stat) => stat.isFIFO())) fs.unlinkSync(entry);
    }
    fs.rmdirSync(dir);
  } catch {
    // not empty, or gone meanwhile: left as it is
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
