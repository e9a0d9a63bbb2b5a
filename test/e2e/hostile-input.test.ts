// Keys and bytes a terminal can send that the chat has no use for must neither crash it
// nor reach the screen as escape sequences: Ctrl+F1..F4 (Ink 6.8's useInput crashes on
// these, ink #901; the chat reads keys with its own reader, hooks/key-reader.ts), focus
// reports, colour codes and OSC sequences typed or pasted as text.
import { afterEach, describe, expect, it } from 'vitest';
import { ptySessions } from '../support/pty.js';
import { startChat } from '../support/chat-turns.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

const CTRL_F1 = '\x1b[1;5P';
const CTRL_F2 = '\x1b[1;5Q';
const CTRL_F4 = '\x1b[1;5S';
const FOCUS_IN = '\x1b[I';
const RED = '\x1b[31m';
const OSC_52_CLIPBOARD = '\x1b]52;c;SGVsbG8=\x07';
const OSC_0_TITLE = '\x1b]0;pwned\x07';

describe('hostile input', () => {
  it('survives Ctrl+function keys, focus reports and escape sequences, while typing and in keys mode', async () => {
    const chat = startChat(sessions);
    await chat.waitForText('typing at its keyboard');
    for (const bytes of [CTRL_F1, CTRL_F2, CTRL_F4, FOCUS_IN, RED, OSC_52_CLIPBOARD, OSC_0_TITLE]) await chat.write(bytes);
    await chat.type('still here');
    await chat.waitForText(/›.*still here/);
    await chat.press('escape');
    await chat.waitForText('q quit');
    for (const bytes of [CTRL_F1, CTRL_F2, RED]) await chat.write(bytes);
    await chat.press('enter');
    await chat.press('enter');
    await chat.waitForText('C1 child→parent ✓ delivered');
    expect(chat.exited).toBeUndefined();
    expect(chat.isAltScreen()).toBe(true);
    // Nothing typed may reach the terminal as a control sequence: the raw output holds no OSC 52 or title change.
    expect(chat.output()).not.toContain('\x1b]52;');
    expect(chat.output()).not.toContain('\x1b]0;pwned');
  });
});

describe('a chat without a whole terminal', () => {
  it('with stdout redirected, says that stdout (not stdin) is not a terminal and exits 2', async () => {
    const shell = sessions.start({ command: 'bash', args: ['-c', 'node dist/cli.js --lang en > /dev/null; echo "EXIT=$?"'], cols: 100, rows: 30 });
    const screen = await shell.waitForText('EXIT=');
    expect(screen).toContain('(stdout is not a terminal)');
    expect(screen).toContain('EXIT=2');
  });
});

describe('characters the width tables disagree on', () => {
  // Hangul fillers (0 cells to string-width, 1+ to Ink, 2 to wcwidth), a soft hyphen, and
  // invisible formatting characters (0 cells to string-width, not to every terminal).
  const DISPUTED = ['\u3164', '\u115f', '\uffa0', '\u00ad', '\u200b', '\u2060', '\ufeff'];
  const LEFT_TO_RIGHT: Record<string, string> = { '│': '│', '╭': '╮', '╰': '╯' };

  /** Every bordered row of the screen ends with its border, and the top border is still on the first row. */
  function expectEveryBorder(lines: string[]): void {
    expect(lines[0]).toMatch(/^╭─ Parent.*╮.*╭─ Child.*╮$/);
    for (const [y, line] of lines.entries()) {
      const right = LEFT_TO_RIGHT[line[0] ?? ''];
      if (right !== undefined) expect({ y, line, last: line.at(-1) }).toEqual({ y, line, last: right });
    }
  }

  it('shows each by name in the input, the panes, the pipe and the trace, and no border moves', async () => {
    const chat = startChat(sessions);
    await chat.waitForText('typing at its keyboard');
    const typed = `${DISPUTED.map((c) => `${c}${c}${c}`).join('x')}END`;
    await chat.write(typed);
    const typedScreen = await chat.waitForText(/›.*END/);
    expectEveryBorder(typedScreen.split('\n'));
    expect(typedScreen).toContain('<U+FEFF>');
    await chat.press('enter');
    await chat.waitForText('C1 child→parent ✓ delivered');
    await chat.press('escape');
    await chat.waitForText('q quit');
    await chat.type('x');
    const screen = await chat.waitForText('trace: every read()');
    expect(screen).toContain('<U+3164>');
    expectEveryBorder(screen.split('\n'));
    chat.resize(80, 24);
    const redrawn = await chat.waitForScreen(
      (now, lines) => lines[0]?.endsWith('╮') && lines.some((l) => l.startsWith('╰')) && now.includes('<U+') && lines,
      'a redraw at 80x24 that shows the characters by name',
    );
    expectEveryBorder(redrawn);
  });
});
