// The built program in a real pseudo-terminal, asserting on the visible screen: the
// three turns over two pipes, quitting (screen and cursor back, no child left), resize,
// Ctrl+C, the live toggle to one shared pipe with a forced steal and the deadlock, and
// a Korean line through both modes.
import { afterEach, describe, expect, it } from 'vitest';
import { ptySessions, waitForNoLeftovers } from '../support/pty.js';
import { say, startChat, turn } from '../support/chat-turns.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

/** Which process waits at its keyboard, from the state row of the two panes (parent left, child right). */
function waitingAt(lines: string[]): 'parent' | 'child' | null {
  const row = lines[1] ?? '';
  const half = Math.floor(row.length / 2);
  if (row.slice(half).includes('typing at its keyboard')) return 'child';
  if (row.slice(0, half).includes('typing at its keyboard')) return 'parent';
  return null;
}

/** How a one-pipe conversation ends: two processes waiting on each other, or one waiting alone for good. */
const ENDED = /DEADLOCK|BLOCKED FOREVER/;

describe('pipe-chat in a terminal', () => {
  it('plays three turns over two pipes: both panes show each message, the turn counter moves', async () => {
    const session = startChat(sessions);
    const first = await session.waitForText('[two pipes]');
    expect(session.isAltScreen()).toBe(true);
    expect(first).toContain('turn 1/3');
    await turn(session, 'Who are you?', 'I am your parent');
    await session.waitForText('turn 2/3');
    await turn(session, 'Where are we?', 'In a pipe');
    await session.waitForText('turn 3/3');
    await turn(session, 'Bye', 'Bye too');
    const screen = await session.waitForText('The conversation is over');
    expect(screen).toContain('from Child: Who are you?');
    expect(screen).toContain('from Parent: I am your parent');
    expect(screen).toContain('C3 child→parent ✓ delivered');
    expect(screen).toContain('delivered 6');
    expect(screen).toMatch(/Parent · PID \d+/);
    expect(screen).toMatch(/Child · PID \d+/);
  });

  it('quits with q: the normal screen and the cursor come back and no child is left', async () => {
    const chat = startChat(sessions);
    const ready = await chat.waitForText('typing at its keyboard');
    const childPid = Number(/Child · PID (\d+)/.exec(ready)?.[1]);
    expect(childPid).toBeGreaterThan(0);
    await chat.press('escape');
    await chat.waitForText('q quit');
    await chat.type('q');
    expect(await chat.waitForExit()).toMatchObject({ exitCode: 0 });
    expect(chat.isAltScreen()).toBe(false);
    expect(chat.isCursorVisible()).toBe(true);
    await waitForNoLeftovers(chat);
    expect(() => process.kill(childPid, 0)).toThrow();
  });

  it('quits on Ctrl+C even while typing, killing the child first', async () => {
    const chat = startChat(sessions);
    await chat.waitForText('typing at its keyboard');
    await chat.type('half a line');
    await chat.waitForText('› half a line');
    await chat.press('ctrlC');
    expect(await chat.waitForExit()).toMatchObject({ exitCode: 0 });
    expect(chat.isAltScreen()).toBe(false);
    expect(chat.isCursorVisible()).toBe(true);
    await waitForNoLeftovers(chat);
  });

  it('relayouts on resize, shows "too small" below 80x24, and recovers', async () => {
    const chat = startChat(sessions, { cols: 100, rows: 30 });
    await chat.waitForText('typing at its keyboard');
    chat.resize(70, 20);
    await chat.waitForText('need 80x24, have 70x20');
    chat.resize(80, 24);
    // Wait for the last line of the frame: Ink's write of a whole frame may arrive in pieces.
    await chat.waitForText('[two pipes]');
    const lines = (await chat.waitForText('typing at its keyboard')).split('\n');
    expect(lines[0]).toMatch(/^╭─ Parent · PID \d+ .*╮ *╭─ Child · PID \d+ .*╮$/);
  });

  it('toggles to one shared pipe, forces a steal with the parent delay, shows STOLEN and the deadlock; restarts; back to two pipes for three clean turns', async () => {
    const chat = startChat(sessions);
    await chat.waitForText('typing at its keyboard');
    // The parent's read delay first: it applies from the next read(), and the session that
    // the toggle forks starts with it (a read already blocked cannot be delayed any more).
    await chat.press('escape');
    // Keys mode first: a loaded machine can deliver ESC and the next key in one read, which is Alt+p, not Esc then p.
    await chat.waitForText('q quit');
    await chat.type('p');
    await chat.waitForText('parent read delay 200 ms');
    await chat.press('ctrlT');
    await chat.waitForText('switched to one shared pipe');
    await chat.waitForText('[one shared pipe]');
    await chat.press('enter');
    await chat.waitForText(/Child · PID \d+[\s\S]*typing at its keyboard/);
    await say(chat, 'one');
    // The parent reads 200 ms after the child's line: the child takes C1 back, every time.
    await chat.waitForText('C1 child→child ✗ STOLEN');
    // From here the parent is already blocked in read(), and the kernel decides each
    // message (a race, either way): play on as a user would, typing for whichever
    // process waits at its keyboard, until the end.
    const sent = { child: 1, parent: 0 };
    let screen = '';
    for (let step = 0; step < 10; step++) {
      const seen = await chat.waitForScreen((now, lines) => {
        const waiting = waitingAt(lines);
        return ENDED.test(now) || waiting ? { now, waiting } : undefined;
      }, 'a process at its keyboard, or the end: a deadlock or a process blocked for good');
      screen = seen.now;
      if (ENDED.test(screen)) break;
      const proc = seen.waiting as 'parent' | 'child';
      sent[proc] += 1;
      await say(chat, `${proc} ${sent[proc]}`);
      await chat.waitForText(`${proc === 'child' ? 'C' : 'P'}${sent[proc]} ${proc}→`);
    }
    expect(screen).toMatch(ENDED);
    expect(screen).toMatch(/stolen [1-9]/);
    expect(screen).toMatch(/each waits for the other|never write again/);
    await chat.press('escape');
    await chat.waitForText('COMMAND KEY:');
    await chat.type('r');
    await chat.waitForText('new conversation');
    await chat.waitForGone(ENDED);
    await chat.press('ctrlT');
    await chat.waitForText('[two pipes]');
    for (const n of [1, 2, 3]) await turn(chat, `clean ${n}`, `answer ${n}`);
    const end = await chat.waitForText('The conversation is over');
    expect(end).toContain('C3 child→parent ✓ delivered');
    expect(end).toContain('P3 parent→child ✓ delivered');
  });

  it('sends a Korean line through two pipes and through the shared pipe intact', async () => {
    const chat = startChat(sessions, { lang: 'ko' });
    await chat.waitForText('키보드 입력 기다림');
    await say(chat, '안녕하세요 누구세요');
    await chat.waitForText('from Child: 안녕하세요 누구세요');
    await say(chat, '나는 부모');
    await chat.waitForText('from Parent: 나는 부모');
    await chat.press('ctrlT');
    await chat.waitForText('공유 파이프 하나로 전환');
    await chat.waitForText('키보드 입력 기다림');
    await say(chat, '한글 두 번째');
    // Whoever reads it, the text arrives whole: in the parent's pane or back in the child's.
    await chat.waitForText(/from (Child|Parent): 한글 두 번째/);
  });
});
