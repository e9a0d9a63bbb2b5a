// Every problem the parser reports, worded as the program prints it on stderr, checked
// in-process; test/cli.test.ts starts the program for the wiring (stderr, exit status 2).
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/args.js';
import { usageErrorMessage } from '../../src/args/usage-error.js';
import { detectLang, messagesFor } from '../../src/i18n/index.js';

/** The environment test/cli.test.ts gives the program: an English locale. */
const ENGLISH = { LANG: 'C.UTF-8' };

/** The language the program speaks for this command line (see main in src/cli.tsx). */
function cliWords(parsed: { lang?: 'en' | 'ko' | null }, env: NodeJS.ProcessEnv) {
  return messagesFor(parsed.lang || detectLang(env)).cli;
}

/** What the program prints on stderr for a command line that fails to parse. */
function usageError(args: string[], env: NodeJS.ProcessEnv = ENGLISH): string {
  const parsed = parseCommandLine(args, env);
  if (parsed.command !== 'usage-error') throw new Error(`${JSON.stringify(args)} parsed as "${parsed.command}", not as a usage error`);
  return usageErrorMessage(parsed, cliWords(parsed, env));
}

/** What the program prints on stdout for a command line that asks for help. */
function help(args: string[], env: NodeJS.ProcessEnv = ENGLISH): string {
  const parsed = parseCommandLine(args, env);
  if (parsed.command !== 'help') throw new Error(`${JSON.stringify(args)} parsed as "${parsed.command}", not as a request for help`);
  return cliWords(parsed, env).usage[parsed.topic];
}

