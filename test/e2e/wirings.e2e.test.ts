// The chapter's four wirings in the built program, in a real pseudo-terminal: the source
// view marks each process's line as it moves; a socket carries three turns and the fd
// panel says socket:[inode]; a named pipe shows its path, a `cat PATH` started here takes
// a message and is named with its PID, and the path is gone after quit; F3 opens the
// grouped list of channels, and each chosen one comes live with a divider naming it;
// pipe1 carries the child's lines one way and ends at the parent's read() = 0.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ptySessions, type PtySession } from '../support/pty.js';
import { say, startChat, turn } from '../support/chat-turns.js';
import { namedPipeOf } from '../support/named-pipe.js';

const sessions = ptySessions();
const cats: ChildProcess[] = [];
afterEach(async () => {
  for (const cat of cats.splice(0)) cat.kill();
  await sessions.disposeAll();
});

/** Whether the row holding `code` carries `mark` (the source view's "P▶" or "C▶"). */
function marked(lines: string[], mark: string, code: string): boolean {
  return lines.some((l) => l.includes(code) && l.includes(mark));
}

/** Waits for a whole frame with `code` marked by `mark`; returns its lines. */
function waitForMark(chat: PtySession, mark: string, code: string, what: string): Promise<string[]> {
  return chat.waitForScreen((_, lines) => marked(lines, mark, code) && lines, what);
}

