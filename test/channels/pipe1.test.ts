// One pipe, one way (pipe1), over a real link opened as the chat opens it: each process
// holds only its own end of the one pipe (/proc/PID/fd), the child's lines reach the
// parent, and the parent's read() after the child has exited returns 0. With the unused
// ends left open (pipe1-open-ends) that last read() never returns: /proc shows a thread
// of the parent in read() on its read end while it still holds a write end of the pipe.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WiredLinkEvent, Wiring } from '../../src/ipc/events.js';
import { isInCall } from '../../src/kernel/kernel-calls.js';
import { openPipeSession, type ChatSession } from '../../src/session/open-session.js';
import { messagesRead } from '../support/conversation.js';
import { waitUntil } from '../support/wait.js';

const childScript = path.resolve('dist/child.js');
const sessions: ChatSession[] = [];
const LINES = ['Who are you?', '안녕?', 'bye'];

afterEach(async () => {
  for (const s of sessions.splice(0)) {
    s.parent.stop();
    await s.link.close();
  }
});

async function open(wiring: Wiring) {
  const events: WiredLinkEvent[] = [];
  const session = await openPipeSession(childScript)({
    wiring,
    turns: 3,
    firstTurn: 1,
    childDelayMs: 0,
    parentDelayMs: 0,
    onEvent: (e) => events.push(e),
    delayStart: () => Promise.resolve(),
  });
  sessions.push(session);
  return { ...session, events };
}

/** The ends of pipe `inode` that `pid` holds, as /proc/PID/fd and its open mode say: 'read' or 'write', one per fd. */
function endsHeld(pid: number | 'self', inode: number): string[] {
  return fs.readdirSync(`/proc/${pid}/fd`).flatMap((name) => {
    try {
      if (fs.readlinkSync(`/proc/${pid}/fd/${name}`) !== `pipe:[${inode}]`) return [];
      const flags = Number.parseInt(/^flags:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/fdinfo/${name}`, 'utf8'))?.[1] ?? '0', 8);
      return [(flags & 3) === fs.constants.O_WRONLY ? 'write' : 'read'];
    } catch {
      return [];
    }
  });
}

const readResults = (events: readonly WiredLinkEvent[]) => events.flatMap((e) => (e.type === 'syscall' && e.proc === 'parent' && e.call === 'read' ? [e.result] : []));
const childExited = (events: readonly WiredLinkEvent[]) => events.some((e) => e.type === 'exit' && e.proc === 'child');

describe.runIf(process.platform === 'linux')('pipe1: one pipe, child to parent', () => {
  it('each process holds only its own end; the child\'s lines arrive, and read() returns 0 once the child has exited', async () => {
    const { link, parent, events } = await open('pipe1');
    const inode = link.pipes[0]?.inode ?? -1;
    expect(endsHeld('self', inode)).toEqual(['read']);
    expect(endsHeld(link.childPid, inode)).toEqual(['write']);
    expect(link.parentFds.map((f) => f.end)).toEqual(['read']);
    const done = parent.run();
    for (const line of LINES) link.typeForChild(line);
    await done;
    expect(messagesRead(events)).toEqual(LINES.map((line, i) => `parent read child#${i + 1}: ${line}`));
    // Three messages (however many read() calls they took), then end of file: no write end was left.
    expect(readResults(events).at(-1)).toBe(0);
    await waitUntil(() => childExited(events), { what: 'the child to be reaped' });
    expect(events.find((e) => e.type === 'exit' && e.proc === 'child')).toMatchObject({ code: 0, signal: null });
    expect(parent.type('an answer')).toBe(false);
  });

  it('with the unused ends left open, the last read() blocks for ever on the parent\'s own write end, and close() ends it', async () => {
    const { link, parent, events } = await open('pipe1-open-ends');
    const inode = link.pipes[0]?.inode ?? -1;
    const readFd = link.parentFds.find((f) => f.end === 'read')?.fd ?? -1;
    expect(endsHeld('self', inode).sort()).toEqual(['read', 'write']);
    expect(endsHeld(link.childPid, inode).sort()).toEqual(['read', 'write']);
    const done = parent.run();
    for (const line of LINES) link.typeForChild(line);
    await waitUntil(() => messagesRead(events).length === 3 && childExited(events), { what: 'the three lines read and the child gone' });
    await waitUntil(() => isInCall('self', 'read', readFd), { what: `a thread of the parent in read(fd ${readFd})` });
    // The child is gone, yet the parent still holds a write end: no end of file, the read waits.
    expect(endsHeld('self', inode)).toContain('write');
    expect(readResults(events)).not.toContain(0);
    parent.stop();
    await link.close();
    await done;
    expect(isInCall('self', 'read', readFd)).toBe(false);
    expect(endsHeld('self', inode)).toEqual([]);
  });
});
