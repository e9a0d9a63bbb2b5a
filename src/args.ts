// Command-line parsing for both entry points (the UI and `pipe-chat race`), pure:
// it turns argv into options or a usage problem, and never prints or exits itself.
// Problems are data, not English sentences, so that the CLI can say them in the
// user's language (see `cli.usageProblem` in the catalogue).
import { parseArgs } from 'node:util';
import type { AutoScript } from './auto-script.js';
import type { PipeMode } from './ipc/events.js';
import type { Lang } from './i18n/index.js';

export type { Lang };

export interface UiOptions {
  command: 'ui';
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

export interface RaceOptions {
  command: 'race';
  mode: PipeMode;
  trials: number;
  delayMs: number;
  parentDelayMs: number;
  json: boolean;
  lang: Lang | null;
}

export type UsageProblem =
  | { kind: 'unknown-option'; option: string }
  | { kind: 'missing-value'; option: string }
  | { kind: 'unexpected-argument'; argument: string }
  | { kind: 'race-only'; option: string }
  | { kind: 'chat-only'; option: string }
  | { kind: 'bad-value'; option: string; value: string; expected: Expected };

/** What a value should have been, for the message. */
export type Expected =
  | { type: 'one-of'; values: string[] }
  | { type: 'number'; min: number; max: number; integer: boolean };

export type Parsed =
  | UiOptions
  | RaceOptions
  | { command: 'help'; lang: Lang | null }
  | { command: 'version' }
  | { command: 'usage-error'; problem: UsageProblem; lang: Lang | null };

class UsageError extends Error {
  constructor(readonly problem: UsageProblem) {
    super(problem.kind);
  }
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  pipes: { type: 'string' },
  lang: { type: 'string' },
  'no-color': { type: 'boolean' },
  'parent-delay': { type: 'string' },
  // the chat's
  'child-delay': { type: 'string' },
  auto: { type: 'boolean' },
  script: { type: 'string' },
  speed: { type: 'string' },
  'exit-when-done': { type: 'boolean' },
  // the race's
  trials: { type: 'string' },
  delay: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const CHAT_ONLY = ['child-delay', 'auto', 'script', 'speed', 'exit-when-done'] as const;
const RACE_ONLY = ['trials', 'delay', 'json'] as const;
const MAX_DELAY_MS = 60_000;

function number(option: string, raw: string | undefined, fallback: number, { min = 0, max = MAX_DELAY_MS, integer = false } = {}): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError({ kind: 'bad-value', option, value: raw, expected: { type: 'number', min, max, integer } });
  }
  return value;
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

/** Node's parseArgs errors carry the option in their message; turn them into problems. */
function problemFromNode(error: Error & { code?: string }): UsageProblem {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { kind: 'missing-value', option };
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return { kind: 'unexpected-argument', argument: option };
  return { kind: 'unknown-option', option };
}

export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Parsed {
  const langOption = langFromArgv(argv);
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: OPTIONS });
    } catch (error) {
      throw new UsageError(problemFromNode(error as Error & { code?: string }));
    }
    const { values, positionals } = parsed;
    const race = positionals[0] === 'race';
    const extra = positionals[race ? 1 : 0];
    if (extra !== undefined) throw new UsageError({ kind: 'unexpected-argument', argument: extra });
    oneOf('--lang', values.lang, ['en', 'ko'] as const);
    if (values.help) return { command: 'help', lang: langOption };
    if (values.version) return { command: 'version' };
    const wrong = (race ? CHAT_ONLY : RACE_ONLY).find((name) => values[name] !== undefined);
    if (wrong) throw new UsageError({ kind: race ? 'chat-only' : 'race-only', option: `--${wrong}` });

    const mode: PipeMode = oneOf('--pipes', values.pipes, ['1', '2'] as const) === '1' ? 'one' : 'two';
    const parentDelayMs = number('--parent-delay', values['parent-delay'], 0);
    if (race) {
      return {
        command: 'race',
        mode,
        trials: number('--trials', values.trials, 200, { min: 1, max: 100_000, integer: true }),
        delayMs: number('--delay', values.delay, 0),
        parentDelayMs,
        json: Boolean(values.json),
        lang: langOption,
      };
    }
    return {
      command: 'ui',
      mode,
      lang: langOption,
      childDelayMs: number('--child-delay', values['child-delay'], 0),
      parentDelayMs,
      // https://no-color.org: any non-empty NO_COLOR turns colour off.
      color: !values['no-color'] && !env.NO_COLOR,
      auto: Boolean(values.auto) || values.script !== undefined,
      scriptPath: values.script ?? null,
      speed: number('--speed', values.speed, 1, { min: 0.1, max: 20 }),
      exitWhenDone: Boolean(values['exit-when-done']),
    };
  } catch (error) {
    if (error instanceof UsageError) return { command: 'usage-error', problem: error.problem, lang: langOption };
    throw error;
  }
}
