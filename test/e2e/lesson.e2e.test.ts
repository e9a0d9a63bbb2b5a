// `pipe-chat lesson --auto --exit-when-done` in a real 80x24 pseudo-terminal, English
// and Korean side by side: every step's question, its chat and its result come in the
// chapter's order, no frame seen has a broken border, the summary ends it, and the
// program leaves with status 0, the shell's screen back and no child of ours left.
// It runs at --speed 4, the pace a class would record it at: about a minute, nearly all
// of it waiting on the lesson's own pauses (a sixth more CPU than at --speed 20).
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ko } from '../../src/i18n/ko.js';
import type { Messages } from '../../src/i18n/index.js';
import { lessonSteps } from '../../src/lesson/steps.js';
import { ptySessions, waitForNoLeftovers, type PtySession } from '../support/pty.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

const LEFT_TO_RIGHT: Record<string, string> = { '│': '│', '╭': '╮', '╰': '╯', '┃': '┃', '┏': '┓', '┗': '┛' };

/** The rows whose box does not close where it opened: a row that starts with a border ends with its other side. */
function brokenRows(lines: string[]): string[] {
  return lines.filter((line) => {
    const right = LEFT_TO_RIGHT[line[0] ?? ''];
    return right !== undefined && line.at(-1) !== right;
  });
}

async function playLesson(lang: 'en' | 'ko', words: Messages): Promise<void> {
  const steps = lessonSteps();
  const lesson: PtySession = sessions.start({ args: ['lesson', '--lang', lang, '--auto', '--speed', '4', '--exit-when-done'], cols: 80, rows: 24, env: { CI: 'false', LANG: 'en_US.UTF-8' } });
  const broken: string[] = [];
  let previous = '';
  /**
   * Waits for `text`, holding every frame seen meanwhile to its borders. A frame is judged
   * once it is seen twice in a row: one caught while it was being drawn (its lower rows
   * still blank) is not a broken border.
   */
  const see = (text: string) =>
    lesson.waitFor(
      () => {
        const screen = lesson.screen();
        if (screen === previous && brokenRows(lesson.lines()).length > 0 && !broken.includes(screen)) broken.push(screen);
        previous = screen;
        return screen.includes(text);
      },
      `"${text}"`,
      { timeoutMs: 20_000 },
    );
  for (const [i, step] of steps.entries()) {
    await see(words.lesson.step(i + 1, steps.length));
    await see(words.lesson.steps[step.id].title);
    await see(words.lesson.autoPicked(1));
    await see(words.lesson.result);
  }
  await see(words.lesson.summary.title);
  await see(words.lesson.summary.score(0, steps.length).split(' ').at(-1) ?? '');
  expect(await lesson.waitForExit({ timeoutMs: 10_000 })).toEqual({ exitCode: 0, signal: undefined });
  expect(broken).toEqual([]);
  expect(lesson.isAltScreen()).toBe(false);
  expect(lesson.isCursorVisible()).toBe(true);
  await waitForNoLeftovers(lesson);
}

describe('pipe-chat lesson in a terminal', () => {
  it('plays every step to the summary and exits 0 at 80x24, in English and in Korean, with no broken border', async () => {
    await Promise.all([playLesson('en', en), playLesson('ko', ko)]);
  }, 150_000);
});
