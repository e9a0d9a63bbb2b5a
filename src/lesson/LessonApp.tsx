// The lesson on screen: for each step its question (keys 1-3 pick), then the real chat
// on the step's channel (App, its lines played by themselves, held calls let go in the
// step's order), then the result, from the state the conversation ended in; at the end
// the summary of the answers. The lesson's keys go through the one input layer
// (hooks/use-keys.ts), mounted for the whole lesson and silent while the chat, which
// reads its own, is on screen.
import { Box, useApp, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { App } from '../app/App.js';
import { TooSmall } from '../app/components/TooSmall.js';
import { LinesView } from '../app/components/LinesView.js';
import { useKeys, type Command } from '../app/hooks/use-keys.js';
import { useTerminalSize, type TerminalSize } from '../app/hooks/use-terminal-size.js';
import type { RedrawRequests } from '../app/hooks/use-redraw.js';
import type { ConversationState } from '../app/state/model.js';
import type { InputMode } from '../app/state/ui-reducer.js';
import { isTooSmall } from '../app/views/layout.js';
import type { Messages } from '../i18n/index.js';
import type { ConversationSession } from '../session/conversation-session.js';
import { makeTheme, type Theme } from '../text/theme.js';
import type { Line } from '../text/styled-lines.js';
import { initialLesson, reduceLesson, type LessonState } from './lesson-reducer.js';
import { questionLines, resultLines, summaryLines } from './lesson-lines.js';
import { answerOf, outcomeOf, type StepOutcome } from './outcome.js';
import type { RunnableStep } from './steps.js';

/** Under this width a step's chat starts in the big layout, for the projector. */
export const BIG_LAYOUT_BELOW_COLS = 100;

/** How long auto-play leaves each screen up at speed 1 (divided by --speed). */
export const LESSON_PACE = { questionMs: 3000, pickedMs: 1000, resultMs: 5000, summaryMs: 3000 } as const;

export interface LessonSettings {
  from: number;
  color: boolean;
  /** Answers picked (always the first) and screens turned by themselves. */
  auto: boolean;
  speed: number;
  /** Quit once the summary has been on screen. */
  exitWhenDone: boolean;
}

export interface LessonAppProps {
  steps: RunnableStep[];
  options: LessonSettings;
  messages: Messages;
  /** The session a step runs in (the step before's closed first); null once the lesson is closing. */
  openStep: (step: RunnableStep) => ConversationSession | null;
  /** The step's run is over: its processes go. */
  endStep: () => void;
  size?: TerminalSize;
  suspend?: () => void;
  redraws?: RedrawRequests;
}

export function LessonApp({ steps, options, messages, openStep, endStep, size, suspend, redraws }: LessonAppProps) {
  const { exit } = useApp();
  const { cols, rows } = useTerminalSize(size);
  const [state, dispatch] = useReducer(reduceLesson, undefined, () => initialLesson(steps, options.from));
  const [run, setRun] = useState<{ session: ConversationSession; step: RunnableStep } | null>(null);
  const [outcome, setOutcome] = useState<StepOutcome | null>(null);
  const [mode, setMode] = useState<InputMode>('text');
  // Auto-play's pick, said on the question screen for a moment before the step runs.
  const [autoPick, setAutoPick] = useState<number | null>(null);
  const step = state.steps[state.at];
  const screen = state.screen;
  const pick = useCallback(
    (answer: number, auto: boolean) => {
      if (state.screen !== 'question' || !step || answer >= step.answers.length) return;
      const session = openStep(step);
      if (!session) return;
      setRun({ session, step });
      dispatch({ type: 'picked', answer, auto });
    },
    [state.screen, step, openStep],
  );
  const ended = useCallback(
    (conversation: ConversationState) => {
      if (!run) return;
      const seen = outcomeOf(conversation, messages.ui);
      endStep();
      setOutcome(seen);
      setRun(null);
      dispatch({ type: 'ran', answer: seen.broken ? null : answerOf(run.step.asks, seen) });
    },
    [run, messages.ui, endStep],
  );
  // Mounted for the whole lesson, so no key falls between the chat's screen and the next; while the chat runs, its own input layer has every key.
  const command = (c: Command): void => {
    if (screen === 'running') return;
    if (c === 'quit') exit();
    else if (c === 'suspend') suspend?.();
    else if (c === 'keys-mode') setMode('keys');
    else if (c === 'typing-mode') setMode('text');
  };
  const typed = (text: string, key: Key): void => {
    if (screen === 'running') return;
    setMode('text');
    const n = /^[1-3]$/.test(text) ? Number(text) - 1 : null;
    if (screen === 'question' && n !== null) pick(n, false);
    else if (screen === 'result' && (key.return || text === ' ')) dispatch({ type: 'next' });
    else if (screen === 'summary' && (key.return || text === 'q')) exit();
  };
  useKeys({ mode: screen === 'running' ? 'text' : mode, command, typed });
  // Auto-play: the first answer, then the next screen; --exit-when-done ends at the summary.
  const speed = options.speed > 0 ? options.speed : 1;
  useEffect(() => {
    const after = (ms: number, then: () => void) => {
      const timer = setTimeout(then, Math.round(ms / speed));
      return () => clearTimeout(timer);
    };
    if (screen === 'question' && options.auto && autoPick === null) return after(LESSON_PACE.questionMs, () => setAutoPick(0));
    if (screen === 'question' && autoPick !== null)
      return after(LESSON_PACE.pickedMs, () => {
        setAutoPick(null);
        pick(autoPick, true);
      });
    if (screen === 'result' && options.auto) return after(LESSON_PACE.resultMs, () => dispatch({ type: 'next' }));
    if (screen === 'summary' && options.exitWhenDone) return after(LESSON_PACE.summaryMs, () => exit());
    return undefined;
  }, [screen, state.at, autoPick, options.auto, options.exitWhenDone, speed, pick, exit]);

  if (screen === 'running' && run) {
    // The chat as the chat runs it (the big layout on a small screen): its lines typed by auto-play at the lesson's pace, on to the result once it has ended.
    const lines = messages.lesson.lines;
    const autoPlay = { auto: true, script: { child: lines.child, parent: lines.parent, releases: run.step.releases }, speed: options.speed, exitWhenDone: true, endAtFailure: true };
    return (
      <App
        key={state.at}
        session={run.session}
        options={{ wiring: run.step.channel, color: options.color, layout: cols < BIG_LAYOUT_BELOW_COLS ? 'big' : 'three' }}
        messages={messages}
        autoPlay={autoPlay}
        onEnded={ended}
        {...(size ? { size } : {})}
        {...(suspend ? { suspend } : {})}
        {...(redraws ? { redraws } : {})}
      />
    );
  }
  return <LessonPage state={state} outcome={outcome} autoPick={autoPick} options={options} messages={messages} cols={cols} rows={rows} />;
}

interface LessonPageProps {
  state: LessonState;
  outcome: StepOutcome | null;
  autoPick: number | null;
  options: LessonSettings;
  messages: Messages;
  cols: number;
  rows: number;
}

/** The question, the result or the summary. */
function LessonPage({ state, outcome, autoPick, options, messages, cols, rows }: LessonPageProps) {
  const theme: Theme = useMemo(() => makeTheme(options.color), [options.color]);
  const w = messages.lesson;
  const step = state.steps[state.at];
  const screen = state.screen;

  if (isTooSmall(cols, rows)) return <TooSmall t={messages.ui} cols={cols} rows={rows} />;
  const box = { cols, height: rows - 1 };
  let lines: Line[];
  if (screen === 'summary' || !step) lines = summaryLines(w, state, box);
  else if (screen === 'result' && outcome) lines = resultLines(w, state, step, outcome, box, options.auto);
  else lines = questionLines(w, state, step, box, autoPick);
  return (
    <Box width={cols} height={rows - 1}>
      <LinesView lines={lines} theme={theme} width={cols} />
    </Box>
  );
}
