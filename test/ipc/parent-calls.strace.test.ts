// The parent's calls as strace sees them: made on its call thread, the next read right
// after the write (the C parent's loop), each timed on that thread. Only strace shows when
// a thread enters and leaves a call, so a parent fixture plays 21 turns under
// `strace -f -tt -T -y` and its own report of each call is held against the trace.
// Where strace is missing the test is skipped; PIPE_CHAT_REQUIRE_STRACE=1 (.ci/run) makes that a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFixture } from '../support/fixtures.js';

const required = process.env.PIPE_CHAT_REQUIRE_STRACE === '1';
const available = spawnSync('strace', ['-f', '-o', '/dev/null', 'true']).status === 0;
const TURNS = 21;
/**
 * strace's own stops count on the thread's clock, and on a loaded machine strace waits for a
 * CPU before it lets the thread go on: where it may (root), the traced run gets a real-time
 * priority, so that the times compared are the calls', not the machine's queue.
 */
const realTime = spawnSync('chrt', ['-f', '10', 'true']).status === 0 ? ['chrt', '-f', '10'] : [];

const { file: fixture, remove } = bundleFixture('parent-turns');
afterAll(remove);

interface TracedCall {
  tid: number;
  call: string;
  /** The first argument as strace -y prints it: `25<pipe:[99]>`, or a number. */
  arg: string;
  text: string;
  /** µs since midnight, when strace saw the call entered. */
  start: number;
  durationUs: number;
}

const CALL = /^(\d+) +(\d+):(\d+):(\d+)\.(\d+) (\w+)\(([^,)]*)(?:, )?(.*)$/;
const RESUMED = /^(\d+) +[\d:.]+ <\.\.\. (\w+) resumed>(.*)$/;
/** The rest of a call's line: `"text"..., 12) = 12 <0.000038>`; the text only where the call has one. */
const ENDING = /^(?:"(.*?)"(?:\.\.\.)?)?.*= (-?\d+|\?).*<(\d+)\.(\d+)>$/;

/**
 * Every call in a trace of `strace -f -tt -T -y`, one line each
 * (`12345 10:00:00.123456 write(25<pipe:[99]>, "P1:answer 1\n", 12) = 12 <0.000038>`), or
 * split in two where another thread's call came between (`write(25<pipe:[99]>, "P1:a\n", 4
 * <unfinished ...>`, then `12345 10:00:00.2 <... write resumed>) = 4 <0.000038>`; a read's
 * bytes come with its second half).
 */
function parseTrace(lines: readonly string[]): TracedCall[] {
  const calls: TracedCall[] = [];
  // A call begun and not yet returned, per thread, with what its first line said of it.
  const unfinished = new Map<number, { begun: Omit<TracedCall, 'text' | 'durationUs'>; said: string }>();
  const finish = (begun: Omit<TracedCall, 'text' | 'durationUs'>, ending: string): void => {
    const m = ENDING.exec(ending);
    if (m) calls.push({ ...begun, text: m[1] ?? '', durationUs: Number(m[3]) * 1e6 + Number(m[4]) });
  };
  for (const line of lines) {
    const call = CALL.exec(line);
    if (call) {
      const [, tid, h, min, sec, us, name = '', arg = '', rest = ''] = call;
      const begun = { tid: Number(tid), call: name, arg, start: ((Number(h) * 60 + Number(min)) * 60 + Number(sec)) * 1e6 + Number(us) };
      if (rest.endsWith('<unfinished ...>')) unfinished.set(begun.tid, { begun, said: rest.slice(0, -'<unfinished ...>'.length).trimEnd() });
      else finish(begun, rest);
      continue;
    }
    const resumed = RESUMED.exec(line);
    const split = resumed ? unfinished.get(Number(resumed[1])) : undefined;
    if (resumed && split) {
      unfinished.delete(split.begun.tid);
      finish(split.begun, split.said + (resumed[3] ?? ''));
    }
  }
  return calls;
}

const fdOf = (arg: string): number => Number.parseInt(arg, 10);
const V8_MEMORY = /^(mprotect|madvise|mmap|munmap)$/;

