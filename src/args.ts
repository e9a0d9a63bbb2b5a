// Command-line parsing for every command (the chat, `race`, `writers`), pure:
// it turns argv into options or a usage problem, and never prints or exits itself.
// Problems are data, not English sentences, so that the CLI can say them in the
// user's language (see `cli.usageProblem` in the catalogue).
import { parseArgs } from 'node:util';
import { CHANNEL_ENDS } from './channels/ends-registry.js';
import { WIRINGS, type Wiring } from './ipc/events.js';
import type { Lang } from './i18n/index.js';
import { lessonSteps } from './lesson/steps.js';
import { LAYOUTS, type Command, type OutputFormat, type Parsed, type UsageProblem } from './args/options.js';
import { DEFAULT_SWEEP_DELAYS_MS, DEFAULT_WRITER_SIZES, MAX_MESSAGES, MAX_SIZE, MAX_SIZES, MAX_SWEEP_DELAYS, MAX_WRITERS, MIN_SIZE, UsageError, number, numberList, oneOf } from './args/values.js';

export type * from './args/options.js';
export { DEFAULT_SWEEP_DELAYS_MS, DEFAULT_WRITER_SIZES } from './args/values.js';

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
  step: { type: 'boolean' },
  keep: { type: 'string' },
  layout: { type: 'string' },
  // the lesson's
  from: { type: 'string' },
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
  // clean's
  yes: { type: 'boolean', short: 'y' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Which commands take each option; an option missing here is taken by all. */
const OWNERS: Partial<Record<OptionName, Command[]>> = {
  pipes: ['chat', 'race'],
  wiring: ['chat', 'race'],
  'child-delay': ['chat', 'race', 'source'],
  'parent-delay': ['chat', 'race'],
  auto: ['chat', 'lesson'],
  script: ['chat'],
  speed: ['chat', 'lesson'],
  'exit-when-done': ['chat', 'lesson'],
  from: ['lesson'],
  step: ['chat'],
  keep: ['chat'],
  layout: ['chat'],
  trials: ['race'],
  delay: ['chat', 'race'],
  sweep: ['race'],
  delays: ['race'],
  writers: ['writers'],
  size: ['writers'],
  messages: ['writers'],
  json: ['race', 'writers'],
  csv: ['race', 'writers'],
  yes: ['clean'],
};

const SUBCOMMANDS: readonly string[] = ['race', 'writers', 'clean', 'source', 'lesson'] satisfies Command[];

function isSubcommand(word: string | undefined): word is Exclude<Command, 'chat'> {
  return word !== undefined && SUBCOMMANDS.includes(word);
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
  return argv.find((arg): arg is Command => isSubcommand(arg)) ?? 'chat';
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
  // "Option '-v, --version' does not take an argument": the long name is the one to show.
  const option = /'(?:-\w, )?(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(error.message) ? { kind: 'takes-no-value', option } : { kind: 'missing-value', option };
  }
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
  if (pipes) return WIRINGS.find((w) => CHANNEL_ENDS[w].pipesOption === pipes);
  return oneOf('--wiring', values.wiring, WIRINGS);
}

/** --script and --keep name a file: an empty name is refused, never taken for none. */
function filePath(option: '--script' | '--keep', value: string | undefined): string | null {
  if (value === '') throw new UsageError({ kind: 'missing-value', option });
  return value ?? null;
}

/** --speed, for the chat and the lesson alike. */
function speedOf(raw: string | undefined): number {
  return number('--speed', raw, 1, { min: 0.1, max: 20 });
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
    const first = positionals[0];
    const command: Command = isSubcommand(first) ? first : 'chat';
    const extra = positionals[command === 'chat' ? 0 : command === 'source' ? 2 : 1];
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

    if (command === 'clean') return { command, yes: Boolean(values.yes), lang: langOption };
    if (command === 'source') {
      const name = positionals[1];
      const wiring = name === 'keeper' ? name : WIRINGS.find((w) => w === name);
      if (!wiring) throw new UsageError({ kind: 'channel-name', given: name ?? null, names: [...WIRINGS] });
      return { command, wiring, childDelayMs: number('--child-delay', values['child-delay'], 0), lang: langOption };
    }
    if (command === 'lesson') {
      return {
        command,
        from: number('--from', values.from, 1, { min: 1, max: lessonSteps().length, integer: true }),
        lang: langOption,
        color,
        auto: Boolean(values.auto),
        speed: speedOf(values.speed),
        exitWhenDone: Boolean(values['exit-when-done']),
      };
    }
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
      if (wiring && CHANNEL_ENDS[wiring].oneWay) throw new UsageError({ kind: 'no-race', wiring });
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
      lang: langOption,
      childDelayMs,
      parentDelayMs,
      color,
      auto: Boolean(values.auto) || values.script !== undefined,
      scriptPath: filePath('--script', values.script),
      keepPath: filePath('--keep', values.keep),
      speed: speedOf(values.speed),
      exitWhenDone: Boolean(values['exit-when-done']),
      step: Boolean(values.step),
      layout: oneOf('--layout', values.layout, LAYOUTS) ?? 'three',
    };
  } catch (error) {
    if (error instanceof UsageError) return { command: 'usage-error', problem: error.problem, topic, lang: langOption };
    throw error;
  }
}
