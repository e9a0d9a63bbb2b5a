// Another user can fill a shared temp root with entries named like ours (200,000 made every
// user's start take 6-7 s): the program's start never waits on the sweep of stale
// directories, and a sweep's work is bounded however many entries there are.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNamedPipe, removeStaleScratchDirs } from '../../src/ipc/kernel-pipe.js';

const deadPid = 4_000_001;

describe('the sweep of stale directories', () => {
  let root: string;
  const saved = process.env.TMPDIR;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-sweep-'));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is not made before a named pipe opens: the stale directory is still there when it has opened', async () => {
    const stale = path.join(root, `pipe-chat-${deadPid}-abc`);
    fs.mkdirSync(stale, { mode: 0o700 });
    execFileSync('mkfifo', [path.join(stale, 'p0')]);
    process.env.TMPDIR = root;
    const named = await openNamedPipe(['read-nonblocking', 'write-nonblocking']);
    try {
      expect(path.dirname(path.dirname(named.path))).toBe(root);
      expect(fs.existsSync(path.join(stale, 'p0'))).toBe(true);
    } finally {
      for (const fd of named.fds) fs.closeSync(fd);
      named.remove();
    }
    // The same sweep, when it comes, removes it.
    removeStaleScratchDirs({ roots: [root] });
    expect(fs.existsSync(stale)).toBe(false);
  });

  it('stops at its budget, however many entries are named like ours', () => {
    for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(root, `pipe-chat-${deadPid}-${i}`), '');
    let clock = 0;
    const looked = removeStaleScratchDirs({ roots: [root], budgetMs: 100, now: () => clock++ });
    expect(looked).toBeGreaterThan(0);
    expect(looked).toBeLessThanOrEqual(100);
    expect(removeStaleScratchDirs({ roots: [root] })).toBe(3000);
  });
});
