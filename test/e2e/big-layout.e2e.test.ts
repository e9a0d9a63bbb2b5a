// The projector layout in a real pseudo-terminal at 80x24: a conversation plays with the
// two panes side by side, 40 columns each, their titles naming the real PIDs whole (the
// program's own and its child's, from /proc), and Esc b switches to three columns and back.
import { afterEach, describe, expect, it } from 'vitest';
import { childPidsOf, ptySessions, waitForNoLeftovers } from '../support/pty.js';
import { startChat, turn } from '../support/chat-turns.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

/** Where each pane's top right corner is on the first row (one string position per cell: the titles are English). */
const corners = (top: string): number[] => [...top].flatMap((ch, at) => (ch === '╮' ? [at] : []));

describe('--layout big at 80x24', () => {
  it('plays a turn over two pipes with two panes of 40 columns under titles with the real PIDs, and Esc b switches live', async () => {
    const chat = startChat(sessions, { cols: 80, rows: 24, args: ['--layout', 'big'] });
    await turn(chat, 'Who are you?', 'Your parent');
    const lines = await chat.waitForScreen((_, l) => (l.some((row) => row.includes('turn 2/3')) ? l : undefined), 'the second turn');
    expect(corners(lines[0] ?? '')).toEqual([39, 79]);
    const [childPid] = childPidsOf(chat.pid).filter((pid) => chat.processes().some((p) => p.pid === pid && p.commandLine.includes('dist/child.js')));
    expect(lines[0]).toContain(`Parent · PID ${chat.pid} `);
    expect(lines[0]).toContain(`Child · PID ${childPid} `);
    await chat.press('escape');
    await chat.waitForText('q quit');
    await chat.type('b');
    await chat.waitForScreen((_, l) => corners(l[0] ?? '').length === 2 && corners(l[0] ?? '')[0] === 29, 'three columns');
    await chat.press('ctrlC');
    expect(await chat.waitForExit()).toMatchObject({ exitCode: 0 });
    await waitForNoLeftovers(chat);
  });
});
