// A save that fails (here the file size limit, as a full disk would) says NOT SAVED and
// leaves no file behind: not an empty .txt, not an empty .json. The limit is set once the
// chat runs (prlimit), as a disk fills up under a running program.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH, ptySessions } from '../support/pty.js';

const sessions = ptySessions();
const dirs: string[] = [];
afterEach(async () => {
  await sessions.disposeAll();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a save that fails', () => {
  it('says NOT SAVED and leaves nothing in the directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-failed-save-'));
    dirs.push(dir);
    const chat = sessions.start({ command: process.execPath, args: [CLI_PATH, '--lang', 'en'], cwd: dir, cols: 100, rows: 30 });
    await chat.waitForText('typing at its keyboard');
    // A file size limit of 0: any write to a file fails (EFBIG), as on a disk with no room left.
    execFileSync('prlimit', ['--pid', String(chat.pid), '--fsize=0:0']);
    await chat.press('escape');
    await chat.waitForText('COMMAND KEY:');
    await chat.type('s');
    await chat.waitForText('NOT SAVED');
    expect(fs.readdirSync(dir)).toEqual([]);
    await chat.press('ctrlC');
    expect((await chat.waitForExit()).exitCode).toBe(0);
  });
});
