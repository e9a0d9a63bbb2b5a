import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { judgeRoot, judgeRuntimeDir, makePrivateDir, removePrivateDir, type EntryStat } from '../../src/kernel/safe-dirs.js';
import { openNamedPipe } from '../../src/ipc/kernel-pipe.js';

const ME = 1000;
const OTHER = 2000;
const dir = (uid: number, mode: number): EntryStat => ({ uid, mode: 0o040000 | mode, isDirectory: true, isSymbolicLink: false });
const SYMLINK: EntryStat = { uid: ME, mode: 0o120777, isDirectory: false, isSymbolicLink: true };
const FILE: EntryStat = { uid: ME, mode: 0o100700, isDirectory: false, isSymbolicLink: false };

describe('the rule for a root in a shared place (pure, on made-up stats)', () => {
  // owner, mode, safe as a root for our directory?, safe as XDG_RUNTIME_DIR?
  const cases: [string, EntryStat, boolean, boolean][] = [
    ['mine 0700', dir(ME, 0o700), true, true],
    ['mine 0755', dir(ME, 0o755), true, false],
    ['mine 0777 (anyone may rename our entries)', dir(ME, 0o777), false, false],
    ['mine 1777', dir(ME, 0o1777), true, false],
    ['root\'s 0700', dir(0, 0o700), true, false],
    ['root\'s 0755', dir(0, 0o755), true, false],
    ['root\'s 0777', dir(0, 0o777), false, false],
    ['root\'s 1777 (/tmp)', dir(0, 0o1777), true, false],
    ['another user\'s 0700', dir(OTHER, 0o700), false, false],
    ['another user\'s 0755', dir(OTHER, 0o755), false, false],
    ['another user\'s 0777', dir(OTHER, 0o777), false, false],
    ['another user\'s 1777 (sticky, but its owner may rename our entries)', dir(OTHER, 0o1777), false, false],
    ['a symlink', SYMLINK, false, false],
    ['a file', FILE, false, false],
  ];
  it.each(cases)('%s', (_name, stat, asRoot, asRuntime) => {
    expect(judgeRoot(stat, ME).safe).toBe(asRoot);
    expect(judgeRuntimeDir(stat, ME).safe).toBe(asRuntime);
  });

  it('a missing root is refused, and a refusal says why', () => {
    expect(judgeRoot(null, ME)).toEqual({ safe: false, why: { kind: 'missing' } });
    expect(judgeRoot(dir(OTHER, 0o1777), ME)).toEqual({ safe: false, why: { kind: 'owner', uid: OTHER } });
    expect(judgeRoot(dir(ME, 0o777), ME)).toEqual({ safe: false, why: { kind: 'others-may-write', mode: '0777' } });
  });

  it('root is not trusted with another user\'s directory either', () => {
    expect(judgeRoot(dir(OTHER, 0o700), 0).safe).toBe(false);
    expect(judgeRuntimeDir(dir(OTHER, 0o700), 0).safe).toBe(false);
  });
});

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

