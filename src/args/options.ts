// What the command line means, as data: each command's options, and the problems a
// command line can have (data, not sentences, so the CLI says them in the user's language).
import type { AutoScript } from '../auto-script.js';
import type { Wiring } from '../ipc/events.js';
import type { Lang } from '../i18n/index.js';

export type { Lang };

/** The chat's layouts: three columns, or `big` (the panes side by side, the drawing under them) for large fonts. */
export const LAYOUTS = ['three', 'big'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface UiOptions {
  command: 'ui';
  /** From --wiring, or --pipes (2: two-pipes, 1: one-pipe); two-pipes by default. */
  wiring: Wiring;
  lang: Lang | null;
  childDelayMs: number;
  parentDelayMs: number;
  color: boolean;
  /** Auto-play: the conversation plays itself. */
  auto: boolean;
  /** A JSON file of lines for --auto (implies --auto). */
  scriptPath: string | null;
  /** Auto-play pace: 2 is twice as fast. */
  speed: number;
  /** Quit with status 0 once the conversation has ended (after the summary, or at a deadlock). */
  exitWhenDone: boolean;
  /** --step: step mode from the start (a --script with releases turns it on too). */
  step: boolean;
  /** --keep FILE: a keeper process appends every delivered message to this new file. */
  keepPath: string | null;
  /** --layout: three columns, or `big` (the panes side by side, the drawing under them) for large fonts. */
  layout: Layout;
}

/** What the UI is started with: the options, the language resolved, the lines for --auto. */
export interface AppOptions extends Omit<UiOptions, 'lang' | 'scriptPath' | 'keepPath'> {
  lang: Lang;
  script: AutoScript;
}

/** How an experiment prints its result: a report for people, or one file format. */
export type OutputFormat = 'text' | 'json' | 'csv';

export interface RaceOptions {
  command: 'race';
  wiring: Wiring;
  /** False when neither --wiring nor --pipes was given (the report says which wiring it chose). */
  wiringChosen: boolean;
  trials: number;
  childDelayMs: number;
  parentDelayMs: number;
  /** The child delays of a sweep (--sweep, --delays), or null for one race. */
  sweepDelaysMs: number[] | null;
  output: OutputFormat;
  color: boolean;
  lang: Lang | null;
}

export interface WritersOptions {
  command: 'writers';
  writers: number;
  /** One run per size: the default pair shows a message kept whole and one torn. */
  sizes: number[];
  messages: number;
  output: OutputFormat;
  color: boolean;
  lang: Lang | null;
}

/** The subcommands, by the name a user types ('chat' is pipe-chat alone). */
export type Command = 'chat' | 'race' | 'writers' | 'clean' | 'source' | 'lesson';

/** `pipe-chat clean`: what a crashed run of this user left, removed after a yes (--yes for scripts). */
export interface CleanOptions {
  command: 'clean';
  yes: boolean;
  lang: Lang | null;
}

/** `pipe-chat source NAME`: the channel's C program, printed whole (with the sleep when --child-delay is set); `keeper`: the keeper's (--keep). */
export interface SourceOptions {
  command: 'source';
  wiring: Wiring | 'keeper';
  childDelayMs: number;
  lang: Lang | null;
}

/** `pipe-chat lesson`: the chapter in order, a question before each run; --auto picks the answers and plays the runs. */
export interface LessonOptions {
  command: 'lesson';
  /** The step to start at, 1-based. */
  from: number;
  lang: Lang | null;
  color: boolean;
  auto: boolean;
  speed: number;
  /** Quit with status 0 once the summary has been shown. */
  exitWhenDone: boolean;
}

/** Why a number was refused, beyond being out of range. */
export type NumberFault = 'negative' | 'not-decimal' | 'spaces' | 'not-a-number' | 'out-of-range' | 'too-many';

export type UsageProblem =
  | { kind: 'unknown-option'; option: string }
  | { kind: 'missing-value'; option: string }
  | { kind: 'takes-no-value'; option: string }
  | { kind: 'unexpected-argument'; argument: string }
  | { kind: 'wrong-command'; option: string; command: Command; owners: Command[] }
  | { kind: 'conflict'; option: string; other: string }
  /** `pipe-chat source` with no channel name, or a name that is none (`given`). */
  | { kind: 'channel-name'; given: string | null; names: string[] }
  /** `pipe-chat race` on a one-way channel (pipe1): nobody reads back, so there is no race to run. */
  | { kind: 'no-race'; wiring: string }
  | { kind: 'bad-value'; option: string; value: string; expected: Expected; fault?: NumberFault };

/** What a value should have been, for the message. */
export type Expected =
  | { type: 'one-of'; values: string[] }
  | { type: 'number'; min: number; max: number; integer: boolean; list?: number };

export type Parsed =
  | UiOptions
  | RaceOptions
  | WritersOptions
  | CleanOptions
  | SourceOptions
  | LessonOptions
  | { command: 'help'; topic: Command; lang: Lang | null }
  | { command: 'version' }
  | { command: 'usage-error'; problem: UsageProblem; topic: Command; lang: Lang | null };
