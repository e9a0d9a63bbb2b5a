// A System V call the kernel cuts short with EINTR is made again. A stop then a continue,
// which is what `strace -p` attaching does to a process, interrupts semop with no signal
// handler at all (signal(7)): before, the child waiting in semop (shm) for the parent's
// answer died of it, and the parent showed "stopped: EINTR" when strace -p was attached to
// a running chat. The queue's msgrcv came back on its own from the same stop here; it is
// checked the same way (a signal's handler would cut it short too).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messagesRead } from '../support/conversation.js';
import { linkOpener } from '../support/open-links.js';
import { waitUntil } from '../support/wait.js';

const open = linkOpener();

/** The system call the process's main thread is in (its number as /proc shows it), and its state letter. */
const syscallOf = (pid: number): string => fs.readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0] ?? '';
const stateOf = (pid: number): string => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[0] ?? '';

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('a child stopped and continued while it waits for the answer', () => {
  // x86_64: semtimedop 220 (glibc's semop), msgrcv 70.
  it.each([
    ['shm', '220'],
    ['queue', '70'],
  ] as const)('%s: it waits again, and takes the answer', async (wiring, waitingIn) => {
    const { link, events } = await open(wiring);
    const question = link.read();
    link.typeForChild('hello');
    expect((await question.frame)?.text).toBe('hello');
    const child = link.childPid;
    await waitUntil(() => syscallOf(child) === waitingIn, { what: `the child in syscall ${waitingIn}` });
    process.kill(child, 'SIGSTOP');
    await waitUntil(() => stateOf(child) === 'T', { what: 'the child stopped' });
    process.kill(child, 'SIGCONT');
    await waitUntil(() => stateOf(child) !== 'T', { what: 'the child running again' });
    await link.write('answer');
    await waitUntil(() => messagesRead(events).some((m) => m.startsWith('child read parent#1: answer')), { what: 'the child to read the answer' });
    // Alive: it did not die of the interrupted call.
    expect(() => process.kill(child, 0)).not.toThrow();
  });
});
