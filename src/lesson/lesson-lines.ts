// The lesson's own screens as exact-width lines (Hangul counts two cells): the question
// asked before a step runs, the result after it, and the summary of the answers. Each
// is one bordered box as tall as the screen, its keys on the last line inside.
import type { Messages } from '../i18n/index.js';
import { tagOf } from '../app/views/phrases.js';
import { fitLine, framed, seg, wrapLine, type Line } from '../text/styled-lines.js';
import type { LessonState, StepRecord } from './lesson-reducer.js';
import { pickWasRight, tally } from './lesson-reducer.js';
import type { StepOutcome } from './outcome.js';
import type { RunnableStep } from './steps.js';

type Words = Messages['lesson'];

export interface Size {
  cols: number;
  /** The box's height: the terminal's rows less one. */
  height: number;
}

const GAP: Line = [];

/** Inside the border, one cell of margin on each side. */
const textWidth = (cols: number): number => Math.max(1, cols - 4);

/** Wrapped text, set in by the border and the margin (`cols`: the screen's width). */
function para(text: string, cols: number, tone?: Parameters<typeof seg>[1], indent = ''): Line[] {
  return wrapLine([seg(indent + text, tone)], textWidth(cols), indent).map((line) => [seg(' '), ...line]);
}

/** The box: the title in the top border, the body from the top, the keys on the last line inside. */
function screen(title: string, body: Line[], keys: string, { cols, height }: Size): Line[] {
  const inner = Math.max(0, height - 2);
  const shown = body.slice(0, Math.max(0, inner - 1));
  while (shown.length < inner - 1) shown.push(GAP);
  return framed([seg(title, 'title')], [...shown, [seg(' '), seg(keys, 'key')]], cols, height, 'accent');
}

function heading(w: Words, state: LessonState): string {
  return `${w.title} · ${w.step(state.at + 1, state.steps.length)}`;
}

/** `autoPick`: the answer auto-play has picked, said before the step runs. */
export function questionLines(w: Words, state: LessonState, step: RunnableStep, size: Size, autoPick: number | null = null): Line[] {
  const words = w.steps[step.id];
  const body: Line[] = [
    ...para(words.title, size.cols, 'title'),
    GAP,
    ...para(words.intro, size.cols),
    GAP,
    ...para(w.question, size.cols, 'accent'),
    ...para(words.question, size.cols, 'title'),
    GAP,
    ...words.answers.flatMap((answer, i) => wrapLine([seg(`   ${i + 1}  `, 'key'), seg(answer)], textWidth(size.cols), '      ').map((line) => [seg(' '), ...line])),
  ];
  if (autoPick !== null) body.push(GAP, ...para(w.autoPicked(autoPick + 1), size.cols, 'accent'));
  return screen(heading(w, state), body, `${w.keys.pick(words.answers.length)} · ${w.keys.quit}`, size);
}

function messageLines(w: Words, outcome: StepOutcome, width: number): Line[] {
  if (outcome.messages.length === 0) return para(w.noMessages, width);
  return outcome.messages.flatMap((m) => {
    const reader = m.reader === null ? w.reader.nobody : w.reader[m.reader];
    const tone = m.verdict === 'stolen' ? 'stolen' : m.verdict === 'delivered' ? 'ok' : m.reader === 'outside' ? 'warn' : undefined;
    const verdict = m.verdict ? w.verdict[m.verdict] : '';
    return para(w.message(tagOf(m.writer, m.seq), w.proc[m.writer], reader, verdict), width, tone, '  ');
  });
}

export function resultLines(w: Words, state: LessonState, step: RunnableStep, outcome: StepOutcome, size: Size, auto: boolean): Line[] {
  const words = w.steps[step.id];
  const record = state.records[state.at] as StepRecord;
  const right = pickWasRight(step, record);
  const pick = record.pick ?? 0;
  const answer = record.answer;
  const body: Line[] = [
    ...para(words.title, size.cols, 'title'),
    GAP,
    ...para(w.result, size.cols, 'accent'),
    ...messageLines(w, outcome, size.cols),
    ...(outcome.end ? para(`${outcome.end.title}: ${outcome.end.text}`, size.cols, 'dim', '  ') : []),
    GAP,
    ...para((record.auto ? w.pickedAuto : w.picked)(pick + 1, words.answers[pick] ?? ''), size.cols),
    ...(answer === null ? [] : para(`${right ? '✓' : '✗'} ${right ? w.right : w.wrong} ${w.showed(w.answer[answer])}`, size.cols, right ? 'ok' : 'warn')),
    GAP,
    ...para(`${w.why}: ${answer === null ? w.whyBroken : (words.why[answer] ?? w.whyOther)}`, size.cols),
  ];
  const keys = auto ? `${w.autoNext} · ${w.keys.quit}` : `${w.keys.next} · ${w.keys.quit}`;
  return screen(heading(w, state), body, keys, size);
}

/** One line a step, its mark first (✓ borne out, ✗ not, ? the run could not answer), so a long answer loses only its end. */
export function summaryLines(w: Words, state: LessonState, size: Size): Line[] {
  const rows = state.steps.map((step, i): Line => {
    const record = state.records[i] as StepRecord;
    const words = w.steps[step.id];
    const right = pickWasRight(step, record);
    const pick = record.pick === null ? w.summary.notAsked : `${record.pick + 1} ${words.answers[record.pick] ?? ''}`;
    const mark = record.ran && record.answer === null ? '?' : right === null ? ' ' : right ? '✓' : '✗';
    const tone = right === null ? 'dim' : right ? 'ok' : 'warn';
    return fitLine([seg(' '), seg(w.summary.row(mark, i + 1, words.title, pick), tone)], textWidth(size.cols) + 1);
  });
  const { right, asked } = tally(state);
  const body: Line[] = [...para(w.summary.title, size.cols, 'accent'), ...rows, GAP, ...para(w.summary.score(right, asked), size.cols, 'title'), ...para(w.summary.end, size.cols)];
  return screen(w.title, body, `${w.summary.keys}`, size);
}
