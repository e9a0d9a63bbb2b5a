// The signals in the built program, in a real pseudo-terminal: without acknowledgements
// the child's line arrives GARBLED and the drawing counts the bits; while the parent waits
// for the next message the screen says BLOCKED in sigtimedwait and /proc shows a thread of
// the parent in rt_sigtimedwait (not its UI thread); Ctrl+C then ends that wait, and
// nothing of ours is left.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ptySessions, waitForNoLeftovers } from '../support/pty.js';

const sessions = ptySessions();
afterEach(async () => {
  await sessions.disposeAll();
});

const RT_SIGTIMEDWAIT = '128'; // x86_64

/** The threads of `pid` in rt_sigtimedwait, as /proc/PID/task/TID/syscall shows them. */
function waitingThreads(pid: number): number[] {
  return fs.readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'utf8').split(' ')[0] === RT_SIGTIMEDWAIT ? [Number(tid)] : [];
    } catch {
      return [];
    }
  });
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('signals without acknowledgements', () => {
  it('garble the line, count the bits, wait in sigtimedwait as /proc shows, and end on Ctrl+C', async () => {
    const chat = sessions.start({ args: ['--lang', 'en', '--wiring', 'signal-no-acks'], cols: 100, rows: 30, env: { CI: 'false', LANG: 'en_US.UTF-8' } });
    await chat.waitForText('typing at its keyboard');
    // Whether two like signals merge is the scheduler's doing: on a loaded machine a
    // 16-byte line (128 bits) once arrived whole, and so did a 48-byte one (384 bits) with two
    // suites running beside it. Each bit is one more chance to merge: this line's frame,
    // C1:...\n, is 191 bytes (1528 bits).
    const line = 'Who are you? What is a pipe? A pipe is a buffer in the kernel with two ends: one writes, the other reads, and a read waits until there is something to read. Thank you for telling me, bye!';
    await chat.type(`${line}\r`);
    await chat.waitForText(/✗ GARBLED: \d+ of/);
    await chat.waitForText(new RegExp(`sent ${(3 + line.length + 1) * 8} bits · got \\d+`));
    // The parent answers, then waits for the child's next line: its pane (the left one) says where.
    await chat.type('I am your parent\r');
    await chat.waitForText(/^│■ BLOCKED in sigtimedwait\(SIGUSR1, /m);
    await chat.waitFor(() => (waitingThreads(chat.pid).some((tid) => tid !== chat.pid) ? true : undefined), 'a thread of the parent, not its UI thread, in rt_sigtimedwait');
    await chat.press('ctrlC');
    expect((await chat.waitForExit()).exitCode).toBe(0);
    await waitForNoLeftovers(chat);
  });
});
