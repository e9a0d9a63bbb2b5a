import { describe, expect, it } from 'vitest';
import { fdLines } from '../../../src/app/views/fd-lines.js';
import { messagesFor } from '../../../src/i18n/index.js';
import type { ProcFd } from '../../../src/app/hooks/proc-fds.js';
import { SHARED, Script, play } from '../events.js';

const socket = (fd: number): ProcFd => ({ fd, target: `socket:[${9000 + fd}]`, inode: 9000 + fd, access: 'read-write', nonblock: false });
const pipeEnd = (fd: number, access: 'read' | 'write'): ProcFd => ({ fd, target: '/tmp/pipe-chat-1-x/p0 (deleted)', inode: SHARED, access, nonblock: fd > 10 });
const text = (lines: ReturnType<typeof fdLines>) => lines.map((l) => l.map((s) => s.text).join('')).join('\n');

describe('the fd panel', () => {
  it('lists the pipe fds of both processes first, even in a short panel, so both ends show in one-pipe mode', () => {
    const state = play(new Script(1, 'one').start());
    const snapshot = {
      parent: [socket(0), socket(1), socket(2), pipeEnd(23, 'read'), pipeEnd(24, 'write'), socket(30)],
      child: [socket(0), socket(1), socket(2), pipeEnd(3, 'read'), pipeEnd(4, 'write'), socket(5)],
    };
    const screen = text(fdLines(messagesFor('en').ui, state, snapshot, 60, 12));
    expect(screen).toContain(`both processes hold both ends of pipe inode ${SHARED}`);
    for (const fd of ['fd 23', 'fd 24', 'fd 3 ', 'fd 4 ']) expect(screen).toContain(fd);
    expect(screen).toMatch(/child: fd 0 → socket/);
  });
});

describe('the fd panel without /proc (macOS)', () => {
  it("shows the link's own record of both processes' pipe fds and says that the kernel's view needs Linux's /proc", () => {
    const state = play(new Script(1, 'two').start());
    for (const lang of ['en', 'ko'] as const) {
      const t = messagesFor(lang).ui;
      const screen = text(fdLines(t, state, { parent: null, child: null, noProc: true }, 100, 12));
      expect(screen).toContain(t.fds.noProc);
      expect(screen).toMatch(/fd 3 /);
    }
    expect(text(fdLines(messagesFor('en').ui, state, { parent: null, child: null, noProc: true }, 100, 12))).toContain("needs Linux's /proc");
  });
});
