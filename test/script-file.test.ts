// `--script FILE` never waits: a FIFO (with or without a writer) is refused with one line
// and exit 2 at once, before the terminal is touched, as the README promises.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-script-fifo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => execa(process.execPath, ['dist/cli.js', ...args], { reject: false, input: '', timeout: 15_000, env: { LANG: 'C.UTF-8', LC_ALL: '' } });

describe('--script on a file that would make us wait', () => {
  it('a FIFO that nobody writes to: one line, exit 2, no wait in open()', async () => {
    const fifo = path.join(dir, 'empty.json');
    execFileSync('mkfifo', [fifo]);
    const r = await cli(['--script', fifo]);
    expect(r.timedOut).toBe(false);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(new RegExp(`^pipe-chat: --script ${fifo}: `))]);
  });

  it('a FIFO whose writer never finishes: refused at once, one line, exit 2', async () => {
    const fifo = path.join(dir, 'held.json');
    execFileSync('mkfifo', [fifo]);
    // This process holds a write end (and a read end, so that the open does not wait) and never finishes writing.
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = fs.openSync(fifo, 'w');
    try {
      fs.writeSync(writer, '{"child": [');
      const r = await cli(['--script', fifo]);
      expect(r.timedOut).toBe(false);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe(`pipe-chat: --script ${fifo}: it is not a finished file: reading it would wait for more input`);
    } finally {
      fs.closeSync(writer);
      fs.closeSync(reader);
    }
  });
});
