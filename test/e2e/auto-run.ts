// What a recorder does with `pipe-chat --auto --exit-when-done`, shared by the auto-play
// and the packed-tarball tests: wait for the stable words of each step on the screen,
// then check that the program left as a quit does (status 0, the shell's screen and
// cursor back, no child left).
import { expect } from 'vitest';
import { waitForNoLeftovers, type PtySession } from '../support/pty.js';

export interface Lines {
  child: string[];
  parent: string[];
}

/** The English default lines (src/i18n/en.ts `cli.autoLines`). */
export const DEFAULT_LINES: Lines = {
  child: ['Who are you?', 'What is a pipe?', 'Thank you, bye!'],
  parent: ['I am your parent.', 'A one-way channel in the kernel.', 'Bye, my child.'],
};

/** The catalogue's words the steps are recognised by. */
export interface Words {
  child: string;
  turn: (k: number) => string;
  done: string;
}

export const ENGLISH: Words = { child: 'Child', turn: (k) => `turn ${k}/3`, done: 'DONE' };
export const KOREAN: Words = { child: '자식', turn: (k) => `턴 ${k}/3`, done: '대화가 끝났습니다' };

/** Enough of a line to be found even when the pane wraps it. */
function head(line: string): string {
  return [...line].slice(0, 16).join('');
}

/** Follows the three turns over two pipes up to the summary; returns the child's PID and the screen that showed the end. */
export async function followThreeTurns(
  session: PtySession,
  lines: Lines = DEFAULT_LINES,
  words: Words = ENGLISH,
  timeoutMs = 20_000,
): Promise<{ childPid: number; end: string }> {
  const wait = { timeoutMs };
  const title = new RegExp(`${words.child} · PID (\\d+)`);
  const first = await session.waitForText(title, wait);
  const childPid = Number(title.exec(first)?.[1]);
  for (let k = 1; k <= 3; k++) {
    await session.waitForText(words.turn(k), wait);
    await session.waitForText(`from Child: ${head(lines.child[k - 1] ?? '')}`, wait);
    await session.waitForText(`from Parent: ${head(lines.parent[k - 1] ?? '')}`, wait);
  }
  const end = await session.waitForText(words.done, wait);
  return { childPid, end };
}

export async function expectCleanExit(session: PtySession, childPid: number, timeoutMs = 10_000): Promise<void> {
  expect(await session.waitForExit({ timeoutMs })).toEqual({ exitCode: 0, signal: undefined });
  expect(session.isAltScreen()).toBe(false);
  expect(session.isCursorVisible()).toBe(true);
  await waitForNoLeftovers(session);
  expect(childPid).toBeGreaterThan(0);
  expect(() => process.kill(childPid, 0)).toThrow();
}
