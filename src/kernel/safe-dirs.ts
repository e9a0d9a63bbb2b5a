// The one rule for every directory pipe-chat makes in a shared place (the named pipe's,
// a scratch directory while it exists). A directory is private only if its root is safe:
// mode bits alone prove nothing, because whoever owns a root, or may write to it without
// the sticky bit, can rename our entries and put their own (or a symlink) in their place.
// So a root is safe when it is owned by this user or by root, and either nobody else may
// write to it, or it has the sticky bit. XDG_RUNTIME_DIR is taken only when it is this
// user's own and 0700 (as su and sudo -E leave it pointing at someone else's); otherwise
// the temp dir, under the same rule. What we made is removed only after checking that it
// is still the directory we made (owner, device and inode recorded at creation), never
// through a link, and never recursively: each entry is unlinked by name once proved ours.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the rule looks at in an lstat result: pure data, so it can be tested on made-up stats. */
export interface EntryStat {
  uid: number;
  mode: number;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

/** Why a root was refused; the words for each live with the messages (en, ko). */
export type RootProblem =
  | { kind: 'missing' }
  | { kind: 'symlink' }
  | { kind: 'not-a-directory' }
  | { kind: 'owner'; uid: number }
  | { kind: 'others-may-write'; mode: string }
  | { kind: 'not-0700'; mode: string }
  | { kind: 'mkdir-failed'; code: string }
  | { kind: 'made-not-private' };

export type Verdict = { safe: true } | { safe: false; why: RootProblem };

const SAFE: Verdict = { safe: true };
const OTHERS_WRITE = 0o022;
const STICKY = 0o1000;

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/** May a directory of ours live in this root? `stat` is the root's lstat, null when it does not exist. */
export function judgeRoot(stat: EntryStat | null, uid: number): Verdict {
  if (!stat) return { safe: false, why: { kind: 'missing' } };
  if (stat.isSymbolicLink) return { safe: false, why: { kind: 'symlink' } };
  if (!stat.isDirectory) return { safe: false, why: { kind: 'not-a-directory' } };
  if (stat.uid !== uid && stat.uid !== 0) return { safe: false, why: { kind: 'owner', uid: stat.uid } };
  if ((stat.mode & OTHERS_WRITE) !== 0 && (stat.mode & STICKY) === 0) return { safe: false, why: { kind: 'others-may-write', mode: octal(stat.mode) } };
  return SAFE;
}

/** XDG_RUNTIME_DIR is this user's private place only when it is this user's own and 0700. */
export function judgeRuntimeDir(stat: EntryStat | null, uid: number): Verdict {
  const root = judgeRoot(stat, uid);
  if (!root.safe || !stat) return root;
  if (stat.uid !== uid) return { safe: false, why: { kind: 'owner', uid: stat.uid } };
  if ((stat.mode & 0o7777) !== 0o700) return { safe: false, why: { kind: 'not-0700', mode: octal(stat.mode) } };
  return SAFE;
}

function lstatOf(file: string): EntryStat | null {
  try {
    const stat = fs.lstatSync(file);
    return { uid: stat.uid, mode: stat.mode, isDirectory: stat.isDirectory(), isSymbolicLink: stat.isSymbolicLink() };
  } catch {
    return null;
  }
}

function myUid(): number {
  return process.getuid?.() ?? -1;
}

export interface RootCandidate {
  root: string;
  verdict: Verdict;
}

/** The places a private directory may go, in order of preference, each with the rule's verdict. */
export function rootCandidates(env: NodeJS.ProcessEnv = process.env, uid = myUid()): RootCandidate[] {
  const out: RootCandidate[] = [];
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && path.isAbsolute(runtime)) out.push({ root: runtime, verdict: judgeRuntimeDir(lstatOf(runtime), uid) });
  const temp = os.tmpdir();
  if (temp !== runtime) out.push({ root: temp, verdict: judgeRoot(lstatOf(temp), uid) });
  return out;
}

export interface Refused {
  root: string;
  why: RootProblem;
}

/** Thrown when no candidate root is safe, or none would take a directory; `refused` says why for each, for the user's one line. */
export class NoSafeRootError extends Error {
  constructor(readonly refused: readonly Refused[]) {
    super(`no private place for a directory: ${refused.map((r) => `${r.root}: ${r.why.kind}`).join('; ')}`);
  }
}

