// Node has no pipe(2). A FIFO is the same kernel object (64 KiB buffer, PIPE_BUF
// atomic writes, EOF when the last writer closes, EPIPE when the last reader does),
// so we make one with mkfifo in a fresh private directory (the rule of
// ../kernel/safe-dirs.ts), open every end we need, and
// unlink it at once: from then on it is an anonymous pipe that only our fds reach.
// openNamedPipe makes the same object but keeps its name on disk, for the named wiring.
// Each end gets its own open file description, because O_NONBLOCK lives there: the
// parent's ends are non-blocking (event loop), the child's are blocking (read(2)
// really blocks, as in the textbook).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { makePrivateDir, removePrivateDir, sweepStaleDirs, sweepStaleDirsLater, type PrivateDir, type SweepOptions } from '../kernel/safe-dirs.js';

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

const run = promisify(execFile);

/** mkfifo from the system's own directories, never from whatever PATH names first. */
function mkfifoPath(): string {
  const found = ['/usr/bin/mkfifo', '/bin/mkfifo'].find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error('mkfifo was not found in /usr/bin or /bin');
  return found;
}
let swept = false;

/** A fresh private directory for our FIFOs (safe-dirs' rule); the first call also has what crashed runs left cleared, later and bounded. */
function scratchDir(): PrivateDir {
  if (!swept) {
    swept = true;
    sweepStaleDirsLater(DIR_PREFIX, isOwnFifoName, isFifo);
  }
  return makePrivateDir(`${DIR_PREFIX}${process.pid}-`);
}

const isFifo = (stat: fs.Stats): boolean => stat.isFIFO();

/**
 * Opens `pipes.length` kernel pipes; `pipes[i]` lists the ends wanted on pipe i.
 * Nothing stays on disk: the FIFOs are unlinked and their directory removed before
 * this resolves, on success and on failure. mkfifo runs without blocking the event
 * loop (the UI draws its first frame meanwhile); the opens that follow never block.
 */
export async function openKernelPipes(pipes: readonly (readonly EndKind[])[]): Promise<OpenedPipe[]> {
  const dir = scratchDir();
  const names = pipes.map((_, i) => `p${i}`);
  const paths = names.map((name) => path.join(dir.path, name));
  const opened: number[] = [];
  try {
    await run(mkfifoPath(), ['-m', '600', '--', ...paths]);
    return pipes.map((ends, i) => openEnds(paths[i] as string, ends, opened));
  } catch (error) {
    for (const fd of opened) fs.closeSync(fd);
    throw new Error(`could not create a kernel pipe: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    removePrivateDir(dir, names, isFifo);
  }
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
 * `echo` into it. Only this user can reach it: the directory is made in a safe root and
 * checked to be ours and 0700 after it is made (safe-dirs), the
 * FIFO 0600. The caller must call remove() on every way out.
 */
export async function openNamedPipe(ends: readonly EndKind[]): Promise<NamedPipe> {
  const dir = scratchDir();
  const fifo = path.join(dir.path, NAMED_FIFO);
  let removed = false;
  // Removes the FIFO and the directory only while the directory is still the one made
  // here; whatever else is found at those paths stays. Never throws.
  const remove = (): void => {
    if (removed) return;
    removed = true;
    removePrivateDir(dir, [NAMED_FIFO], isFifo);
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
 * A crash between mkfifo and the unlink (a few ms), or while a named pipe is open, can
 * leave a directory of ours with its FIFOs; this clears those of dead processes, with
 * safe-dirs' checks (safe roots only, provably ours, no link followed, never recursive).
 */
export function removeStaleScratchDirs(options: SweepOptions = {}): number {
  return sweepStaleDirs(DIR_PREFIX, isOwnFifoName, isFifo, options);
}

function isOwnFifoName(name: string): boolean {
  return /^p\d+$/.test(name) || name === NAMED_FIFO;
}
