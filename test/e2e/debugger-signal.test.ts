// kill -USR1 must not open Node's debugger in any process of ours: not in the parent (its
// banner would print over the screen), not in the child, not in a writer of `pipe-chat
// writers`. Each is sent SIGUSR1 and then made to do something that proves it went on:
// no process listens on a TCP port, and no debugger banner was printed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openKernelPipes } from '../../src/kernel/anonymous-pipes.js';
import { childPidsOf, ptySessions } from '../support/pty.js';
import { listeningPorts } from '../support/listening.js';
import { say } from '../support/chat-turns.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

describe('SIGUSR1', () => {
  it('opens no debugger in the parent or the child: the chat goes on, nothing listens, no banner', async () => {
    const chat = sessions.start({ args: ['--lang', 'en'], cols: 100, rows: 30 });
    await chat.waitForText('typing at its keyboard');
    const [child] = childPidsOf(chat.pid);
    expect(child).toBeDefined();
    process.kill(chat.pid, 'SIGUSR1');
    process.kill(child as number, 'SIGUSR1');
    // A whole message through both processes after the signals.
    await say(chat, 'still here');
    await chat.waitForText('from Child: still here');
    expect(listeningPorts(chat.pid)).toEqual([]);
    expect(listeningPorts(child as number)).toEqual([]);
    expect(chat.output()).not.toMatch(/Debugger listening|inspector/i);
    await chat.press('ctrlC');
    expect((await chat.waitForExit()).exitCode).toBe(0);
  });

  it('opens no debugger in a writer: it still writes its messages when told to go, and exits 0 without a banner', async () => {
    const [pipe] = await openKernelPipes([['read-nonblocking', 'write-blocking']]);
    const [readFd, writeFd] = pipe!.fds as [number, number];
    const writer = spawn(process.execPath, ['dist/writer.js', '0', '64', '3'], { stdio: ['pipe', 'pipe', 'pipe', writeFd] });
    fs.closeSync(writeFd);
    let stderr = '';
    writer.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await new Promise((resolve) => writer.stdout?.once('data', resolve));
      process.kill(writer.pid as number, 'SIGUSR1');
      const exited = new Promise<number | null>((resolve) => writer.once('exit', (code) => resolve(code)));
      writer.stdin?.end('go');
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
    } finally {
      writer.kill('SIGKILL');
      fs.closeSync(readFd);
    }
  });
});
