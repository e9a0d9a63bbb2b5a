// Proves the pseudo-terminal harness on small programs whose behaviour is known, so a
// failing end-to-end test can be blamed on the program and not on the harness.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH, childPidsOf, ptySessions, waitForNoLeftovers, type StartPtyOptions } from './pty.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

/** Runs a Node script given as source text in the terminal. */
function nodeScript(source: string, options: Omit<StartPtyOptions, 'command' | 'args'> = {}): ReturnType<typeof sessions.start> {
  return sessions.start({ ...options, command: process.execPath, args: ['--input-type=module', '-e', source] });
}

describe('the pty harness', () => {
  it('shows the output of the built program and its exit status', async () => {
    const expected = execFileSync(process.execPath, [CLI_PATH, '--help'], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    const expectedLines = expected
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(expectedLines.length).toBeGreaterThan(0);

    const session = sessions.start({ args: ['--help'], cols: 200, rows: 50 });
    expect(await session.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
    const shown = session.history().join('\n');
    for (const line of expectedLines) expect(shown).toContain(line);
    expect(session.isAltScreen()).toBe(false);
  });

  it('sees the alternate screen entered and left, and delivers a named key in one write', async () => {
    const session = nodeScript(`
      process.stdout.write('on the normal screen\\r\\n');
      process.stdout.write('\\x1b[?1049h\\x1b[?25l\\x1b[H\\x1b[2J');
      process.stdout.write('inside the alternate screen');
      process.stdin.setRawMode(true);
      process.stdin.once('data', (key) => {
        process.stdout.write('\\x1b[?25h\\x1b[?1049l');
        process.stdout.write('key ' + JSON.stringify(key.toString()) + '\\r\\n');
        process.exit(0);
      });
    `);
    await session.waitForText('inside the alternate screen');
    expect(session.isAltScreen()).toBe(true);
    expect(session.isCursorVisible()).toBe(false);
    expect(session.screen()).not.toContain('on the normal screen');

    await session.press('f1');
    expect(await session.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
    expect(session.isAltScreen()).toBe(false);
    expect(session.isCursorVisible()).toBe(true);
    expect(session.screen()).toContain('on the normal screen');
    expect(session.screen()).toContain('key "\\u001bOP"');
    expect(session.screen()).not.toContain('inside the alternate screen');
  });

  it('types one character per write, so Enter arrives as its own key', async () => {
    const session = nodeScript(`
      process.stdin.setRawMode(true);
      process.stdout.write('ready\\r\\n');
      process.stdin.on('data', (chunk) => {
        process.stdout.write('chunk ' + JSON.stringify(chunk.toString()) + '\\r\\n');
        if (chunk.toString() === '\\r') process.exit(0);
      });
    `);
    await session.waitForText('ready');
    await session.type('hi');
    await session.waitForText('chunk "i"');
    await session.press('enter');
    await session.waitForExit();
    expect(session.lines().filter((line) => line.startsWith('chunk '))).toEqual(['chunk "h"', 'chunk "i"', 'chunk "\\r"']);
  });

  it('resizes the pty and the screen together', async () => {
    const session = nodeScript(
      `
      const report = () => process.stdout.write('size ' + process.stdout.columns + 'x' + process.stdout.rows + '\\r\\n');
      process.stdout.on('resize', report);
      report();
      setInterval(() => {}, 1000);
    `,
      { cols: 80, rows: 24 },
    );
    await session.waitForText('size 80x24');
    session.resize(100, 30);
    await session.waitForText('size 100x30');
    expect(session.lines()).toHaveLength(30);
    expect([session.cols, session.rows]).toEqual([100, 30]);
  });

  it('runs with a terminal environment Ink renders fully in', async () => {
    const session = nodeScript(
      `
      const { CI, TERM, LANG, LC_ALL, COLUMNS, EXTRA } = process.env;
      process.stdout.write(JSON.stringify({ CI, TERM, LANG, LC_ALL, COLUMNS, EXTRA, tty: process.stdin.isTTY && process.stdout.isTTY }) + '\\r\\n');
    `,
      { env: { EXTRA: 'yes' }, cols: 200 },
    );
    await session.waitForExit();
    expect(JSON.parse(session.lines()[0] ?? ''), session.describeScreen()).toEqual({ CI: 'false', TERM: 'xterm-256color', LANG: 'en_US.UTF-8', EXTRA: 'yes', tty: true });
  });

  it('reads a frame marked as a synchronized update only once it is whole, however long its chunks take', async () => {
    const session = nodeScript(`
      process.stdout.write('\\x1b[?2026hfirst half of the frame ');
      setTimeout(() => process.stdout.write('second half\\x1b[?2026l'), 300);
      setInterval(() => {}, 1000);
    `);
    const screen = await session.waitForText('first half');
    expect(screen).toContain('first half of the frame second half');
  });

  it('counts Hangul as two cells', async () => {
    const session = nodeScript(`process.stdout.write('안녕 pipe'); setInterval(() => {}, 1000);`);
    await session.waitForText('안녕 pipe');
    expect(session.cursor()).toEqual({ x: 9, y: 0 });
  });

  it('fails a wait with the screen in the message, early when the program has exited', async () => {
    const waiting = nodeScript(`process.stdout.write('hello there'); setInterval(() => {}, 1000);`);
    await waiting.waitForText('hello');
    await expect(waiting.waitForText('never shown', { timeoutMs: 300 })).rejects.toThrow(/timed out after 300 ms[\s\S]*hello there/);
    await expect(waiting.waitForGone('hello', { timeoutMs: 300 })).rejects.toThrow(/hello there/);

    const exiting = nodeScript(`process.stdout.write('bye');`);
    const started = Date.now();
    await expect(exiting.waitForText('never shown', { timeoutMs: 20_000 })).rejects.toThrow(/exited \(exit code 0\) first[\s\S]*bye/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('finds the processes a session started, and ends them on dispose', async () => {
    const session = nodeScript(`
      import { spawn } from 'node:child_process';
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'pty-harness-grandchild'], { stdio: 'ignore' });
      process.stdout.write('child ' + child.pid + '\\r\\n');
      setInterval(() => {}, 1000);
    `);
    const screen = await session.waitForText(/child \d+/);
    const childPid = Number(/child (\d+)/.exec(screen)?.[1]);
    expect(childPidsOf(session.pid)).toContain(childPid);
    expect(session.processes().map((info) => info.pid)).toEqual(expect.arrayContaining([session.pid, childPid]));
    await expect(waitForNoLeftovers(session, 'pty-harness-grandchild', { timeoutMs: 200 })).rejects.toThrow(/processes left behind/);

    await session.dispose();
    await waitForNoLeftovers(session, 'pty-harness-grandchild');
  });
});
