// An outside reader on two pipes: `cat /proc/CHILD/fd/3` opens the child's read end
// through /proc and waits in read() before the child does, so the kernel hands it the
// parent's answer (a pipe wakes the reader that has waited longest). Both processes then
// wait in read() on empty pipes: the screen must say DEADLOCK, show the pipe empty (FIONREAD
// 0, not the answer's bytes "unread"), and mark the answer as taken by an outside process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AT_KEYBOARD, say, startChat } from '../support/chat-turns.js';
import { ptySessions } from '../support/pty.js';

const sessions = ptySessions();
const cats: ChildProcess[] = [];
afterEach(async () => {
  for (const cat of cats.splice(0)) cat.kill();
  await sessions.disposeAll();
});

/** The system call a process is in, from /proc/PID/syscall ("0" is read); null once it is gone. */
function syscallOf(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0] ?? null;
  } catch {
    return null;
  }
}

describe('an outside reader takes the answer on two pipes', () => {
  it.runIf(process.platform === 'linux')('cat /proc/CHILD/fd/3 takes the parent\'s answer: DEADLOCK, the pipe empty, the answer TAKEN by the cat', async () => {
    const chat = startChat(sessions, { cols: 150, rows: 40 });
    const first = await chat.waitForText(AT_KEYBOARD);
    const childPid = Number(/Child · PID (\d+)/.exec(first)?.[1]);
    expect(childPid).toBeGreaterThan(0);
    const cat = spawn('cat', [`/proc/${childPid}/fd/3`], { stdio: ['ignore', 'pipe', 'ignore'] });
    cats.push(cat);
    let taken = '';
    cat.stdout?.on('data', (data: Buffer) => (taken += data.toString('utf8')));
    await chat.waitFor(() => (cat.pid !== undefined && syscallOf(cat.pid) === '0' ? true : undefined), 'cat to wait in read() on the pipe');
    await say(chat, 'Who are you?');
    await chat.waitForText('from Child: Who are you?');
    await say(chat, 'I am your parent');
    await chat.waitFor(() => (taken === 'P1:I am your parent\n' ? true : undefined), 'cat to take the answer');
    const screen = await chat.waitForText('DEADLOCK');
    expect(screen).not.toMatch(/\d+ B unread/);
    expect(screen).toContain('empty');
    expect(screen.replace(/[║\n ]+/g, ' ')).toContain('both pipes are empty');
    await chat.waitForText(`P1 parent→PID ${cat.pid} cat ✗ TAKEN by an outside process`);
    await chat.waitForScreen((text) => text.replace(/[║\n ]+/g, ' ').includes(`P1 never reached its reader: PID ${cat.pid} cat took it from the pipe.`), 'the banner to name the cat');
  });
});
