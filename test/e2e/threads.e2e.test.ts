// Two threads sharing a variable in the built program, in a real pseudo-terminal: one
// PID on screen with the TID of each side, no child process, the reader BLOCKED in
// futex_wait (threads) or BUSY WAITING (threads-busy) as /proc has its thread; and every
// way out ends the program at once, its child thread waiting in futex or spinning (a
// thread left in a call would keep the process from exiting).
import { afterEach, describe, expect, it } from 'vitest';
import { threadCall } from '../../src/kernel/kernel-calls.js';
import { childPidsOf, ptySessions, type PtySession } from '../support/pty.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

function startChat(wiring: 'threads' | 'threads-busy'): PtySession {
  return sessions.start({ args: ['--lang', 'en', '--wiring', wiring], cols: 100, rows: 30, env: { CI: 'false', LANG: 'en_US.UTF-8' } });
}

/** The TID a pane's title names for `name` (Parent, Child). */
const titleTid = (screen: string, pid: number, name: string): number | undefined => {
  const match = new RegExp(`${name} · PID ${pid} · TID (\\d+)`).exec(screen);
  return match ? Number(match[1]) : undefined;
};

describe.runIf(process.platform === 'linux')('threads in a terminal', () => {
  it('one PID, a TID per side, no child process; the reader BLOCKED in futex_wait as /proc has it; Ctrl+C ends it at once', async () => {
    const chat = startChat('threads');
    await chat.waitForText('BLOCKED in futex_wait');
    const parentTid = titleTid(chat.screen(), chat.pid, 'Parent') as number;
    const childTid = await chat.waitFor(() => titleTid(chat.screen(), chat.pid, 'Child'), "the child's TID");
    expect(new Set([chat.pid, parentTid, childTid]).size).toBe(3);
    expect(threadCall(chat.pid, parentTid)?.call).toBe('futex');
    expect(childPidsOf(chat.pid)).toEqual([]);
    await chat.type('Who are you?\r');
    await chat.waitForText(/from Child: Who are you\?/);
    // Now the child thread waits for the answer: its pane says so once /proc has it in futex.
    await chat.waitFor(() => threadCall(chat.pid, childTid)?.call === 'futex' || undefined, 'the child thread in futex');
    await chat.waitFor(() => chat.lines().filter((l) => l.includes('BLOCKED in futex_wait')).length > 0 || undefined, 'the child pane in futex_wait');
    await chat.press('ctrlC');
    expect((await chat.waitForExit({ timeoutMs: 5000 })).exitCode).toBe(0);
  });

  it('busy: the reader spins on its own TID; SIGTERM ends the program while it spins', async () => {
    const chat = startChat('threads-busy');
    await chat.waitForText(/BUSY WAITING on box 0\.seq/);
    const parentTid = titleTid(chat.screen(), chat.pid, 'Parent') as number;
    expect(parentTid).not.toBe(chat.pid);
    expect(childPidsOf(chat.pid)).toEqual([]);
    chat.kill('SIGTERM');
    await chat.waitForExit({ timeoutMs: 5000 });
  });
});