describe('usage errors', () => {
  it.each([
    [['--bogus'], 'unknown option --bogus', 'pipe-chat'],
    [['--pipes', '3'], '--pipes must be 1 or 2, not "3"', 'pipe-chat'],
    [['--pipes'], '--pipes needs a value', 'pipe-chat'],
    [['race', '--trials', '0'], '--trials must be a whole number from 1 to 100000, not "0"', 'pipe-chat race'],
    [['race', '--trials', '-5'], '--trials must be a whole number from 1 to 100000, not "-5" (it is negative)', 'pipe-chat race'],
    [['race', '--trials', '0x10'], '--trials must be a whole number from 1 to 100000, not "0x10" (write it in decimal)', 'pipe-chat race'],
    [['race', '--trials', ' 7'], '--trials must be a whole number from 1 to 100000, not " 7" (remove the spaces)', 'pipe-chat race'],
    [['--child-delay', '-1'], '--child-delay must be a number from 0 to 60000, not "-1" (it is negative)', 'pipe-chat'],
    [['race', '--delay', 'soon'], '--delay must be a number from 0 to 60000, not "soon"', 'pipe-chat race'],
    [['race', '--child-delay', '1', '--delay', '2'], '--child-delay and --delay cannot be used together', 'pipe-chat race'],
    [['race', '--sweep', '--child-delay', '1'], '--child-delay and --sweep cannot be used together', 'pipe-chat race'],
    [['race', '--delays', '0,,2'], '--delays must be up to 10 numbers from 0 to 60000, separated by commas, not ""', 'pipe-chat race'],
    [['race', '--json', '--csv'], '--json and --csv cannot be used together', 'pipe-chat race'],
    [['race', '--pipes', '1', '--wiring', 'named'], '--pipes and --wiring cannot be used together', 'pipe-chat race'],
    [['--wiring', 'tube'], '--wiring must be two-pipes or one-pipe or pipe1 or pipe1-open-ends or socket or named or queue or queue-one-type or tcp or shm or shm-busy or mmap or file or threads or threads-busy or signal or signal-no-acks, not "tube"', 'pipe-chat'],
    [['race', '--wiring', 'pipe1'], 'pipe1 has no race to run: the child only writes and the parent only reads, so no process can read back its own message', 'pipe-chat race'],
    [['writers', '--wiring', 'socket'], '--wiring is an option of "pipe-chat" or "pipe-chat race", not of "pipe-chat writers"', 'pipe-chat writers'],
    [['writers', '--writers', '17'], '--writers must be a whole number from 1 to 16, not "17"', 'pipe-chat writers'],
    [['writers', '--size', '2000000'], '--size must be up to 4 numbers from 16 to 1048576, separated by commas, not "2000000"', 'pipe-chat writers'],
    [['writers', '--pipes', '1'], '--pipes is an option of "pipe-chat" or "pipe-chat race", not of "pipe-chat writers"', 'pipe-chat writers'],
    [['--lang', 'fr'], '--lang must be en or ko, not "fr"', 'pipe-chat'],
    [['extra'], 'unexpected argument "extra"', 'pipe-chat'],
    [['race', 'extra'], 'unexpected argument "extra"', 'pipe-chat race'],
    [['--trials', '5'], '--trials is an option of "pipe-chat race", not of "pipe-chat"', 'pipe-chat'],
    [['race', '--auto'], '--auto is an option of "pipe-chat" or "pipe-chat lesson", not of "pipe-chat race"', 'pipe-chat race'],
    [['--layout', 'huge'], '--layout must be three or big, not "huge"', 'pipe-chat'],
    [['--layout'], '--layout needs a value', 'pipe-chat'],
    [['race', '--layout', 'big'], '--layout is an option of "pipe-chat", not of "pipe-chat race"', 'pipe-chat race'],
    [['--keep', ''], '--keep needs a value', 'pipe-chat'],
    [['race', '--keep', 'kept.txt'], '--keep is an option of "pipe-chat", not of "pipe-chat race"', 'pipe-chat race'],
    [['race', '--step'], '--step is an option of "pipe-chat", not of "pipe-chat race"', 'pipe-chat race'],
    [['--step=yes'], '--step takes no value', 'pipe-chat'],
  ])('%j is one line and where to look', (args, message, command) => {
    expect(usageError(args)).toBe(`pipe-chat: ${message}\nsee ${command} --help`);
  });

  it('says a usage problem in Korean under a Korean locale, wherever --lang stands', () => {
    for (const [args, env] of [
      [['race', '--trials', '0'], { LANG: 'ko_KR.UTF-8' }],
      [['--lang', 'ko', 'race', '--trials', '0'], ENGLISH],
    ] as const) {
      expect(usageError([...args], env)).toBe('pipe-chat: --trials는 1에서 100000 사이의 정수여야 합니다 ("0"는 안 됨)\npipe-chat race --help 를 보세요');
    }
  });

  it('shows escape sequences in option values and unknown options as visible characters', () => {
    const ESC = '\x1b';
    const BEL = '\x07';
    const noEscapes = (text: string) => expect([...text].filter((c) => c === ESC || c === BEL || c === '\x9b')).toEqual([]);
    const bad = usageError(['--pipes', `${ESC}]0;pwned${BEL}`]);
    expect(bad).toContain('--pipes must be 1 or 2, not "␛]0;pwned␇"');
    noEscapes(bad);
    const unknown = usageError([`--x${ESC}[2J`]);
    expect(unknown).toContain('␛[2J');
    noEscapes(unknown);
  });
});

describe('--layout', () => {
  it('starts the chat in three columns, or big (what a lesson passes on to the chat)', () => {
    expect(parseCommandLine([])).toMatchObject({ command: 'ui', layout: 'three' });
    expect(parseCommandLine(['--layout', 'big'])).toMatchObject({ command: 'ui', layout: 'big' });
    expect(parseCommandLine(['--layout=three'])).toMatchObject({ command: 'ui', layout: 'three' });
  });

  it('is in the help, in both languages', () => {
    expect(help(['--help'])).toContain('--layout three|big');
    expect(help(['--help', '--lang', 'ko'])).toContain('--layout three|big');
  });
});

describe('help', () => {
  it('is in Korean under a Korean locale or --lang ko', () => {
    expect(help(['--help'], { LANG: 'ko_KR.UTF-8' })).toContain('사용법');
    expect(help(['--help', '--lang', 'ko'])).toContain('사용법');
  });

  it.each([
    [['race', '--help'], ['pipe-chat race --sweep [options]', '--delays MS,MS,...', '--csv']],
    [['writers', '--help'], ['pipe-chat writers [options]', '--writers N', '--size BYTES,...', '--messages M']],
  ])('%j is that command\'s own help', (args, expected) => {
    const text = help(args);
    for (const line of expected) expect(text).toContain(line);
  });
});
