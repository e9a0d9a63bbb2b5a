// Command-line parsing for every command (the chat, `race`, `writers`), pure:
// it turns argv into options or a usage problem, and never prints or exits itself.
// Problems are data, not English sentences, so that the CLI can say them in the
// user's language (see `cli.usageProblem` in the catalogue).
import { parseArgs } from 'node:util';
import type { AutoScript } from './auto-script.js';
import { WIRINGS, modeOfWiring, wiringOfMode, type PipeMode, type Wiring } from './ipc/events.js';
import type { Lang } from './i18n/index.js';

export type { Lang };

export interface UiOptions {
  command: 'ui';
  /** From --wiring, or --pipes (2: two-pipes, 1: one-pipe); two-pipes by default. */
  wiring: Wiring;
  /** The wiring as the UI's two modes: 'one' for one-pipe and named, 'two' for two-pipes and socket. */
  mode: PipeMode;
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
}

/** What the UI is started with: the options, the language resolved, the lines for --auto. */
export interface AppOptions extends Omit<UiOptions, 'lang' | 'scriptPath'> {
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
export type Command = 'chat' | 'race' | 'writers';

/** Why a number was refused, beyond being out of range. */
export type NumberFault = 'negative' | 'not-decimal' | 'spaces' | 'not-a-number' | 'out-of-range' | 'too-many';

export type UsageProblem =
  | { kind: 'unknown-option'; option: string }
  | { kind: 'missing-value'; option: string }
  | { kind: 'unexpected-argument'; argument: string }
  | { kind: 'wrong-command'; option: string; command: Command; owners: Command[] }
  | { kind: 'conflict'; option: string; other: string }
  | { kind: 'bad-value'; option: string; value: string; expected: Expected; fault?: NumberFault };

/** What a value should have been, for the message. */
export type Expected =
  | { type: 'one-of'; values: string[] }
  | { type: 'number'; min: number; max: number; integer: boolean; list?: number };

export type Parsed =
  | UiOptions
  | RaceOptions
  | WritersOptions
  | { command: 'help'; topic: Command; lang: Lang | null }
  | { command: 'version' }
  | { command: 'usage-error'; problem: UsageProblem; topic: Command; lang: Lang | null };

class UsageError extends Error {
  constructor(readonly problem: UsageProblem) {
    super(problem.kind);
  }
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  lang: { type: 'string' },
  'no-color': { type: 'boolean' },
  pipes: { type: 'string' },
  wiring: { type: 'string' },
  'child-delay': { type: 'string' },
  'parent-delay': { type: 'string' },
  // the chat's
  auto: { type: 'boolean' },
  script: { type: 'string' },
  speed: { type: 'string' },
  'exit-when-done': { type: 'boolean' },
  // the experiments'
  trials: { type: 'string' },
  delay: { type: 'string' },
  sweep: { type: 'boolean' },
  delays: { type: 'string' },
  writers: { type: 'string' },
  size: { type: 'string' },
  messages: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Which commands take each option; an option missing here is taken by all. */
const OWNERS: Partial<Record<OptionName, Command[]>> = {
  pipes: ['chat', 'race'],
  wiring: ['chat', 'race'],
  'child-delay': ['chat', 'race'],
  'parent-delay': ['chat', 'race'],
  auto: ['chat'],
  script: ['chat'],
  speed: ['chat'],
  'exit-when-done': ['chat'],
  trials: ['race'],
  delay: ['chat', 'race'],
  sweep: ['race'],
  delays: ['race'],
  writers: ['writers'],
  size: ['writers'],
  messages: ['writers'],
  json: ['race', 'writers'],
  csv: ['race', 'writers'],
};

const MAX_DELAY_MS = 60_000;
/** The sweep's chart has one column per delay and must fit 80 columns. */
const MAX_SWEEP_DELAYS = 10;
const MAX_SIZES = 4;
export const DEFAULT_SWEEP_DELAYS_MS = [0, 0.05, 0.1, 0.25, 0.5, 1, 2];
export const DEFAULT_WRITER_SIZES = [4096, 262144];
const MAX_WRITERS = 16;
const MAX_SIZE = 1024 * 1024;
const MIN_SIZE = 16;
const MAX_MESSAGES = 100;

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Why a written number is refused, or null if it is a plain decimal number (range aside). */
function numberFault(raw: string, integer: boolean): NumberFault | null {
  if (raw !== raw.trim() || raw === '') return raw.trim() === '' ? 'not-a-number' : 'spaces';
  if (raw.startsWith('-') && Number.isFinite(Number(raw))) return 'negative';
  if (/^[+-]?0[xob]/i.test(raw)) return 'not-decimal';
  return (integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(raw) ? null : 'not-a-number';
}

function parseNumber(option: string, raw: string, { min = 0, max = MAX_DELAY_MS, integer = false }: NumberRule, list?: number): number {
  const expected: Expected = { type: 'number', min, max, integer, ...(list ? { list } : {}) };
  const fault = numberFault(raw, integer);
  const value = Number(raw);
  if (fault || value < min || value > max) throw new UsageError({ kind: 'bad-value', option, value: raw, expected, fault: fault ?? 'out-of-range' });
  return value;
}

function number(option: string, raw: string | undefined, fallback: number, rule: NumberRule = {}): number {
  return raw === undefined ? fallback : parseNumber(option, raw, rule);
}

/** A comma-separated list of numbers ("0,0.05,2"): sorted, each once, at most `most`. */
function numberList(option: string, raw: string | undefined, fallback: number[], rule: NumberRule, most: number): number[] {
  if (raw === undefined) return fallback;
  const values = [...new Set(raw.split(',').map((item) => parseNumber(option, item, rule, most)))].sort((a, b) => a - b);
  if (values.length > most) {
    const { min = 0, max = MAX_DELAY_MS, integer = false } = rule;
    throw new UsageError({ kind: 'bad-value', option, value: raw, expected: { type: 'number', min, max, integer, list: most }, fault: 'too-many' });
  }
  return values;
}

function oneOf<T extends string>(option: string, raw: string | undefined, values: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError({ kind: 'bad-value', option, value: raw, expected: { type: 'one-of', values: [...values] } });
}

/** --lang as written, even on a command line that fails to parse, so the error speaks that language. */
function langFromArgv(argv: readonly string[]): Lang | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'ko') return value;
  }
  return null;
}

