// `--auto` in a real pseudo-terminal, as a recorder runs it: the three turns play by
// themselves over two pipes and end at the summary; on one shared pipe the steal shows
// and the run ends at the deadlock; a --script file's lines (Korean too) are the ones
// typed; with --exit-when-done each run leaves with status 0 and nothing behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ptySessions } from '../support/pty.js';
import { KOREAN, expectCleanExit, followThreeTurns } from './auto-run.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-auto-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function startAuto(args: string[]) {
  return sessions.start({ args, cols: 120, rows: 32, env: { CI: 'false', LANG: 'en_US.UTF-8' } });
}

describe('pipe-chat --auto in a terminal', () => {
  it('plays the three turns over two pipes by itself, shows the summary, then exits 0 with the screen restored and no child left', async () => {
    const chat = startAuto(['--lang', 'en', '--auto', '--exit-when-done', '--speed', '5']);
    const first = await chat.waitForText('auto-play ×5');
    expect(first).toContain('[two pipes]');
    expect(chat.isAltScreen()).toBe(true);
    // Typed at a pace a viewer can follow: part of the first line shows before it is sent.
    await chat.waitForText(/› Who are(?! you\?)/);
    // When the summary's bytes arrived, not when a poll of the screen saw them: on a loaded
    // machine the test's own event loop can be late by a tenth of a second.
    let doneArrivedAt = 0;
    chat.onOutput((data) => {
      if (doneArrivedAt === 0 && data.includes('DONE')) doneArrivedAt = Date.now();
    });
    const { childPid, end } = await followThreeTurns(chat);
    expect(end).toContain('The conversation is over');
    expect(end).toContain('delivered 6');
    expect(end).toContain('C3 child→parent ✓ delivered');
    expect(end).toContain('P3 parent→child ✓ delivered');
    await expectCleanExit(chat, childPid);
    // The summary stood for 2 s / speed (400 ms) before the quit: far from none, though a
    // late data event in this process can shorten what it measures.
    expect(doneArrivedAt).toBeGreaterThan(0);
    expect(Date.now() - doneArrivedAt).toBeGreaterThan(2000 / 5 / 2);
  });

  it('on one shared pipe sets the parent read delay, shows STOLEN and ends with a process blocked for good, then exits 0', async () => {
    const chat = startAuto(['--lang', 'en', '--auto', '--pipes', '1', '--exit-when-done', '--speed', '5']);
    const first = await chat.waitForText(/Child · PID \d+/);
    const childPid = Number(/Child · PID (\d+)/.exec(first)?.[1]);
    expect(first).toContain('[one shared pipe]');
    expect(first).toContain('parent read delay 200 ms');
    // The parent reads 200 ms after the child's line, the child at once: the child takes its
    // own line back, nearly always on turn 1; on a loaded machine it can be a later turn.
    await chat.waitForText(/C\d child→child ✗ STOLEN/, { timeoutMs: 20_000 });
    // Either both processes wait on each other (DEADLOCK) or the parent waits alone on a
    // pipe whose only open write end is its own: the kernel's scheduling decides which.
    const deadlock = await chat.waitForText(/DEADLOCK|BLOCKED FOREVER/, { timeoutMs: 20_000 });
    expect(deadlock).toMatch(/each waits for the other|never write again/);
    expect(deadlock).toMatch(/stolen [1-3]/);
    await expectCleanExit(chat, childPid);
  });

  it('types the lines of a --script file, Korean included, in the Korean UI', async () => {
    const file = path.join(tmp, 'lines.json');
    const lines = { child: ['안녕, 부모님', 'pipe는 뭐예요?', '고마워요'], parent: ['그래, 얘야', '커널의 한 방향 통로', '잘 가렴'] };
    fs.writeFileSync(file, JSON.stringify(lines));
    const chat = startAuto(['--lang', 'ko', '--script', file, '--exit-when-done', '--speed', '5']);
    await chat.waitForText('자동 재생 ×5');
    const { childPid, end } = await followThreeTurns(chat, lines, KOREAN);
    expect(end).toContain('from Parent: 잘 가렴');
    await expectCleanExit(chat, childPid);
  });
});
