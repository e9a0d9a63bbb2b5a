// `pipe-chat race`: the textbook's single turn, repeated many times over one link.
// Each trial: the parent is already waiting in read; the child writes "Who are you?",
// sleeps for the delay, then reads. On one shared pipe whoever reads first takes the
// bytes: the trial counts as stolen when the child reads back its own message (the
// parent is then blocked for good, and its read is cancelled: that is the cleanup),
// and as delivered when the parent gets it and answers. Nothing is simulated: each
// outcome is what a real read(2) in a real process returned.
import type { RaceOptions } from './args.js';
import type { PipeMode } from './ipc/events.js';
import type { Frame } from './ipc/framing.js';
import { PipeLink } from './ipc/link.js';
import { messagesFor, type Lang } from './i18n/index.js';
import { thisMachine } from './experiments/machine.js';
import { progressLine } from './experiments/progress.js';
import { toCsv } from './experiments/report-files.js';
import { wiringOf } from './experiments/wiring.js';

export const QUESTION = 'Who are you?';
export const ANSWER = 'Thank you';

export interface RaceSettings {
  mode: PipeMode;
  trials: number;
  /** The child's sleep between its write and its read. */
  delayMs: number;
  /** The parent's wait before it starts reading. */
  parentDelayMs?: number;
  childScript?: string;
  /** A trial that settles in no outcome within this time is an error. */
  trialTimeoutMs?: number;
  /** Called after each trial with how many are done (for a progress line). */
  onTrial?: (done: number) => void;
}

export interface RaceResult {
  pipes: 1 | 2;
  trials: number;
  delayMs: number;
  parentDelayMs: number;
  /** The child read back its own message. */
  stolen: number;
  /** The parent read the child's message (and answered). */
  delivered: number;
  /** Trials that ended with a read blocked on an empty pipe, cancelled to clean up. */
  deadlocked: number;
  durationMs: number;
  trialsPerSecond: number;
  childPid: number;
}

type Outcome = { stolen: boolean; delivered: boolean; deadlocked: boolean };

function nextChildRead(link: PipeLink): Promise<Frame> {
  return new Promise((resolve, reject) => {
    const stop = link.subscribe((event) => {
      if (event.type === 'message' && event.proc === 'child') {
        stop();
        resolve(event.frame);
      } else if (event.type === 'exit') {
        stop();
        reject(new Error(`the child exited during a trial (${event.signal ?? `code ${event.code}`}): ${link.childStderr.trim()}`));
      }
    });
  });
}

async function trial(link: PipeLink, parentDelayMs: number, timeoutMs: number): Promise<Outcome> {
  const childRead = nextChildRead(link);
  let cancelled = false;
  let cancelRead = (): void => {
    cancelled = true;
  };
  const parentSide = (async (): Promise<boolean> => {
    if (parentDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, parentDelayMs));
    if (cancelled) return false;
    const pending = link.read();
    cancelRead = () => pending.cancel();
    const frame = await pending.frame;
    if (frame?.writer !== 'child') return false;
    await link.write(ANSWER);
    return true;
  })();
  // Let the loop register the parent's read with epoll before the child writes (the C
  // reference's child sleeps 1 ms for the same reason: the parent is already in read()).
  await new Promise((resolve) => setImmediate(resolve));
  link.typeForChild(QUESTION);

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`a trial settled in no outcome within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const frame = await Promise.race([childRead, timeout]);
    const stolen = frame.writer === 'child';
    // After a steal nobody will ever write again: the parent's read would block forever.
    if (stolen) cancelRead();
    const delivered = await Promise.race([parentSide, timeout]);
    return { stolen, delivered, deadlocked: stolen };
  } finally {
    clearTimeout(timer);
  }
}

export async function race(settings: RaceSettings): Promise<RaceResult> {
  const link = await PipeLink.open({
    mode: settings.mode,
    turns: 0,
    childDelayMs: settings.delayMs,
    ...(settings.childScript ? { childScript: settings.childScript } : {}),
  });
  const parentDelayMs = settings.parentDelayMs ?? 0;
  let stolen = 0;
  let delivered = 0;
  let deadlocked = 0;
  const started = performance.now();
  try {
    for (let i = 0; i < settings.trials; i++) {
      const outcome = await trial(link, parentDelayMs, settings.trialTimeoutMs ?? 10_000 + settings.delayMs + parentDelayMs);
      if (outcome.stolen) stolen++;
      if (outcome.delivered) delivered++;
      if (outcome.deadlocked) deadlocked++;
      settings.onTrial?.(i + 1);
    }
  } finally {
    await link.close();
  }
  const durationMs = performance.now() - started;
  return {
    pipes: settings.mode === 'one' ? 1 : 2,
    trials: settings.trials,
    delayMs: settings.delayMs,
    parentDelayMs,
    stolen,
    delivered,
    deadlocked,
    durationMs: Math.round(durationMs),
    trialsPerSecond: Math.round((settings.trials / durationMs) * 1000),
    childPid: link.childPid,
  };
}

function percent(n: number, of: number): string {
  return `${((n / of) * 100).toFixed(1)}%`;
}

export function formatRace(result: RaceResult, lang: Lang): string {
  const t = messagesFor(lang).cli.race;
  return [
    t.title(result.pipes === 1 ? t.pipesOne : t.pipesTwo, result.trials, result.delayMs),
    `  ${t.stolen(result.stolen, percent(result.stolen, result.trials))}`,
    `  ${t.delivered(result.delivered, percent(result.delivered, result.trials))}`,
    `  ${t.deadlocked(result.deadlocked)}`,
    `  ${t.speed(result.trialsPerSecond)}`,
  ].join('\n');
}

export async function runRace(options: RaceOptions, lang: Lang): Promise<number> {
  const t = messagesFor(lang).cli;
  const progress = progressLine(process.stderr, options.output === 'text');
  const result = await race({
    mode: options.mode,
    trials: options.trials,
    delayMs: options.childDelayMs,
    parentDelayMs: options.parentDelayMs,
    onTrial: (done) => progress.update(() => t.race.progressOne(done, options.trials)),
  }).finally(() => progress.done());
  const machine = thisMachine();
  const row = { wiring: wiringOf(options.mode), ...result };
  if (options.output === 'json') process.stdout.write(`${JSON.stringify({ ...row, machine })}\n`);
  else if (options.output === 'csv') process.stdout.write(`${toCsv(machine, [row])}\n`);
  else {
    const note = options.pipesChosen ? '' : `\n${t.race.defaultWiring}`;
    process.stdout.write(`${formatRace(result, lang)}${note}\n${t.machine(machine)}\n`);
  }
  return 0;
}