/** The subcommand named on the command line, even one that fails to parse, for the help it points to. */
function commandFromArgv(argv: readonly string[]): Command {
  const named = argv.find((arg) => arg === 'race' || arg === 'writers');
  return named === 'race' || named === 'writers' ? named : 'chat';
}

/**
 * parseArgs takes "-5" after an option for another option, and reports a missing value.
 * Glue a value that looks like a negative number to its option, so that it reaches the
 * number check and is refused for what it is.
 */
function glueNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? (arg.slice(2) as OptionName) : null;
    if (name && OPTIONS[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Node's parseArgs errors carry the option in their message; turn them into problems. */
function problemFromNode(error: Error & { code?: string }): UsageProblem {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { kind: 'missing-value', option };
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return { kind: 'unexpected-argument', argument: option };
  return { kind: 'unknown-option', option };
}

function outputFormat(values: { json?: boolean; csv?: boolean }): OutputFormat {
  if (values.json && values.csv) throw new UsageError({ kind: 'conflict', option: '--json', other: '--csv' });
  return values.json ? 'json' : values.csv ? 'csv' : 'text';
}

/** --wiring, or its older form --pipes 1|2; undefined when neither is given. */
function chosenWiring(values: { pipes?: string; wiring?: string }): Wiring | undefined {
  if (values.pipes !== undefined && values.wiring !== undefined) throw new UsageError({ kind: 'conflict', option: '--pipes', other: '--wiring' });
  const pipes = oneOf('--pipes', values.pipes, ['1', '2'] as const);
  if (pipes) return wiringOfMode(pipes === '1' ? 'one' : 'two');
  return oneOf('--wiring', values.wiring, WIRINGS);
}

export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Parsed {
  const langOption = langFromArgv(argv);
  const topic = commandFromArgv(argv);
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: glueNegativeValues(argv), strict: true, allowPositionals: true, options: OPTIONS });
    } catch (error) {
      throw new UsageError(problemFromNode(error as Error & { code?: string }));
    }
    const { values, positionals } = parsed;
    const command: Command = positionals[0] === 'race' || positionals[0] === 'writers' ? positionals[0] : 'chat';
    const extra = positionals[command === 'chat' ? 0 : 1];
    if (extra !== undefined) throw new UsageError({ kind: 'unexpected-argument', argument: extra });
    oneOf('--lang', values.lang, ['en', 'ko'] as const);
    if (values.help) return { command: 'help', topic: command, lang: langOption };
    if (values.version) return { command: 'version' };
    for (const [name, owners] of Object.entries(OWNERS)) {
      if (values[name as OptionName] !== undefined && !owners.includes(command)) {
        throw new UsageError({ kind: 'wrong-command', option: `--${name}`, command, owners });
      }
    }
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    const color = !values['no-color'] && !env.NO_COLOR;

    if (command === 'writers') {
      return {
        command,
        writers: number('--writers', values.writers, 4, { min: 1, max: MAX_WRITERS, integer: true }),
        sizes: numberList('--size', values.size, DEFAULT_WRITER_SIZES, { min: MIN_SIZE, max: MAX_SIZE, integer: true }, MAX_SIZES),
        messages: number('--messages', values.messages, 20, { min: 1, max: MAX_MESSAGES, integer: true }),
        output: outputFormat(values),
        color,
        lang: langOption,
      };
    }
    const wiring = chosenWiring(values);
    const parentDelayMs = number('--parent-delay', values['parent-delay'], 0);
    if (values['child-delay'] !== undefined && values.delay !== undefined) {
      throw new UsageError({ kind: 'conflict', option: '--child-delay', other: '--delay' });
    }
    const childDelayOption = values.delay !== undefined ? '--delay' : '--child-delay';
    const childDelayMs = number(childDelayOption, values['child-delay'] ?? values.delay, 0);
    if (command === 'race') {
      const sweep = Boolean(values.sweep) || values.delays !== undefined;
      if (sweep && (values['child-delay'] ?? values.delay) !== undefined) {
        throw new UsageError({ kind: 'conflict', option: childDelayOption, other: values.sweep ? '--sweep' : '--delays' });
      }
      return {
        command,
        wiring: wiring ?? 'one-pipe',
        wiringChosen: wiring !== undefined,
        trials: number('--trials', values.trials, sweep ? 300 : 200, { min: 1, max: 100_000, integer: true }),
        childDelayMs,
        parentDelayMs,
        sweepDelaysMs: sweep ? numberList('--delays', values.delays, DEFAULT_SWEEP_DELAYS_MS, {}, MAX_SWEEP_DELAYS) : null,
        output: outputFormat(values),
        color,
        lang: langOption,
      };
    }
    return {
      command: 'ui',
      wiring: wiring ?? 'two-pipes',
      mode: modeOfWiring(wiring ?? 'two-pipes'),
      lang: langOption,
      childDelayMs,
      parentDelayMs,
      color,
      auto: Boolean(values.auto) || values.script !== undefined,
      scriptPath: values.script ?? null,
      speed: number('--speed', values.speed, 1, { min: 0.1, max: 20 }),
      exitWhenDone: Boolean(values['exit-when-done']),
    };
  } catch (error) {
    if (error instanceof UsageError) return { command: 'usage-error', problem: error.problem, topic, lang: langOption };
    throw error;
  }
}
