// The words on screen against the kernel: when a pane says a process is BLOCKED in
// read(fd N), /proc/PID/task/*/syscall must show a thread of that process in read()
// on fd N; a process the kernel has stopped is shown as stopped. Checked on the real
// program in a pseudo-terminal.
import { afterEach, describe, expect, it } from 'vitest';
import { isInCall, processState, threadCalls } from '../../src/kernel/kernel-calls.js';
import { ptySessions } from '../support/pty.js';
import { say, startChat } from '../support/chat-turns.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

const BLOCKED = /BLOCKED in read\(fd (\d+)\)/;

describe('what the panes say a process is doing, held against /proc', () => {
  it.runIf(process.platform === 'linux')('the parent, and then the child, blocked in read() on the fd each pane names', async () => {
    const chat = startChat(sessions);
    // Each turn the parent reads first: its pane (the left half) says which fd.
    const screen = await chat.waitForScreen((now, lines) => {
      const row = lines[1] ?? '';
      const words = BLOCKED.exec(row.slice(0, Math.floor(row.length / 2)));
      return words && /Child · PID \d+/.test(now) ? now : undefined;
    }, 'the parent pane to say BLOCKED in read(fd N), and the child PID');
    const parentFd = Number(BLOCKED.exec((screen.split('\n')[1] ?? '').slice(0, 50))?.[1]);
    const childPid = Number(/Child · PID (\d+)/.exec(screen)?.[1]);
    await chat.waitFor(() => isInCall(chat.pid, 'read', parentFd) || undefined, `a thread of the parent (PID ${chat.pid}) in read(${parentFd})`);
    expect(threadCalls(chat.pid).filter((t) => t.call === 'read').map((t) => t.fd)).toEqual([parentFd]);

    // The parent reads the child's line, then waits at its keyboard: now the child is the one blocked.
    await chat.type('Who are you?');
    await chat.press('enter');
    await chat.waitForText('from Child: Who are you?');
    const childFd = Number(
      await chat.waitForScreen((_, lines) => {
        const row = lines[1] ?? '';
        return BLOCKED.exec(row.slice(Math.floor(row.length / 2)))?.[1];
      }, 'the child pane to say BLOCKED in read(fd N)'),
    );
    await chat.waitFor(() => isInCall(childPid, 'read', childFd) || undefined, `the child (PID ${childPid}) in read(${childFd})`);
    // The parent is at its keyboard: no thread of it is in read() any more.
    expect(threadCalls(chat.pid).some((t) => t.call === 'read' && t.fd === parentFd)).toBe(false);
  }, 60_000);

  it.runIf(process.platform === 'linux')('step mode (F4): the child HELD at a futex gate, as /proc shows; the parent, already in read(), is not held and gets the line F6 lets go', async () => {
    const chat = startChat(sessions, { wiring: 'one-pipe' });
    const screen = await chat.waitForText(/Child · PID \d+[\s\S]*typing at its keyboard/);
    const childPid = Number(/Child · PID (\d+)/.exec(screen)?.[1]);
    await chat.press('f4');
    await chat.waitForText('[STEP]');
    await say(chat, 'mine');
    await chat.waitForText('F6 child: write(fd 4)');
    // The child's main thread waits in futex(2), not in a call on fds 3 or 4, and is not stopped.
    await chat.waitFor(() => threadCalls(childPid).find((t) => t.tid === childPid)?.call === 'futex' || undefined, 'the child in futex(2)');
    expect(isInCall(childPid, 'write', 4) || isInCall(childPid, 'read', 3)).toBe(false);
    expect(processState(childPid)).toBe('S');
    // A read already in the kernel when step mode began cannot be taken back: it is the parent's, and it takes the line.
    expect(chat.screen()).toContain('BLOCKED in read(fd');
    await chat.press('f6');
    await chat.waitForText('from Child: mine');
    await chat.waitForText('F6 child: read(fd 3)');
  }, 60_000);

  it.runIf(process.platform === 'linux')('a child stopped with SIGSTOP shows as stopped, as /proc says, and as waiting again after SIGCONT', async () => {
    const chat = startChat(sessions);
    const screen = await chat.waitForText(/Child · PID \d+[\s\S]*typing at its keyboard/);
    const childPid = Number(/Child · PID (\d+)/.exec(screen)?.[1]);
    process.kill(childPid, 'SIGSTOP');
    try {
      await chat.waitForText('STOPPED by a signal (state T in');
      expect(processState(childPid)).toBe('T');
    } finally {
      process.kill(childPid, 'SIGCONT');
    }
    const resumed = await chat.waitForGone('STOPPED by a signal');
    expect(resumed).toContain('typing at its keyboard');
  }, 60_000);
});