/**
 * The user's cache directory ($XDG_CACHE_HOME, else ~/.cache), for what must live on a
 * disk-backed file system (the memory-mapped file: /tmp and XDG_RUNTIME_DIR are often
 * tmpfs, where a mapped file never reaches a disk). Made 0700 when missing, as the XDG
 * spec says, and judged by the same rule as every root.
 */
export function cacheRootCandidates(env: NodeJS.ProcessEnv = process.env, uid = myUid()): RootCandidate[] {
  const xdg = env.XDG_CACHE_HOME;
  const home = env.HOME ?? os.homedir();
  const root = xdg && path.isAbsolute(xdg) ? xdg : home && path.isAbsolute(home) ? path.join(home, '.cache') : null;
  if (root === null) return [];
  try {
    fs.mkdirSync(root, { mode: 0o700 });
  } catch {
    // there already (judged below), or not ours to make
  }
  return [{ root, verdict: judgeRoot(lstatOf(root), uid) }];
}

/** The first safe root, or the reason none is: for a check before anything starts. */
export function findSafeRoot(env: NodeJS.ProcessEnv = process.env): { root: string } | NoSafeRootError {
  const candidates = rootCandidates(env);
  const safe = candidates.find((c) => c.verdict.safe);
  if (safe) return { root: safe.root };
  return new NoSafeRootError(candidates.flatMap((c) => (c.verdict.safe ? [] : [{ root: c.root, why: c.verdict.why }])));
}

/** A directory we made, and what proves later that the entry at its path is still it. */
export interface PrivateDir {
  path: string;
  dev: number;
  ino: number;
  uid: number;
}

/** Is the entry at `dir.path` still the directory we made: no link, ours, the same inode, 0700? */
export function isStillOurs(dir: PrivateDir): boolean {
  try {
    const stat = fs.lstatSync(dir.path);
    return stat.isDirectory() && !stat.isSymbolicLink() && stat.uid === dir.uid && stat.dev === dir.dev && stat.ino === dir.ino && (stat.mode & 0o777) === 0o700;
  } catch {
    return false;
  }
}

/**
 * Makes a fresh 0700 directory `PREFIX<random>` in the first safe root that takes one,
 * and checks what was made (owner, mode, no link) before anyone is told it is private.
 * Throws NoSafeRootError, naming why each root was refused, when none does.
 */
export function makePrivateDir(prefix: string, env: NodeJS.ProcessEnv = process.env, candidates: RootCandidate[] = rootCandidates(env, myUid())): PrivateDir {
  const uid = myUid();
  const tried: Refused[] = [];
  for (const { root, verdict } of candidates) {
    if (!verdict.safe) {
      tried.push({ root, why: verdict.why });
      continue;
    }
    let made: string;
    try {
      made = fs.mkdtempSync(path.join(root, prefix));
    } catch (error) {
      tried.push({ root, why: { kind: 'mkdir-failed', code: (error as NodeJS.ErrnoException).code ?? String(error) } });
      continue;
    }
    const stat = fs.lstatSync(made);
    const dir: PrivateDir = { path: made, dev: stat.dev, ino: stat.ino, uid };
    if (isStillOurs(dir)) return dir;
    tried.push({ root, why: { kind: 'made-not-private' } });
  }
  throw new NoSafeRootError(tried);
}

/**
 * Unlinks the entries named `names` that are ours and of the kind `isKind` accepts
 * (lstat: a link is never followed), then removes the directory if that left it empty,
 * all only while the directory is still the one we made. Never throws, never recurses:
 * anything that is not provably ours stays. Returns whether the directory is gone.
 */
export function removePrivateDir(dir: PrivateDir, names: readonly string[], isKind: (stat: fs.Stats) => boolean): boolean {
  if (!isStillOurs(dir)) return false;
  for (const name of names) {
    const entry = path.join(dir.path, name);
    try {
      const stat = fs.lstatSync(entry);
      if (!stat.isSymbolicLink() && stat.uid === dir.uid && isKind(stat)) fs.unlinkSync(entry);
    } catch {
      // gone already, or not ours to remove
    }
  }
  try {
    if (!isStillOurs(dir)) return false;
    fs.rmdirSync(dir.path);
    return true;
  } catch {
    return false;
  }
}

