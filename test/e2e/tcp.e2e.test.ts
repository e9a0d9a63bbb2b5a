// The TCP connection in the built program, in a real pseudo-terminal: the child shown
// BLOCKED in read() on its socket, and after a way out by key and by signal (Ctrl+C, SIGTERM)
// the program gone, no child left, and the connection's sockets no longer in
// /proc/net/tcp under the inodes the processes held (a closed connection leaves only
// the kernel's TIME_WAIT line, which has no inode).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readNetTcp } from '../../src/kernel/proc-net-tcp.js';
import { childPidsOf, ptySessions, waitForNoLeftovers } from '../support/pty.js';
import { waitUntil } from '../support/wait.js';

const sessions = ptySessions();
afterEach(async () => {
  await sessions.disposeAll();
});

/** The inodes of the TCP sockets `pid` holds (sockets /proc/net/tcp lists). */
function tcpInodes(pid: number): number[] {
  const tcp = new Set(readNetTcp().map((r) => r.inode));
  return fs.readdirSync(`/proc/${pid}/fd`).flatMap((name) => {
    try {
      const inode = Number(/^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${name}`))?.[1]);
      return tcp.has(inode) ? [inode] : [];
    } catch {
      return [];
    }
  });
}

describe.runIf(process.platform === 'linux')('the TCP connection ends on every way out', () => {
  for (const way of ['Ctrl+C', 'SIGTERM'] as const) {
    it(way, async () => {
      const chat = sessions.start({ args: ['--lang', 'en', '--wiring', 'tcp'], cols: 100, rows: 30, env: { CI: 'false', LANG: 'en_US.UTF-8' } });
      await chat.waitForText('typing at its keyboard');
      await chat.type('Who are you?\r');
      await chat.waitForText(/BLOCKED in read\(fd \d+\)/);
      const [childPid] = childPidsOf(chat.pid);
      const inodes = [...tcpInodes(chat.pid), ...tcpInodes(childPid as number)];
      expect(inodes).toHaveLength(2);
      if (way === 'Ctrl+C') await chat.press('ctrlC');
      else chat.kill(way);
      await chat.waitForExit();
      await waitForNoLeftovers(chat);
      // A killed process leaves /proc's list before its fds are released: poll, with a bound
      // (not the session's waitFor, which stops looking once the program has exited).
      await waitUntil(() => !readNetTcp().some((r) => inodes.includes(r.inode)), { what: 'both sockets gone from /proc/net/tcp' });
    });
  }
});
