// The chapter as a lesson, in the textbook's order: one message one way (pipe1, with and
// without the close() of the unused ends), one pipe
// both ways without and with the sleep (pipe2), two pipes (pipe3), the three-turn
// exercise, the named pipe, then the rest of the family. Each step is data: the channel it
// runs, how many turns, the child's sleep, step mode's releases when the step shows one
// order on purpose, and what its question asks about the run. Its words are in the
// catalogue (src/i18n/lesson-en.ts, lesson-ko.ts), under the step's id.
import type { Proc, Wiring } from '../ipc/events.js';
import { WIRINGS } from '../channels/names.js';

/** What a question asks about the run, answered from the conversation's state afterwards. */
export type Asks =
  /** Who read the child's first message. */
  | 'first-reader'
  /** Whether any message was read by the process that wrote it. */
  | 'stolen'
  /** Whether a reader checked memory in a loop instead of waiting in the kernel. */
  | 'busy'
  /** Whether the parent's last read() returned 0: end of file. */
  | 'eof';

/** An answer a question offers, and what the run can show: who read, or yes / no. */
export type Prediction = 'parent' | 'child' | 'outside' | 'nobody' | 'yes' | 'no';

export type StepId =
  | 'pipe1'
  | 'pipe1-open-ends'
  | 'one-pipe'
  | 'one-pipe-sleep'
  | 'two-pipes'
  | 'exercise'
  | 'named'
  | 'queue'
  | 'shm'
  | 'shm-busy'
  | 'file'
  | 'threads'
  | 'signal'
  | 'tcp';

export interface LessonStep {
  id: StepId;
  /** A channel's name in the registry; a step whose channel is not there yet is left out of the lesson. */
  channel: string;
  turns: number;
  childDelayMs: number;
  /** Step mode's releases in order (the step makes the scheduler's choice on purpose); none: the kernel chooses. */
  releases: Proc[];
  asks: Asks;
  /** What each answer predicts, in the order of keys 1, 2, 3. */
  answers: Prediction[];
}

const step = (id: StepId, channel: string, asks: Asks, answers: Prediction[], more: Partial<LessonStep> = {}): LessonStep => ({
  id,
  channel,
  turns: 1,
  childDelayMs: 0,
  releases: [],
  asks,
  answers,
  ...more,
});

/** The textbook's sleep(2), in ms. */
export const TEXTBOOK_SLEEP_MS = 2000;

export const LESSON_STEPS: readonly LessonStep[] = [
  // One message one way, then what close() of the unused ends is for: the same program without it.
  step('pipe1', 'pipe1', 'eof', ['yes', 'no']),
  step('pipe1-open-ends', 'pipe1-open-ends', 'eof', ['yes', 'no']),
  // The child's write, then the child's read, then the parent's read: what the race allows, shown every time.
  step('one-pipe', 'one-pipe', 'first-reader', ['parent', 'child'], { releases: ['child', 'child', 'parent'] }),
  step('one-pipe-sleep', 'one-pipe', 'first-reader', ['parent', 'child'], { childDelayMs: TEXTBOOK_SLEEP_MS }),
  step('two-pipes', 'two-pipes', 'first-reader', ['parent', 'child']),
  step('exercise', 'two-pipes', 'stolen', ['no', 'yes'], { turns: 3 }),
  step('named', 'named', 'first-reader', ['parent', 'outside', 'child']),
  step('queue', 'queue', 'first-reader', ['parent', 'child']),
  step('shm', 'shm', 'busy', ['no', 'yes']),
  step('shm-busy', 'shm-busy', 'busy', ['no', 'yes']),
  step('file', 'file', 'busy', ['no', 'yes']),
  step('threads', 'threads', 'busy', ['no', 'yes']),
  step('signal', 'signal', 'first-reader', ['parent', 'child']),
  step('tcp', 'tcp', 'first-reader', ['parent', 'child']),
];

export type RunnableStep = LessonStep & { channel: Wiring };

export function isRunnable(s: LessonStep, channels: readonly string[] = WIRINGS): s is RunnableStep {
  return channels.includes(s.channel);
}

/** The steps this build can run: those whose channel is in the registry. */
export function lessonSteps(channels: readonly string[] = WIRINGS): RunnableStep[] {
  return LESSON_STEPS.filter((s): s is RunnableStep => isRunnable(s, channels));
}
