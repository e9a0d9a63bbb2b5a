// Every way out ends the blocked calls first, whatever else fails: a cleanup step that
// throws (the named pipe's path replaced by a directory) skips neither killing the child
// nor ending the parent's read, so quitting takes no longer than usual; and a terminal that
// goes away ends the chat even when no SIGHUP comes (the chat in a session of its own).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH, ptySessions, waitForNoLeftovers, type PtySession } from '../support/pty.js';
import { waitUntil } from '../support/wait.js';

const sessions = ptySessions();
const made: string[] = [];
afterEach(async () => {
  await sessions.disposeAll();
  for (const dir of made.splice(0).reverse()) fs.rmSync(dir, { recursive: true, force: true });
});

/** The chat's named pipe, found where the link makes it (DIR/chat in a pipe-chat-PID-* directory). */
function namedPipeOf(pid: number): string | undefined {
  for (const root of [process.env.XDG_RUNTIME_DIR, os.tmpdir()]) {
    if (!root || !fs.existsSync(root)) continue;
    const dir = fs.readdirSync(root).find((name) => name.startsWith(`pipe-chat-${pid}-`));
    if (dir) return path.join(root, dir, 'chat');
  }
  return undefined;
}

/** The pid of the chat's parent in a session (the program that opened the named pipe). */
function chatPid(session: PtySession): number | undefined {
  return session.processes().find((p) => p.commandLine.startsWith(`${process.execPath} ${CLI_PATH}`))?.pid;
}

describe('ways out', () => {
  it('quits within 2 s when removing the named pipe fails: the child is killed, the screen comes back, one line says what failed', async () => {
    const chat = sessions.start({ args: ['--lang', 'en', '--wiring', 'named'], cols: 100, rows: 30 });
    await chat.waitForText('typing at its keyboard');
    const fifo = namedPipeOf(chat.pid);
    expect(fifo).toBeDefined();
    fs.rmSync(fifo as string);
    fs.mkdirSync(fifo as string);
    made.push(path.dirname(fifo as string), fifo as string);
    await chat.press('ctrlC');
    const exit = await chat.waitForExit({ timeoutMs: 2_000 });
    expect(chat.isAltScreen()).toBe(false);
    await waitForNoLeftovers(chat);
    const lines = chat.lines().filter((line) => line.trim() !== '');
    if (exit.exitCode !== 0) {
      expect(exit.exitCode).toBe(1);
      expect(lines).toEqual([expect.stringMatching(/^pipe-chat: .*EISDIR/)]);
    } else expect(lines).toEqual([]);
  });

  it('a terminal that goes away ends the chat and its child even in a session of its own (no SIGHUP), and the named pipe goes', async () => {
    const chat = sessions.start({ command: 'setsid', args: ['-w', process.execPath, CLI_PATH, '--lang', 'en', '--wiring', 'named'], cols: 100, rows: 30 });
    await chat.waitForText('typing at its keyboard');
    const pid = chatPid(chat);
    expect(pid).toBeDefined();
    const fifo = namedPipeOf(pid as number);
    expect(fifo && fs.existsSync(fifo)).toBe(true);
    chat.hangUp();
    await waitUntil(() => chat.processes().length === 0, { timeoutMs: 5_000, what: 'every process of the chat to end' });
    expect(fs.existsSync(path.dirname(fifo as string))).toBe(false);
  });
});