/** What a sweep may look at, and for how long. */
export interface SweepOptions {
  /** The roots to look in; by default every safe candidate root. */
  roots?: readonly string[];
  /** Stop after this long (ms): a root may hold hundreds of thousands of entries, some planted by other users. Unbounded when absent. */
  budgetMs?: number;
  /** The clock the budget is counted on (ms); tests hand in their own. */
  now?: () => number;
}

/**
 * A crash can leave a directory of ours behind (`PREFIX<dead pid>-…`); this removes
 * those of dead processes, through removePrivateDir's checks. The entry must be a real
 * directory (no link) owned by this user and 0700; inside it only the names `ownNames`
 * accepts, of the kind `isKind` accepts, are unlinked. Entries are read one at a time,
 * so a budget bounds the work however many there are. Returns how many entries it looked at.
 */
export function sweepStaleDirs(prefix: string, ownNames: (name: string) => boolean, isKind: (stat: fs.Stats) => boolean, options: SweepOptions = {}): number {
  const uid = myUid();
  const now = options.now ?? (() => performance.now());
  const deadline = options.budgetMs === undefined ? Infinity : now() + options.budgetMs;
  const safeRoots = options.roots ?? rootCandidates().flatMap((c) => (c.verdict.safe ? [c.root] : []));
  const pattern = new RegExp(`^${prefix}(\\d+)-`);
  let looked = 0;
  for (const root of safeRoots) {
    if (!judgeRoot(lstatOf(root), uid).safe) continue;
    let entries: fs.Dir;
    try {
      entries = fs.opendirSync(root);
    } catch {
      continue;
    }
    try {
      for (let entry = entries.readSync(); entry !== null && now() < deadline; entry = entries.readSync()) {
        looked++;
        const pid = Number(pattern.exec(entry.name)?.[1]);
        if (!pid || pid === process.pid || isAlive(pid)) continue;
        removeIfStale(path.join(root, entry.name), uid, ownNames, isKind);
      }
    } catch {
      // the root went away or became unreadable meanwhile
    } finally {
      entries.closeSync();
    }
  }
  return looked;
}

/** The directories sweepStaleDirs would remove now (dead PID, provably ours), without touching them: for `pipe-chat clean` to list. */
export function findStaleDirs(prefix: string, options: SweepOptions = {}): string[] {
  const uid = myUid();
  const safeRoots = options.roots ?? rootCandidates().flatMap((c) => (c.verdict.safe ? [c.root] : []));
  const pattern = new RegExp(`^${prefix}(\\d+)-`);
  return safeRoots.flatMap((root) => {
    if (!judgeRoot(lstatOf(root), uid).safe) return [];
    let names: string[];
    try {
      names = fs.readdirSync(root);
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      const pid = Number(pattern.exec(name)?.[1]);
      if (!pid || pid === process.pid || isAlive(pid)) return [];
      const dirPath = path.join(root, name);
      try {
        const stat = fs.lstatSync(dirPath);
        return isStillOurs({ path: dirPath, dev: stat.dev, ino: stat.ino, uid }) ? [dirPath] : [];
      } catch {
        return [];
      }
    });
  });
}

function removeIfStale(dirPath: string, uid: number, ownNames: (name: string) => boolean, isKind: (stat: fs.Stats) => boolean): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(dirPath);
  } catch {
    return;
  }
  const dir: PrivateDir = { path: dirPath, dev: stat.dev, ino: stat.ino, uid };
  let inside: string[];
  try {
    inside = isStillOurs(dir) ? fs.readdirSync(dirPath).filter(ownNames) : [];
  } catch {
    return;
  }
  removePrivateDir(dir, inside, isKind);
}

/** How long a sweep started by the program itself may take, after start-up. */
const BACKGROUND_BUDGET_MS = 20;
const BACKGROUND_AFTER_MS = 2000;

/**
 * The same sweep, later and bounded: start-up never waits for it (another user can fill
 * a shared root with entries named like ours). The timer keeps no process alive.
 */
export function sweepStaleDirsLater(prefix: string, ownNames: (name: string) => boolean, isKind: (stat: fs.Stats) => boolean): void {
  setTimeout(() => sweepStaleDirs(prefix, ownNames, isKind, { budgetMs: BACKGROUND_BUDGET_MS }), BACKGROUND_AFTER_MS).unref();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
