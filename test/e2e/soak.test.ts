// A soak run in a real pseudo-terminal: round after round of a pasted child line and a
// typed answer, a resize, a live toggle to one shared pipe and a line over it, a toggle
// back and a restart. Afterwards the parent holds as many fds as it did at the start and
// exactly one child is alive (none after quitting): nothing leaks across the many
// children forked and killed on the way. Each round forks three children, so a leak
// shows within a round: the suite runs four (PIPE_CHAT_SOAK_ROUNDS=15 for a longer soak,
// still bounded to 30 s).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ptySessions, waitForNoLeftovers, type PtySession } from '../support/pty.js';
import { startChat } from '../support/chat-turns.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

const SOAK_MS = 30_000;
const MAX_ROUNDS = Number(process.env.PIPE_CHAT_SOAK_ROUNDS ?? 4);
const SIZES = [
  [80, 24],
  [120, 34],
  [100, 30],
] as const;

function fdCount(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

function children(session: PtySession): number[] {
  return session
    .processes()
    .filter((p) => p.commandLine.includes('dist/child.js'))
    .map((p) => p.pid);
}

/** The whole frame at this size: the top border on the first row, a bottom border below. */
function frameDrawn(session: PtySession): boolean {
  const lines = session.lines();
  return (lines[0]?.startsWith('╭─ Parent') ?? false) && (lines[0]?.endsWith('╮') ?? false) && lines.some((l) => l.startsWith('╰'));
}

/** Does something that forks a new child, and waits until that child is at its keyboard. */
async function withFreshChild(chat: PtySession, action: () => Promise<void>, what: string): Promise<void> {
  const before = children(chat);
  await action();
  await chat.waitFor(() => {
    const now = children(chat);
    const [pid] = now;
    const [title = '', state = ''] = chat.lines();
    return now.length === 1 && pid !== undefined && !before.includes(pid) && title.includes(`Child · PID ${pid}`) && state.includes('typing at its keyboard');
  }, `a fresh child at its keyboard after ${what}`);
}

async function round(chat: PtySession, n: number): Promise<void> {
  await chat.waitForText('turn 1/3');
  // A paste: the whole line arrives in one read.
  await chat.write(`soak ${n} pasted`);
  await chat.waitForText(`› soak ${n} pasted`);
  await chat.press('enter');
  await chat.waitForText(`from Child: soak ${n} pasted`);
  await chat.type(`answer ${n}`);
  await chat.waitForText(`› answer ${n}`);
  await chat.press('enter');
  await chat.waitForText(`from Parent: answer ${n}`);

  const [cols, rows] = SIZES[n % SIZES.length] ?? [100, 30];
  chat.resize(cols, rows);
  await chat.waitFor(() => chat.cols === cols && frameDrawn(chat), `the frame redrawn at ${cols}x${rows}`);

  await withFreshChild(chat, () => chat.press('ctrlT'), 'Ctrl+T');
  await chat.waitForText('[one shared pipe]');
  await chat.write(`shared ${n}`);
  await chat.waitForText(`› shared ${n}`);
  await chat.press('enter');
  // Who reads it is the kernel's choice: either outcome will do.
  await chat.waitForText(/C\d child→(child|parent)/);
  await withFreshChild(chat, () => chat.press('ctrlT'), 'Ctrl+T');
  await chat.waitForText('[two pipes]');

  await chat.press('escape');
  await chat.waitForText('COMMAND KEY:');
  await withFreshChild(chat, () => chat.type('r'), 'r (restart)');
  // One command after Esc, then typing again by itself.
  await chat.waitForGone('COMMAND KEY:');
  await chat.waitForText('child keyboard');
}

describe('soak', () => {
  it('toggles, restarts, conversations, resizes and pastes in one run leave fds and processes at their baseline', async () => {
    const started = Date.now();
    const chat = startChat(sessions);
    await chat.waitForText('typing at its keyboard');
    await chat.waitFor(() => children(chat).length === 1, 'the first child');
    const firstChild = children(chat)[0];
    const baselineFds = fdCount(chat.pid);
    const baselineProcesses = chat.processes().length;

    let rounds = 0;
    while (rounds < MAX_ROUNDS && Date.now() - started < SOAK_MS) await round(chat, ++rounds);
    expect(rounds).toBeGreaterThanOrEqual(3);

    await chat.waitForText('typing at its keyboard');
    await chat.waitFor(() => children(chat).length === 1 && fdCount(chat.pid) === baselineFds, 'fds and children back at their baseline', { timeoutMs: 5_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\nfds: ${fdCount(chat.pid)} (baseline ${baselineFds}), children: ${children(chat).join(', ')}`);
    });
    expect(children(chat)[0]).not.toBe(firstChild);
    expect(chat.processes().length).toBe(baselineProcesses);

    await chat.press('ctrlC');
    expect(await chat.waitForExit()).toMatchObject({ exitCode: 0 });
    expect(chat.isAltScreen()).toBe(false);
    await waitForNoLeftovers(chat);
    console.log(`soak: ${rounds} rounds in ${Date.now() - started} ms, parent fds ${baselineFds} at start and end`);
  }, 60_000);
});
