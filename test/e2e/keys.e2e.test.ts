// Keys as a person (or tmux, or a paste) sends them, in a real pseudo-terminal: typing
// from the very first byte, two Ctrl+C in one write, a paste with and without markers,
// a sentence at DONE, Ctrl+T pressed 20 times apart, scrolling back to turn 1 at 80x24,
// and bracketed paste switched off again on exit.
import { afterEach, describe, expect, it } from 'vitest';
import { ptySessions, type PtySession } from '../support/pty.js';
import { startChat } from '../support/chat-turns.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

async function line(chat: PtySession, text: string, from: string): Promise<void> {
  await chat.waitForText('typing at its keyboard');
  await chat.write(`${text}\r`);
  await chat.waitForText(`${from}${text}`);
}

describe('keys in a terminal', () => {
  it('keeps what is typed from the first byte of output, before the child is ready: nothing lost, nothing a command', async () => {
    const chat = startChat(sessions);
    await chat.waitFor(() => chat.output().length > 0, 'the first byte of output');
    await chat.write('quit? r');
    await chat.waitForText('› quit? r');
    const ready = await chat.waitForText('typing at its keyboard');
    expect(ready).toContain('› quit? r');
    await chat.write('\r');
    await chat.waitForText('from Child: quit? r');
    expect(chat.exited).toBeUndefined();
  });

  it('quits on two Ctrl+C in one write and turns bracketed paste off on the way out', async () => {
    const chat = startChat(sessions);
    await chat.waitForText('typing at its keyboard');
    expect(chat.output()).toContain('\x1b[?2004h');
    await chat.write('\x03\x03');
    expect(await chat.waitForExit()).toMatchObject({ exitCode: 0 });
    const output = chat.output();
    expect(output.lastIndexOf('\x1b[?2004l')).toBeGreaterThan(output.lastIndexOf('\x1b[?2004h'));
    expect(chat.isAltScreen()).toBe(false);
  });

  it('a marked paste ending in a newline is not sent; an unmarked one is, like typed text and Enter', async () => {
    const chat = startChat(sessions);
    await chat.waitForText('typing at its keyboard');
    await chat.write('\x1b[200~pasted\r\x1b[201~');
    const pasted = await chat.waitForText('› pasted');
    expect(pasted).not.toContain('from Child: pasted');
    await chat.write('\x15plain\r');
    await chat.waitForText('from Child: plain');
  });

  it('a sentence typed at DONE stays a draft; 20 Ctrl+T pressed apart leave two pipes', async () => {
    const chat = startChat(sessions);
    for (const n of [1, 2, 3]) {
      await line(chat, `c${n}`, 'from Child: ');
      await line(chat, `p${n}`, 'from Parent: ');
    }
    await chat.waitForText('DONE');
    await chat.type('Where do I come from?');
    const draft = await chat.waitForText('› Where do I come from?');
    expect(draft).toContain('DONE');
    await chat.press('ctrlT', 20);
    await chat.waitForText('[two pipes]');
    const toggled = await chat.waitForText('typing at its keyboard');
    expect(toggled).toContain('› Where do I come from?');
  });

  it('scrolls back to turn 1 at 80x24 after DONE with PgUp, with a mark while more is above', async () => {
    const chat = startChat(sessions, { cols: 80, rows: 24 });
    for (const n of [1, 2, 3]) {
      await line(chat, `first${n}`, 'from Child: ');
      await line(chat, `answer${n}`, 'from Parent: ');
    }
    await chat.waitForText('DONE');
    let screen = await chat.waitForText('↑ more above');
    expect(screen).not.toContain('from Child: first1');
    // Each PgUp goes further back, until the first turn is in view with nothing above it.
    for (let i = 0; i < 12 && (!screen.includes('from Child: first1') || screen.includes('↑ more above')); i++) {
      const before = screen;
      await chat.press('pageUp');
      screen = await chat.waitForScreen((now) => (now !== before ? now : undefined), 'the panes scrolled back');
    }
    screen = await chat.waitForText('from Child: first1');
    expect(screen).toContain('newer below');
    expect(screen).not.toContain('↑ more above');
  });
});