describe('the four wirings in a terminal', () => {
  it('source view at 80x24: F2 opens it in place of the drawing, each process marked on the line it is in, c closes it', async () => {
    const chat = startChat(sessions, { cols: 80, rows: 24 });
    await chat.waitForText('typing at its keyboard');
    await chat.press('f2');
    await chat.waitForText('source: pipe3.c');
    await waitForMark(chat, 'C▶', 'fgets(line, LINE_BUF, stdin)', 'the child marked on fgets');
    const parentReading = await waitForMark(chat, 'P▶', 'read(fds1[0], buf, BUF_SIZE);', 'the parent marked on read(fds1[0])');
    expect(parentReading.join('\n')).toMatch(/P \d+ BLOCKED in read\(fd \d+\)/);
    // The child's line: the parent reads it and goes to its keyboard; the child blocks in read(fds2[0]).
    await say(chat, 'Who are you?');
    await waitForMark(chat, 'C▶', 'read(fds2[0], buf, BUF_SIZE);', 'the child marked on read(fds2[0])');
    const lines = await waitForMark(chat, 'P▶', 'fgets(line, LINE_BUF, stdin)', 'the parent marked on fgets');
    expect(lines[0]).toMatch(/^╭─ Parent · PID .*╮╭─ source: pipe3\.c ─*╮╭─ Child · PID .*╮$/);
    expect(lines.find((l) => l.startsWith('╰'))).toMatch(/^╰─*╯╰─*╯╰─*╯$/);
    // Keys mode first: a loaded machine can deliver ESC and the next key in one read (Alt+c, not Esc then c).
    await chat.press('escape');
    await chat.waitForText('COMMAND KEY:');
    await chat.type('c');
    const closed = await chat.waitForGone('source: pipe3.c');
    expect(closed).toContain('parent → child');
  });

  it("pipe1: the child's three lines reach the parent, which cannot answer, then its read() returns 0 and the chat is DONE", async () => {
    const chat = startChat(sessions, { wiring: 'pipe1' });
    await chat.waitForText('[one pipe, one way]');
    expect(await chat.waitForText(/BLOCKED in read\(fd \d+\)/)).toContain('no pipe back to the child');
    for (const line of ['Who are you?', 'Still there?', 'Bye']) {
      await say(chat, line);
      await chat.waitForText(`from Child: ${line}`);
    }
    // DONE can come a moment before the parent hears of the child's exit: wait for both.
    const done = await chat.waitForScreen((screen) => screen.includes('DONE') && screen.includes('exited (code 0)') && screen, 'DONE, the child exited');
    expect(done).toContain('read() returned 0: end of file');
    expect(done).toMatch(/end of file: read\(fd \d+\) = 0/);
  });

  it('socket: three turns, the parent blocked in read() on its end, the fd panel showing socket:[inode]', async () => {
    const chat = startChat(sessions, { wiring: 'socket' });
    await chat.waitForText('[socket]');
    await chat.waitForText(/BLOCKED in read\(fd \d+\)/);
    await turn(chat, 'Who are you?', 'I am your parent');
    await turn(chat, 'Where are we?', 'In a socket');
    await turn(chat, 'Bye', 'Bye too');
    const over = await chat.waitForText('The conversation is over');
    expect(over).toContain('C3 child→parent ✓ delivered');
    await chat.press('escape');
    await chat.waitForText('COMMAND KEY:');
    await chat.type('f');
    const screen = await chat.waitForText(/fd \d+ +read\+write +socket:\[\d+\]/);
    expect(screen).not.toContain('BLOCKED in read(fd');
  });

  it.runIf(process.platform === 'linux')('named: shows the path; a cat started here takes a message and is named with its PID; the path is gone after quit', async () => {
    // Both our processes stay out of read() while the child's line goes in: the parent reads 1 s after it, the child 2 s after its write.
    const chat = startChat(sessions, { wiring: 'named', args: ['--parent-delay', '1000', '--child-delay', '2000'], cols: 150, rows: 40 });
    await chat.waitForText('typing at its keyboard');
    const fifo = await chat.waitFor(() => namedPipeOf(chat.pid), 'the named pipe on disk');
    const named = await chat.waitForText(fifo);
    expect(named).toContain('its directory is 0700');
    // A row of its own, so that a terminal's selection takes it whole.
    expect(named.split('\n').map((row) => row.trim())).toContain(`path ${fifo}`);
    const cat = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    cats.push(cat);
    let taken = '';
    cat.stdout?.on('data', (data: Buffer) => (taken += data.toString('latin1')));
    await chat.waitForText(`PID ${cat.pid} cat (read end)`);
    await say(chat, 'for the cat');
    await chat.waitFor(() => (taken.includes('for the cat') ? true : undefined), 'cat to read the message');
    const tookIt = await chat.waitForText(`PID ${cat.pid} cat took it:`);
    // The drawing's column at 150 columns (panes of 57, the drawing 36 wide), its rows read as one text.
    const drawing = tookIt.split('\n').map((l) => l.slice(57, 93).trim()).join(' ');
    expect(drawing).toMatch(new RegExp(`PID ${cat.pid} cat took it: its rchar grew by \\d+ B`));
    expect(drawing).toContain('empty');
    await chat.waitForText(`C1 child→PID ${cat.pid} cat ✗ TAKEN by an outside process`);
    cat.kill();
    await chat.press('escape');
    await chat.waitForText('COMMAND KEY:');
    await chat.type('q');
    await chat.waitForExit();
    expect(fs.existsSync(fifo)).toBe(false);
    expect(fs.existsSync(path.dirname(fifo))).toBe(false);
  });

  it('F3 lists the channels grouped; ↓ and Enter switch live, each with a divider that names it; Esc closes; Ctrl+T goes back to two pipes', async () => {
    const chat = startChat(sessions);
    await chat.waitForText('typing at its keyboard');
    await chat.press('f3');
    const list = await chat.waitForText('channels (F3)');
    for (const group of ['pipes', 'sockets', 'System V IPC']) expect(list).toContain(group);
    expect(list).toMatch(/▶ two pipes +--wiring two-pipes +\(now\)/);
    await chat.press('escape');
    await chat.waitForGone('channels (F3)');
    // The list opens on the current channel; listed order: two pipes, one shared pipe, pipe1 and its open ends, named pipe; socket, TCP; message queue, queue one type.
    for (const [downs, status, divider] of [[1, '[one shared pipe]', 'switched to one shared pipe'], [4, '[socket]', 'switched to socket'], [1, '[TCP]', 'switched to TCP'], [1, '[message queue]', 'switched to message queue']] as const) {
      await chat.press('f3');
      await chat.waitForText('channels (F3)');
      await chat.press('down', downs);
      await chat.press('enter');
      await chat.waitForText(status);
      await chat.waitForText(divider);
    }
    await chat.waitForText(/BLOCKED in msgrcv\(queue \d+,/);
    await chat.press('ctrlT');
    await chat.waitForText('[queue, one type]');
  });
});