describe('where the directory is made, on the real file system', () => {
  let scratch: string;
  const saved = { XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR };
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-safe-'));
  });
  afterEach(() => {
    if (saved.XDG_RUNTIME_DIR === undefined) delete process.env.XDG_RUNTIME_DIR;
    else process.env.XDG_RUNTIME_DIR = saved.XDG_RUNTIME_DIR;
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  const runtimeDir = (mode: number, uid?: number): string => {
    const runtime = path.join(scratch, 'rt');
    fs.mkdirSync(runtime);
    fs.chmodSync(runtime, mode);
    if (uid !== undefined) fs.chownSync(runtime, uid, uid);
    return runtime;
  };

  it('takes XDG_RUNTIME_DIR when it is mine and 0700', () => {
    const runtime = runtimeDir(0o700);
    const made = makePrivateDir('pc-test-', { XDG_RUNTIME_DIR: runtime });
    expect(path.dirname(made.path)).toBe(runtime);
    expect(fs.statSync(made.path).mode & 0o777).toBe(0o700);
    expect(removePrivateDir(made, [], () => false)).toBe(true);
  });

  it('makes nothing in a world-writable XDG_RUNTIME_DIR without the sticky bit, and opens the named pipe in the temp dir', async () => {
    const runtime = runtimeDir(0o777);
    process.env.XDG_RUNTIME_DIR = runtime;
    const named = await openNamedPipe(['read-nonblocking', 'write-nonblocking']);
    try {
      expect(fs.readdirSync(runtime)).toEqual([]);
      expect(named.path.startsWith(os.tmpdir() + path.sep)).toBe(true);
      expect(fs.lstatSync(named.path).isFIFO()).toBe(true);
    } finally {
      for (const fd of named.fds) fs.closeSync(fd);
      named.remove();
    }
    expect(fs.existsSync(path.dirname(named.path))).toBe(false);
  });

  it('falls back when XDG_RUNTIME_DIR is a file', () => {
    const file = path.join(scratch, 'not-a-dir');
    fs.writeFileSync(file, '');
    const made = makePrivateDir('pc-test-', { XDG_RUNTIME_DIR: file });
    expect(path.dirname(made.path)).toBe(os.tmpdir());
    removePrivateDir(made, [], () => false);
  });

  it.runIf(isRoot)('as root (skipped otherwise: only root can give a directory to another user): makes nothing in an XDG_RUNTIME_DIR owned by another user, and opens the named pipe in the temp dir', async () => {
    const runtime = runtimeDir(0o700, NOBODY);
    process.env.XDG_RUNTIME_DIR = runtime;
    const named = await openNamedPipe(['read-nonblocking', 'write-nonblocking']);
    try {
      expect(fs.readdirSync(runtime)).toEqual([]);
      expect(named.path.startsWith(os.tmpdir() + path.sep)).toBe(true);
    } finally {
      for (const fd of named.fds) fs.closeSync(fd);
      named.remove();
    }
  });

  it.runIf(isRoot)('as root (skipped otherwise: only root can give a directory to another user): with no safe root at all, the chat and the race refuse in one line and exit 2', async () => {
    const runtime = runtimeDir(0o700, NOBODY);
    const temp = path.join(scratch, 'tmp');
    fs.mkdirSync(temp);
    fs.chmodSync(temp, 0o777);
    const env = { XDG_RUNTIME_DIR: runtime, TMPDIR: temp, LANG: 'C.UTF-8', LC_ALL: '' };
    for (const args of [['race', '--wiring', 'named', '--trials', '1'], ['--wiring', 'named']]) {
      const r = await execa(process.execPath, ['dist/cli.js', ...args], { reject: false, input: '', env });
      expect(r.exitCode).toBe(2);
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('nowhere private to make its directory');
      expect(r.stderr).toContain(`${runtime} belongs to uid ${NOBODY}`);
      expect(r.stderr).toContain(`${temp} is writable by others without the sticky bit (0777)`);
    }
    expect(fs.readdirSync(runtime)).toEqual([]);
    expect(fs.readdirSync(temp)).toEqual([]);
  });
});

describe('removing the named pipe\'s directory at quit', () => {
  let victim: string;
  beforeEach(() => {
    victim = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-victim-'));
    fs.writeFileSync(path.join(victim, 'chat'), 'precious');
  });
  afterEach(() => fs.rmSync(victim, { recursive: true, force: true }));

  it('follows no symlink planted at the directory\'s path before quit', async () => {
    const named = await openNamedPipe(['read-nonblocking', 'write-nonblocking']);
    for (const fd of named.fds) fs.closeSync(fd);
    const dir = path.dirname(named.path);
    const movedAway = `${dir}-moved`;
    fs.renameSync(dir, movedAway);
    fs.symlinkSync(victim, dir);
    try {
      named.remove();
      expect(fs.readFileSync(path.join(victim, 'chat'), 'utf8')).toBe('precious');
      expect(fs.lstatSync(dir).isSymbolicLink()).toBe(true);
    } finally {
      fs.unlinkSync(dir);
      fs.rmSync(movedAway, { recursive: true, force: true });
    }
  });

  it('leaves a directory put in the FIFO\'s place, and does not throw', async () => {
    const named = await openNamedPipe(['read-nonblocking', 'write-nonblocking']);
    for (const fd of named.fds) fs.closeSync(fd);
    fs.unlinkSync(named.path);
    fs.mkdirSync(named.path);
    try {
      expect(() => named.remove()).not.toThrow();
      expect(fs.statSync(named.path).isDirectory()).toBe(true);
    } finally {
      fs.rmSync(path.dirname(named.path), { recursive: true, force: true });
    }
  });
});
