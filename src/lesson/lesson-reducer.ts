// Where the lesson stands, as a pure reducer: which step, which of its three screens
// (the question, the chat running, the result), the class's pick for each step and what
// each run answered; then the summary. Time and runs come in on actions, never from inside.
import type { Prediction, RunnableStep } from './steps.js';

export type Screen = 'question' | 'running' | 'result' | 'summary';

export interface StepRecord {
  /** The answer picked, by index (key 1 is 0); null until picked. */
  pick: number | null;
  /** Picked by auto-play rather than by the class. */
  auto: boolean;
  /** The step has run (its result was shown). */
  ran: boolean;
  /** What the run answered; null until it ended, or when it could not run to its end. */
  answer: Prediction | null;
}

export interface LessonState {
  steps: RunnableStep[];
  at: number;
  screen: Screen;
  records: StepRecord[];
}

export type LessonAction =
  | { type: 'picked'; answer: number; auto: boolean }
  /** `answer`: null when the run could not answer (its conversation failed to start, or its child died). */
  | { type: 'ran'; answer: Prediction | null }
  | { type: 'next' };

/** The lesson from step `from` (1-based, within the steps this build runs); the steps before it are not asked. */
export function initialLesson(steps: RunnableStep[], from = 1): LessonState {
  const at = Math.min(Math.max(0, from - 1), steps.length);
  return { steps, at, screen: at < steps.length ? 'question' : 'summary', records: steps.map(() => ({ pick: null, auto: false, ran: false, answer: null })) };
}

export function reduceLesson(state: LessonState, action: LessonAction): LessonState {
  const step = state.steps[state.at];
  switch (action.type) {
    case 'picked':
      if (state.screen !== 'question' || !step || action.answer < 0 || action.answer >= step.answers.length) return state;
      return { ...state, screen: 'running', records: withRecord(state.records, state.at, { pick: action.answer, auto: action.auto }) };
    case 'ran':
      if (state.screen !== 'running') return state;
      return { ...state, screen: 'result', records: withRecord(state.records, state.at, { ran: true, answer: action.answer }) };
    case 'next': {
      if (state.screen !== 'result') return state;
      const at = state.at + 1;
      return { ...state, at, screen: at < state.steps.length ? 'question' : 'summary' };
    }
  }
}

function withRecord(records: StepRecord[], at: number, change: Partial<StepRecord>): StepRecord[] {
  return records.map((r, i) => (i === at ? { ...r, ...change } : r));
}

/** Whether the class's pick matched what the run showed; null before both are known. */
export function pickWasRight(step: RunnableStep, record: StepRecord): boolean | null {
  if (record.pick === null || record.answer === null) return null;
  return step.answers[record.pick] === record.answer;
}

/** The steps whose run answered their question (from --from on), and how many picks the runs bore out. */
export function tally(state: LessonState): { asked: number; right: number } {
  const asked = state.records.filter((r) => r.answer !== null);
  return { asked: asked.length, right: state.steps.filter((s, i) => pickWasRight(s, state.records[i] as StepRecord) === true).length };
}
