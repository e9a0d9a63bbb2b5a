// The memory-mapped file's place on disk: a private directory (0700, made and removed
// under the safe-root rule of kernel/safe-dirs.ts) in the user's cache directory, which
// is on a disk-backed file system (/tmp and XDG_RUNTIME_DIR are often tmpfs, where a
// mapped file's pages never reach a disk), and in it one file of SEGMENT_BYTES, made
// O_EXCL and 0600. Every way out removes the file and the directory; a run killed with
// SIGKILL leaves them for the next run's sweep and for `pipe-chat clean`.
import fs from 'node:fs';
import path from 'node:path';
import { cacheRootCandidates, findStaleDirs, makePrivateDir, removePrivateDir, sweepStaleDirs, type PrivateDir } from '../../kernel/safe-dirs.js';
import { SEGMENT_BYTES } from '../shm/boxes.js';

const DIR_PREFIX = 'pipe-chat-mmap-';
export const FILE_NAME = 'boxes';
const isFile = (stat: fs.Stats): boolean => stat.isFile();
const isOurName = (name: string): boolean => name === FILE_NAME;
const cacheRoots = (): string[] => cacheRootCandidates().flatMap((c) => (c.verdict.safe ? [c.root] : []));

export interface MappedFile {
  dir: PrivateDir;
  path: string;
  /** Open read-write; the child gets it as its fd 3 and maps it there. */
  fd: number;
  inode: number;
}

/** The directory and the file, SEGMENT_BYTES long; on failure nothing is left. */
export function makeMappedFile(ftruncate: (fd: number, size: number) => void): MappedFile {
  sweepStaleDirs(DIR_PREFIX, isOurName, isFile, { roots: cacheRoots(), budgetMs: 20 });
  const dir = makePrivateDir(`${DIR_PREFIX}${process.pid}-`, process.env, cacheRootCandidates());
  const file = path.join(dir.path, FILE_NAME);
  let fd = -1;
  try {
    fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
    ftruncate(fd, SEGMENT_BYTES);
    return { dir, path: file, fd, inode: fs.fstatSync(fd).ino };
  } catch (error) {
    if (fd >= 0) fs.closeSync(fd);
    removeMappedFile(dir);
    throw error;
  }
}

/** The file and its directory, while the directory is still the one we made; never throws. */
export function removeMappedFile(dir: PrivateDir): boolean {
  return removePrivateDir(dir, [FILE_NAME], isFile);
}

/** Directories of runs that are gone, for `pipe-chat clean` to list. */
export function staleMappedDirs(): string[] {
  return findStaleDirs(DIR_PREFIX, { roots: cacheRoots() });
}

export function removeStaleMappedDirs(): void {
  sweepStaleDirs(DIR_PREFIX, isOurName, isFile, { roots: cacheRoots() });
}