describe('the parent\'s calls, held against strace', () => {
  /** One traced run of the fixture: what must hold in every run is asserted here; the figures are returned. */
  function tracedRun(): { off: string[]; within: number; gapsUs: number[] } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-strace-'));
    const log = path.join(dir, 'trace');
    try {
      const [command = 'strace', ...args] = [...realTime, 'strace', '-f', '-tt', '-T', '-y', '-s', '32', '-o', log, process.execPath, fixture, path.resolve('dist/child.js'), String(TURNS)];
      const out = execFileSync(command, args, { encoding: 'utf8' });
      const reported = out.trim().split('\n').map((l) => JSON.parse(l) as { call: 'read' | 'write'; fd: number; result: number; start: number; at: number });
      const traced = parseTrace(fs.readFileSync(log, 'utf8').split('\n'));
      // The parent's call thread is the one that writes its answers ("P1:...").
      const first = traced.find((c) => c.call === 'write' && c.arg.includes('<pipe:') && c.text.startsWith('P1:'));
      expect(first, 'a thread of the parent writing P1').toBeDefined();
      const tid = first?.tid;
      const thread = traced.filter((c) => c.tid === tid);
      // The ends as strace names them (`24<pipe:[99]>`): an fd number alone may have named a file before.
      const writeEnd = first?.arg;
      const readEnd = thread.find((c) => c.call === 'read' && c.text.startsWith('C1:'))?.arg;
      const conversation = thread.filter((c) => (c.call === 'write' && c.arg === writeEnd) || (c.call === 'read' && c.arg === readEnd));

      // 1. After each write but the last, the thread's next call is the read, at once.
      const gapsUs: number[] = [];
      const between: string[] = [];
      thread.forEach((c, i) => {
        // The last turn's answer has no read after it: the program ends.
        if (c.call !== 'write' || c.arg !== writeEnd || c.text.startsWith(`P${TURNS}:`)) return;
        // V8's own memory management (a collection, code pages made writable) may come between: no call of ours may.
        const rest = thread.slice(i + 1);
        const read = rest.findIndex((n) => n.call === 'read' && n.arg === readEnd);
        between.push(...rest.slice(0, read === -1 ? 1 : read).filter((n) => !V8_MEMORY.test(n.call)).map((n) => `${n.call}(${n.arg})`));
        if (read !== -1) gapsUs.push(rest[read]!.start - (c.start + c.durationUs));
      });
      expect(between, 'calls of the call thread between a write and its read').toEqual([]);
      expect(gapsUs, 'a read after each of the first writes, on the same thread').toHaveLength(TURNS - 1);

      // 2. The same calls, as the parent reported them, in the same order.
      expect(reported.map((c) => `${c.call}(${c.fd})`)).toEqual(conversation.map((c) => `${c.call}(${fdOf(c.arg)})`));
      // 3. Each duration within 1 ms of strace's (on the code before, the UI thread timed them:
      //    20 ms and more too long), and the read within 1 ms of the write's return in 95% of
      //    turns (before: 20 ms and more). Times are what strace saw, and a thread stopped at a
      //    call waits while strace handles another thread's stop: a run where that pushed a
      //    figure past the bound is measured again, and one run of three must hold them all.
      const off = reported.flatMap((c, i) => {
        const seen = conversation[i]?.durationUs ?? NaN;
        return Math.abs(c.at - c.start - seen) <= 1000 ? [] : [`${c.call} #${i}: reported ${c.at - c.start} µs, strace ${seen} µs`];
      });
      const within = gapsUs.filter((g) => g <= 1000).length / gapsUs.length;
      return { off, within, gapsUs };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it.skipIf(!available && !required)('its read follows its write with no call between, within 1 ms in 95% of turns, and each call\'s duration on screen is strace\'s within 1 ms', () => {
    expect(available, 'strace is required here (PIPE_CHAT_REQUIRE_STRACE=1) but `strace -f true` failed').toBe(true);
    const runs: ReturnType<typeof tracedRun>[] = [];
    while (runs.length < 3 && !runs.some((r) => r.off.length === 0 && r.within >= 0.95)) runs.push(tracedRun());
    const best = runs.find((r) => r.off.length === 0 && r.within >= 0.95) ?? runs.at(-1)!;
    expect(best.off, `${runs.length} runs`).toEqual([]);
    expect(best.within, `gaps in µs: ${best.gapsUs.join(' ')}`).toBeGreaterThanOrEqual(0.95);
  }, 180_000);
});
