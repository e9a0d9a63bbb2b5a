// Every screen of the lesson fits 80x24 in both languages (Hangul counts two cells):
// 23 rows of exactly 80 cells, the border whole, and nothing cut off the end: the
// last answer, the last word of the why, the summary's last line all shown.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ko } from '../../src/i18n/ko.js';
import { initialLesson, reduceLesson } from '../../src/lesson/lesson-reducer.js';
import { questionLines, resultLines, summaryLines } from '../../src/lesson/lesson-lines.js';
import type { StepOutcome } from '../../src/lesson/outcome.js';
import { LESSON_STEPS, type Prediction, type RunnableStep } from '../../src/lesson/steps.js';
import { lineText, lineWidth, type Line } from '../../src/text/styled-lines.js';

const SIZE = { cols: 80, height: 23 };
// Every step, pipe1 too: its words must fit before its channel lands.
const steps = LESSON_STEPS as RunnableStep[];

/** The most a result can say: three turns, six messages, the longest banner the chat has. */
function longestOutcome(lang: typeof en): StepOutcome {
  const messages = [1, 2, 3].flatMap((seq) => [
    { writer: 'child' as const, seq, reader: 'child' as const, verdict: 'stolen' as const },
    { writer: 'parent' as const, seq, reader: 'outside' as const, verdict: null },
  ]);
  const banners = [lang.ui.banner.blockedForever(lang.ui.procLower.parent, lang.ui.procLower.child), lang.ui.banner.deadlockPipes];
  const text = banners.reduce((a, b) => (a.length > b.length ? a : b));
  return { messages, busy: true, eof: false, end: { title: lang.ui.banner.blockedForeverTitle, text }, broken: false };
}

function expectWhole(lines: Line[]): string {
  expect(lines).toHaveLength(SIZE.height);
  for (const line of lines) expect(lineWidth(line)).toBe(SIZE.cols);
  const text = lines.map(lineText);
  expect(text[0]?.startsWith('╭─ ')).toBe(true);
  expect(text.at(-1)).toBe(`╰${'─'.repeat(78)}╯`);
  for (const row of text.slice(1, -1)) expect(row).toMatch(/^│.*│$/);
  return text.join('\n');
}

/** A word at the end of a text, as the screen shows it (wrapping never cuts a word). */
const lastWord = (text: string) => text.trim().split(' ').at(-1) ?? '';

describe.each([
  ['en', en],
  ['ko', ko],
])('the lesson\'s screens in %s', (_, lang) => {
  it.each(steps.map((s, i) => [s.id, i] as const))('%s: its question and its longest result fit 80x24', (_id, at) => {
    const step = steps[at] as RunnableStep;
    const words = lang.lesson.steps[step.id];
    expect(words.answers).toHaveLength(step.answers.length);
    let state = initialLesson(steps, at + 1);
    const question = expectWhole(questionLines(lang.lesson, state, step, SIZE, 0));
    expect(question).toContain(lastWord(words.answers.at(-1) ?? ''));
    expect(question).toContain(lang.lesson.autoPicked(1));
    for (const answer of step.answers) {
      state = initialLesson(steps, at + 1);
      state = reduceLesson(reduceLesson(state, { type: 'picked', answer: step.answers.length - 1, auto: false }), { type: 'ran', answer: answer as Prediction });
      const result = expectWhole(resultLines(lang.lesson, state, step, longestOutcome(lang), SIZE, true));
      expect(result).toContain(lastWord(words.why[answer] ?? lang.lesson.whyOther));
    }
  });

  it('the summary of every step fits 80x24', () => {
    const state = { ...initialLesson(steps), screen: 'summary' as const, records: steps.map((s, i) => ({ pick: s.answers.length - 1, auto: false, ran: true, answer: i === 1 ? null : (s.answers[0] ?? null) })) };
    const summary = expectWhole(summaryLines(lang.lesson, state, SIZE));
    expect(summary).toContain(lastWord(lang.lesson.summary.end));
    // One row a step, its mark first: ✓ or ✗ as the run bore the pick out, ? where it could not answer.
    for (const [i, step] of steps.entries()) expect(summary).toContain(`${i === 1 ? '?' : step.answers.length === 1 ? '✓' : '✗'} ${i + 1}. ${lang.lesson.steps[step.id].title}`);
  });
});
