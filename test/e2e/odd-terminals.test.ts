// Terminals and environments that are not the usual one, in a real pseudo-terminal:
// CI=true exported by a person at a real terminal, TERM=dumb, job control (Ctrl+Z, then
// fg from an interactive shell), a 1x1 window, and a link that cannot be opened.
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH, ptySessions, waitForNoLeftovers, type PtySession } from '../support/pty.js';
import { startChat } from '../support/chat-turns.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

const SHELL = { command: 'bash', args: ['--norc', '--noprofile', '-i'], env: { PS1: '$ ', HISTFILE: '/dev/null' }, cols: 100, rows: 30 };

/** The live processes of the session whose command line holds the text. */
function states(session: PtySession, text: string): string[] {
  return session
    .processes()
    .filter((p) => p.commandLine.includes(text))
    .map((p) => p.state);
}

describe('odd terminals', () => {
  it('with CI=true exported at a real terminal, the chat still draws every frame and follows a resize', async () => {
    const chat = startChat(sessions, { env: { CI: 'true', CONTINUOUS_INTEGRATION: 'true' } });
    await chat.waitForText('typing at its keyboard');
    await chat.type('hi');
    await chat.waitForText(/›.*hi/);
    chat.resize(90, 28);
    await chat.waitForText(/[╰└]─+[╯┘] *$/m);
  });

  it('TERM=dumb gets a clear message and exit 2, and no escape sequence', async () => {
    // node-pty sets TERM from the terminal's name: set it for the program alone.
    const chat = sessions.start({ command: 'env', args: ['TERM=dumb', process.execPath, CLI_PATH, '--lang', 'en'] });
    const exit = await chat.waitForExit();
    expect(exit.exitCode).toBe(2);
    expect(chat.screen()).toContain('this terminal (TERM=dumb) cannot draw the full-screen chat');
    expect(chat.output()).not.toContain('\x1b[');
  });

  it('Ctrl+Z gives the terminal back and stops the job; fg brings back raw mode and a full redraw', async () => {
    const shell = sessions.start(SHELL);
    await shell.waitForText('$');
    await shell.write('node dist/cli.js --lang en\r');
    await shell.waitForText('typing at its keyboard');
    await shell.type('hello');
    await shell.waitForText(/›.*hello/);
    await shell.write('\x1a');
    await shell.waitForText(/Stopped/);
    expect(shell.isAltScreen()).toBe(false);
    expect(shell.isCursorVisible()).toBe(true);
    await shell.waitFor(() => states(shell, 'dist/').length === 2 && states(shell, 'dist/').every((s) => s === 'T'), 'the parent and the child stopped');

    // The window shrinks while the job is stopped: SIGWINCH goes to the shell, not to the chat.
    shell.resize(90, 26);
    await shell.write('fg\r');
    await shell.waitForText('typing at its keyboard');
    expect(shell.isAltScreen()).toBe(true);
    // The whole frame is back at the new size, top border to key line, and single keys arrive without Enter.
    await shell.waitForScreen((screen, lines) => {
      return /^╭─ Parent.*╮$/.test(lines[0] ?? '') && lines.some((l) => /^╰─+╯ +╰─+╯$/.test(l)) && /Ctrl\+C quit/.test(screen);
    }, 'the whole frame redrawn at 90x26');
    await shell.type(' world');
    const typed = await shell.waitForText(/›.*hello world/);
    expect(typed).not.toContain('␚');
    await shell.write('\x03');
    await shell.waitFor(() => !shell.isAltScreen(), 'the shell screen back');
    await waitForNoLeftovers(shell);
  });

  it('a 1x1 terminal stays blank, and the chat comes back when it grows', async () => {
    const chat = startChat(sessions);
    await chat.waitForText('typing at its keyboard');
    chat.resize(1, 1);
    await chat.waitForScreen((screen) => screen.trim() === '', 'a blank 1x1 screen');
    chat.resize(7, 3);
    await chat.waitForScreen((screen) => screen.trim() === '', 'a blank 7x3 screen');
    chat.resize(100, 30);
    await chat.waitForText('typing at its keyboard');
  });
});

describe('a link that cannot be opened', () => {
  it('shows the failure banner; quitting prints one sanitized line, no stack trace, and exits 1', async () => {
    // Two pipes need no directory and open; the named pipe, chosen in F3's list, finds no private place for its own.
    const chat = startChat(sessions, { cols: 200, env: { TMPDIR: '/nonexistent/\x1b]0;pwned\x07', XDG_RUNTIME_DIR: '' } });
    await chat.waitForText('typing at its keyboard');
    await chat.press('f3');
    await chat.waitForText('channels (F3)');
    // Listed: two pipes (now), one shared pipe, pipe1, pipe1 with its ends left open, named pipe.
    await chat.press('down', 4);
    await chat.press('enter');
    await chat.waitForText('[named pipe]');
    await chat.waitForText('Could not start the child');
    await chat.press('ctrlC');
    const exit = await chat.waitForExit();
    expect(exit.exitCode).toBe(1);
    const lines = chat.lines().filter((line) => line.trim() !== '');
    expect(lines).toEqual([expect.stringMatching(/^pipe-chat: Could not start the child: .*\/nonexistent\/␛\]0;pwned␇/)]);
    expect(chat.output()).not.toContain('\x1b]0;pwned');
  });
});
