import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleScratchDirs } from '../../src/ipc/kernel-pipe.js';

describe('kernel pipes', () => {
  describe('the sweep of scratch directories left by a crash', () => {
    const deadPid = 2 ** 22 + 12345; // above pid_max's default range: never alive
    const isRoot = process.getuid?.() === 0;
    let root: string;
    let victim: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-root-'));
      // Files of someone who never ran pipe-chat: nothing may touch them.
      victim = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-victim-'));
      fs.writeFileSync(path.join(victim, 'p0'), 'precious');
      execFileSync('mkfifo', [path.join(victim, 'p1')]);
    });
    afterEach(() => {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(victim, { recursive: true, force: true });
    });
    const victimFiles = () => fs.readdirSync(victim).sort();
    const make = (name: string) => {
      const dir = path.join(root, name);
      fs.mkdirSync(dir, { mode: 0o700 });
      execFileSync('mkfifo', [path.join(dir, 'p0'), path.join(dir, 'p1')]);
      return dir;
    };

    it('removes a dead process\'s directory of ours and its FIFOs, and keeps a live one', () => {
      make(`pipe-chat-${deadPid}-abc`);
      make(`pipe-chat-${process.pid}-live`);
      removeStaleScratchDirs({ roots: [root] });
      expect(fs.readdirSync(root)).toEqual([`pipe-chat-${process.pid}-live`]);
    });

    it('follows no symlink: neither an entry that is a link nor a link inside an entry', () => {
      fs.symlinkSync(victim, path.join(root, `pipe-chat-${deadPid}-link`));
      const dir = path.join(root, `pipe-chat-${deadPid}-inner`);
      fs.mkdirSync(dir, { mode: 0o700 });
      fs.symlinkSync(path.join(victim, 'p1'), path.join(dir, 'p0'));
      removeStaleScratchDirs({ roots: [root] });
      expect(victimFiles()).toEqual(['p0', 'p1']);
      expect(fs.readdirSync(root).sort()).toEqual([`pipe-chat-${deadPid}-inner`, `pipe-chat-${deadPid}-link`]);
      expect(fs.readdirSync(dir)).toEqual(['p0']); // the link is not a FIFO of ours: kept, so the directory stays
    });

    it('never recurses: a directory with anything but our FIFOs keeps that thing and stays', () => {
      const dir = make(`pipe-chat-${deadPid}-full`);
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'file'), 'x');
      fs.writeFileSync(path.join(dir, 'p2'), 'a regular file, not a FIFO');
      removeStaleScratchDirs({ roots: [root] });
      expect(fs.readdirSync(dir).sort()).toEqual(['p2', 'sub']);
    });

    it.runIf(isRoot)('leaves another user\'s entry alone, FIFOs included', () => {
      const dir = make(`pipe-chat-${deadPid}-theirs`);
      for (const entry of [dir, path.join(dir, 'p0'), path.join(dir, 'p1')]) fs.chownSync(entry, 65534, 65534);
      removeStaleScratchDirs({ roots: [root] });
      expect(fs.readdirSync(dir).sort()).toEqual(['p0', 'p1']);
    });

    it.runIf(isRoot)('touches nothing in a sticky root owned by another user (its owner may rename our entries)', () => {
      const dir = make(`pipe-chat-${deadPid}-abc`);
      fs.chmodSync(root, 0o1777);
      fs.chownSync(root, 65534, 65534);
      removeStaleScratchDirs({ roots: [root] });
      expect(fs.readdirSync(dir).sort()).toEqual(['p0', 'p1']);
    });

    it('touches nothing in a root that others may write to without the sticky bit', () => {
      const dir = make(`pipe-chat-${deadPid}-abc`);
      fs.chmodSync(root, 0o777);
      removeStaleScratchDirs({ roots: [root] });
      expect(fs.readdirSync(dir).sort()).toEqual(['p0', 'p1']);
      fs.chmodSync(root, 0o1777);
      removeStaleScratchDirs({ roots: [root] });
      expect(fs.existsSync(dir)).toBe(false);
    });
  });
});
