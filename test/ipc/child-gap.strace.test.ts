// The child's write() and read() back to back, as in the C program: only strace can show
// which system calls a thread makes, so this runs the race under `strace -f` and reads
// the child's main thread. Where strace is missing the test says so as a skip;
// PIPE_CHAT_REQUIRE_STRACE=1 (set by .ci/run once it has installed strace) makes that a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function straceWorks(): boolean {
  return spawnSync('strace', ['-f', '-o', '/dev/null', 'true']).status === 0;
}

const required = process.env.PIPE_CHAT_REQUIRE_STRACE === '1';
const available = straceWorks();

describe('the child between its write() and its read()', () => {
  it.skipIf(!available && !required)('makes no system call but at most one futex wake, in every trial (strace -f)', () => {
    expect(available, 'strace is required here (PIPE_CHAT_REQUIRE_STRACE=1) but `strace -f true` failed').toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-strace-'));
    const log = path.join(dir, 'trace');
    try {
      execFileSync('strace', ['-f', '-o', log, process.execPath, 'dist/cli.js', 'race', '--pipes', '1', '--trials', '30', '--json'], { stdio: 'ignore' });
      const lines = fs.readFileSync(log, 'utf8').split('\n');
      // The child's main thread is the one that writes the conversation to fd 4.
      const tid = /^(\d+) +write\(4, "C1:/.exec(lines.find((l) => /^\d+ +write\(4, "C1:/.test(l)) ?? '')?.[1];
      expect(tid, 'the child main thread writing C1 to fd 4').toBeDefined();
      // That thread's calls, in order; an interrupted call's "resumed" line is not a new call.
      const calls = lines
        .filter((l) => l.startsWith(`${tid} `) && !l.includes('resumed>'))
        .map((l) => /^\d+ +(\w+)\((\d*)/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => `${m[1]}(${m[2]})`);
      const gaps: string[][] = [];
      calls.forEach((call, i) => {
        if (call !== 'write(4)') return;
        const next = calls.indexOf('read(3)', i);
        gaps.push(next === -1 ? ['(no read)'] : calls.slice(i + 1, next));
      });
      expect(gaps).toHaveLength(30);
      for (const between of gaps) expect(between.length === 0 || (between.length === 1 && between[0]?.startsWith('futex(') === true), `between write(4) and read(3): ${between.join(' ')}`).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
