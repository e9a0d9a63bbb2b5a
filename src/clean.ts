// `pipe-chat clean`: what a crashed run of this user may have left, listed, and removed
// after a yes. System V queues, segments and semaphore sets outlive their processes
// (kernel/leftovers.ts finds ours by the PID in their key), and a named pipe's directory
// and a mapped file's directory can outlive a run killed with SIGKILL (removed with
// safe-dirs' checks). Without a terminal to ask and without --yes it only lists them,
// and says how to remove them.
import readline from 'node:readline/promises';
import type { CleanOptions } from './args.js';
import { messagesFor, type Lang } from './i18n/index.js';
import { removeStaleScratchDirs, staleScratchDirs } from './ipc/kernel-pipe.js';
import { loadLibc } from './kernel/libc.js';
import { findLeftovers, removeLeftovers } from './kernel/leftovers.js';
import { removeStaleCacheDirs, staleCacheDirs } from './channels/cache-file.js';
import { COM_FILE } from './channels/file/com-file.js';
import { MAPPED_FILE } from './channels/mmap/mapped-file.js';
import { say } from './terminal-output.js';

/** The channels' files in the cache directory, each in a directory of its own. */
const CACHE_FILES = [MAPPED_FILE, COM_FILE];

async function askYes(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export async function runClean(options: CleanOptions, lang: Lang): Promise<number> {
  const t = messagesFor(lang).cli.clean;
  const leftovers = findLeftovers();
  const dirs = [...staleScratchDirs(), ...CACHE_FILES.flatMap(staleCacheDirs)];
  const count = leftovers.length + dirs.length;
  if (count === 0) {
    say(process.stdout, t.nothing);
    return 0;
  }
  say(process.stdout, t.found(count));
  for (const l of leftovers) say(process.stdout, t.sysv(t.kinds[l.kind], l.id, `0x${(l.key >>> 0).toString(16)}`, l.pid));
  for (const dir of dirs) say(process.stdout, t.dir(dir));
  if (!options.yes && !process.stdin.isTTY) {
    say(process.stdout, t.listOnly);
    return 0;
  }
  if (!options.yes && !(await askYes(t.ask))) {
    say(process.stdout, t.kept);
    return 0;
  }
  const failed = removeLeftovers((await loadLibc()).sysv, leftovers);
  for (const { leftover, why } of failed) say(process.stderr, t.failed(`${t.kinds[leftover.kind]} ${leftover.id}`, why));
  removeStaleScratchDirs();
  for (const kind of CACHE_FILES) removeStaleCacheDirs(kind);
  const dirsLeft = [...staleScratchDirs(), ...CACHE_FILES.flatMap(staleCacheDirs)];
  for (const dir of dirsLeft) say(process.stderr, t.failed(dir, 'still there'));
  say(process.stdout, t.removed(count - failed.length - dirsLeft.length));
  return failed.length + dirsLeft.length > 0 ? 1 : 0;
}
