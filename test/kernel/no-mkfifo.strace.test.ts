// Two pipes and one pipe are made with pipe2() in the parent, as the textbook makes them:
// no mkfifo process, as strace sees it following every process the program starts. Where
// strace is missing the test says so as a skip; PIPE_CHAT_REQUIRE_STRACE=1 (set by .ci/run
// once it has installed strace) makes that a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const required = process.env.PIPE_CHAT_REQUIRE_STRACE === '1';
const available = spawnSync('strace', ['-f', '-o', '/dev/null', 'true']).status === 0;

describe('the anonymous pipes', () => {
  it.skipIf(!available && !required).each(['two-pipes', 'one-pipe'])('%s: no process but the child is started (strace -f)', (wiring) => {
    expect(available, 'strace is required here (PIPE_CHAT_REQUIRE_STRACE=1) but `strace -f true` failed').toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-strace-'));
    const log = path.join(dir, 'trace');
    try {
      execFileSync('strace', ['-f', '-s', '4096', '-e', 'trace=execve', '-o', log, process.execPath, 'dist/cli.js', 'race', '--wiring', wiring, '--trials', '3', '--json'], { stdio: 'ignore' });
      const lines = fs.readFileSync(log, 'utf8').split('\n');
      const started = lines.filter((l) => /execve\("/.test(l) && !/ = -1 /.test(l)).map((l) => /execve\("([^"]+)"/.exec(l)?.[1]);
      // The program itself, then its child (node dist/child.js): nothing else, mkfifo least of all.
      expect(started).toEqual([process.execPath, process.execPath]);
      expect(lines.some((l) => /execve\("[^"]*", \[[^\]]*"[^"]*child\.js"/.test(l))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
