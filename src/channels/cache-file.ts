// A channel's file on disk (mmap's mapped file, file's com.txt): a private directory
// (0700, made and removed under the safe-root rule of kernel/safe-dirs.ts) in the user's
// cache directory, which is on a disk-backed file system (/tmp and XDG_RUNTIME_DIR are
// often tmpfs, where a file's pages never reach a disk), and in it one file of a fixed
// size, made O_EXCL and 0600. Every way out removes the file and the directory; a run
// killed with SIGKILL leaves them for the next run's sweep and for `pipe-chat clean`.
import fs from 'node:fs';
import path from 'node:path';
import { cacheRootCandidates, findStaleDirs, makePrivateDir, removePrivateDir, sweepStaleDirs, type PrivateDir } from '../kernel/safe-dirs.js';

/** Which channel's file: its directory's prefix (the PID follows) and the file's name in it. */
export interface CacheFileKind {
  dirPrefix: string;
  fileName: string;
}

export interface CacheFile {
  dir: PrivateDir;
  path: string;
  /** Open read-write; the child gets it as its fd 3. */
  fd: number;
  inode: number;
}

const isFile = (stat: fs.Stats): boolean => stat.isFile();
const cacheRoots = (): string[] => cacheRootCandidates().flatMap((c) => (c.verdict.safe ? [c.root] : []));

/** The directory and the file, `size` bytes long (`ftruncate`: libc's); a dead run's directories of the kind are swept first. On failure nothing is left. */
export function makeCacheFile(kind: CacheFileKind, size: number, ftruncate: (fd: number, size: number) => void): CacheFile {
  sweepStaleDirs(kind.dirPrefix, (name) => name === kind.fileName, isFile, { roots: cacheRoots(), budgetMs: 20 });
  const dir = makePrivateDir(`${kind.dirPrefix}${process.pid}-`, process.env, cacheRootCandidates());
  const file = path.join(dir.path, kind.fileName);
  let fd = -1;
  try {
    fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
    ftruncate(fd, size);
    return { dir, path: file, fd, inode: fs.fstatSync(fd).ino };
  } catch (error) {
    if (fd >= 0) fs.closeSync(fd);
    removeCacheFile(kind, dir);
    throw error;
  }
}

/** The file and its directory, while the directory is still the one we made; never throws. */
export function removeCacheFile(kind: CacheFileKind, dir: PrivateDir): boolean {
  return removePrivateDir(dir, [kind.fileName], isFile);
}

/** Directories of runs that are gone, for `pipe-chat clean` to list. */
export function staleCacheDirs(kind: CacheFileKind): string[] {
  return findStaleDirs(kind.dirPrefix, { roots: cacheRoots() });
}

export function removeStaleCacheDirs(kind: CacheFileKind): void {
  sweepStaleDirs(kind.dirPrefix, (name) => name === kind.fileName, isFile, { roots: cacheRoots() });
}
