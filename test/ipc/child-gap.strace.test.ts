// The child's turn as in the C program: between its keyboard read(0) and its read() of the
// channel, its threads make only the write() and the sleep. Only strace can show which
// system calls every thread of a process makes, so this runs the race under `strace -f`
// and reads all of the child's threads. Where strace is missing the test says so as a
// skip; PIPE_CHAT_REQUIRE_STRACE=1 (set by .ci/run once it has installed strace) makes
// that a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TRIALS = 30;
const required = process.env.PIPE_CHAT_REQUIRE_STRACE === '1';
const available = spawnSync('strace', ['-f', '-o', '/dev/null', 'true']).status === 0;

/** One strace -f line: the thread, and the call it starts, or the call whose end it shows. */
interface TraceLine {
  tid: string;
  call: string;
  /** The call's first argument (an fd), when it is a number. */
  fd: string;
  resumed: boolean;
  /** The call returned here (not "<unfinished ...>"), with this result. */
  result: string | null;
  text: string;
}

function parse(text: string): TraceLine[] {
  return text.split('\n').flatMap((line): TraceLine[] => {
    const resumed = /^(\d+) +<\.\.\. (\w+) resumed>/.exec(line);
    const started = /^(\d+) +(\w+)\((\d*)/.exec(line);
    const signal = /^(\d+) +(\+\+\+|---) /.exec(line);
    const result = / = (-?\d+|\?)(?: \w+.*)?$/.exec(line)?.[1] ?? null;
    if (resumed) return [{ tid: resumed[1] as string, call: resumed[2] as string, fd: '', resumed: true, result, text: line }];
    if (started) return [{ tid: started[1] as string, call: started[2] as string, fd: started[3] as string, resumed: false, result: line.includes('<unfinished ...>') ? null : result, text: line }];
    if (signal) return [{ tid: signal[1] as string, call: signal[2] as string, fd: '', resumed: false, result: null, text: line }];
    return [];
  });
}

/** The child's process (the one that ran dist/child.js) and every thread it made. */
function childThreads(lines: TraceLine[], text: string): { main: string; threads: Set<string> } {
  const main = /^(\d+) +execve\("[^"]*", \[[^\]]*dist\/child/m.exec(text)?.[1];
  expect(main, 'the child process (execve of dist/child.js) in the trace').toBeDefined();
  const threads = new Set([main as string]);
  for (const line of lines) {
    if (threads.has(line.tid) && /^clone3?$/.test(line.call) && line.result && /^\d+$/.test(line.result)) threads.add(line.result);
  }
  return { main: main as string, threads };
}

/** Per turn, what the child's threads did from the return of its keyboard read(0) to the start of its read(3). */
function turns(text: string): string[][] {
  const lines = parse(text);
  const { main, threads } = childThreads(lines, text);
  const found: string[][] = [];
  let turn: string[] | null = null;
  const readingKeyboard = new Set<string>();
  for (const line of lines) {
    if (!threads.has(line.tid)) continue;
    const ownCall = line.tid === main;
    if (ownCall && !line.resumed && line.call === 'read' && line.fd === '0') readingKeyboard.add(line.tid);
    const keyboardReturned = ownCall && line.call === 'read' && line.result !== null && Number(line.result) > 0 && readingKeyboard.delete(line.tid);
    if (keyboardReturned) {
      turn = [];
      continue;
    }
    if (!turn) continue;
    if (ownCall && !line.resumed && line.call === 'read' && line.fd === '3') {
      found.push(turn);
      turn = null;
      continue;
    }
    // A call the main thread started in the turn ends on a "resumed" line: that is not a new call.
    if (ownCall && line.resumed && (line.call === 'write' || /nanosleep$/.test(line.call))) continue;
    turn.push(`${line.tid === main ? 'main' : 'thread ' + line.tid}: ${line.resumed ? 'returned from ' : ''}${line.call}(${line.fd})`);
  }
  return found;
}

describe('the child between its keyboard read(0) and its read() of the channel', () => {
  it.skipIf(!available && !required).each([0, 0.05])('makes only write() and the sleep, on every thread, in every trial (child delay %s ms, strace -f)', (delayMs) => {
    expect(available, 'strace is required here (PIPE_CHAT_REQUIRE_STRACE=1) but `strace -f true` failed').toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-strace-'));
    const log = path.join(dir, 'trace');
    try {
      execFileSync('strace', ['-f', '-o', log, process.execPath, 'dist/cli.js', 'race', '--pipes', '1', '--trials', String(TRIALS), '--child-delay', String(delayMs), '--json'], { stdio: 'ignore' });
      const found = turns(fs.readFileSync(log, 'utf8'));
      expect(found).toHaveLength(TRIALS);
      const expected = delayMs > 0 ? ['main: write(4)', 'main: clock_nanosleep()'] : ['main: write(4)'];
      // V8's own memory management on the main thread may come between (a young-heap collection that falls in a turn maps a
      // page: where it falls moves with a few hundred bytes allocated at start), as in the parent's test: no call of ours may.
      const ours = (call: string): boolean => !/^main: (returned from )?(mmap|madvise|munmap|mprotect)\(/.test(call);
      for (const turn of found) expect(turn.filter(ours).map((call) => call.replace(/^main: nanosleep/, 'main: clock_nanosleep'))).toEqual(expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
