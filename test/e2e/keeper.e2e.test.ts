// --keep FILE in a real pseudo-terminal: a third process, the keeper, gets every
// delivered message through a pipe of its own and appends it to FILE. An auto-played
// conversation leaves its six delivered messages in FILE, in order, and FILE is whole
// when the program has exited; a FILE already there is never touched (one line, exit 2,
// nothing run); a keeper killed mid-chat is said in its box, and the chat goes on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ptySessions, waitForNoLeftovers } from '../support/pty.js';
import { DEFAULT_LINES, expectCleanExit, followThreeTurns } from './auto-run.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-keep-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function start(args: string[]) {
  return sessions.start({ args: ['--lang', 'en', ...args], cols: 100, rows: 30, env: { CI: 'false', LANG: 'en_US.UTF-8' } });
}

describe.runIf(process.platform === 'linux')('pipe-chat --keep FILE', () => {
  it('with --auto --exit-when-done: FILE holds the six delivered messages in order, 0600, and no keeper is left', async () => {
    const file = path.join(tmp, 'kept.txt');
    const chat = start(['--auto', '--exit-when-done', '--speed', '20', '--keep', file]);
    await chat.waitForText(/Keeper · PID \d+/);
    const { childPid } = await followThreeTurns(chat);
    await expectCleanExit(chat, childPid);
    await waitForNoLeftovers(chat, 'dist/keeper.js');
    const turns = DEFAULT_LINES.child.map((line, i) => [`C${i + 1} child→parent: ${line}`, `P${i + 1} parent→child: ${DEFAULT_LINES.parent[i]}`]);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${turns.flat().join('\n')}\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a FILE already there is never overwritten: one line, exit 2, nothing run', async () => {
    const file = path.join(tmp, 'precious.txt');
    fs.writeFileSync(file, 'precious\n');
    const chat = start(['--keep', file]);
    expect((await chat.waitForExit()).exitCode).toBe(2);
    // One line, wrapped at the terminal's width.
    expect(chat.lines().join('')).toContain(`pipe-chat: --keep ${file}: something is already there, and --keep never overwrites: name a new file`);
    expect(chat.screen()).not.toContain('Child · PID');
    expect(fs.readFileSync(file, 'utf8')).toBe('precious\n');
  });

  it('a keeper that dies: its box says so, the chat goes on, and what it had kept stays', async () => {
    const file = path.join(tmp, 'dies.txt');
    const chat = start(['--wiring', 'tcp', '--keep', file]);
    const shown = await chat.waitForText(/Keeper · PID \d+/);
    const keeperPid = Number(/Keeper · PID (\d+)/.exec(shown)?.[1]);
    await chat.waitForText('typing at its keyboard');
    await chat.type('Who are you?\r');
    await chat.waitForText(`wrote ${Buffer.byteLength('C1 child→parent: Who are you?\n')} B`);
    process.kill(keeperPid, 'SIGKILL');
    await chat.waitForText('exited (SIGKILL)');
    await chat.type('still here\r');
    await chat.waitForText('P1 parent→child ✓ delivered');
    await chat.waitForText('1 line not kept');
    expect(fs.readFileSync(file, 'utf8')).toBe('C1 child→parent: Who are you?\n');
  });
});
