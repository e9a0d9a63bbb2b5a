// Command-line parsing for both entry points (the UI and `pipe-chat race`), pure:
// it turns argv into options or a usage error, and never prints or exits itself.
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

export type Parsed =
  | UiOptions
  | RaceOptions
  | { command: 'help'; lang: Lang | null }
  | { command: 'version' }
  | { command: 'usage-error'; message: string; lang: Lang | null };

export class UsageError extends Error {}

function number(name: string, raw: string | undefined, fallback: number, { min = 0, max = Infinity, integer = false } = {}): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const range = max === Infinity ? `>= ${min}` : `${min}-${max}`;
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} ${range}, not "${raw}"`);
  }
  return value;
}

function pipes(raw: string | undefined): PipeMode {
  if (raw === undefined || raw === '2') return 'two';
  if (raw === '1') return 'one';
  throw new UsageError(`--pipes must be 1 or 2, not "${raw}"`);
}

function lang(raw: string | undefined): Lang | null {
  if (raw === undefined) return null;
  if (raw === 'en' || raw === 'ko') return raw;
  throw new UsageError(`--lang must be en or ko, not "${raw}"`);
}

const MAX_DELAY_MS = 60_000;

export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Parsed {
  const race = argv[0] === 'race';
  const args = race ? argv.slice(1) : argv;
  let langOption: Lang | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        pipes: { type: 'string' },
        lang: { type: 'string' },
        'no-color': { type: 'boolean' },
        'child-delay': { type: 'string' },
        'parent-delay': { type: 'string' },
        ...(race
          ? {}
          : { auto: { type: 'boolean' }, script: { type: 'string' }, speed: { type: 'string' }, 'exit-when-done': { type: 'boolean' } }),
        ...(race ? { trials: { type: 'string' }, delay: { type: 'string' }, json: { type: 'boolean' } } : {}),
      },
    });
    langOption = lang(values.lang as string | undefined);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (values.help) return { command: 'help', lang: langOption };
    if (values.version) return { command: 'version' };
    const mode = pipes(values.pipes as string | undefined);
    const parentDelayMs = number('parent-delay', values['parent-delay'] as string | undefined, 0, { max: MAX_DELAY_MS });
    if (race) {
      return {
        command: 'race',
        mode,
        trials: number('trials', values.trials as string | undefined, 200, { min: 1, max: 100_000, integer: true }),
        delayMs: number('delay', values.delay as string | undefined, 0, { max: MAX_DELAY_MS }),
        parentDelayMs,
        json: Boolean(values.json),
        lang: langOption,
      };
    }
    return {
      command: 'ui',
      mode,
      lang: langOption,
      childDelayMs: number('child-delay', values['child-delay'] as string | undefined, 0, { max: MAX_DELAY_MS }),
      parentDelayMs,
      // https://no-color.org: any non-empty NO_COLOR turns colour off.
      color: !values['no-color'] && !env.NO_COLOR,
      auto: Boolean(values.auto) || values.script !== undefined,
      scriptPath: (values.script as string | undefined) ?? null,
      speed: number('speed', values.speed as string | undefined, 1, { min: 0.1, max: 20 }),
      exitWhenDone: Boolean(values['exit-when-done']),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { command: 'usage-error', message, lang: langOption };
  }
}
