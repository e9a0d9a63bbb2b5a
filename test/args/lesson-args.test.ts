// `pipe-chat lesson`'s command line, in-process: --from N within the steps this build
// runs, the chat's auto-play options taken, the chat's channel options refused, and the
// words of each refusal as the program prints them.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/args.js';
import { usageErrorMessage } from '../../src/args/usage-error.js';
import { en } from '../../src/i18n/en.js';
import { lessonSteps } from '../../src/lesson/steps.js';

function refusal(args: string[]): string {
  const parsed = parseCommandLine(args);
  if (parsed.command !== 'usage-error') throw new Error(`${JSON.stringify(args)} parsed as "${parsed.command}"`);
  return usageErrorMessage(parsed, en.cli);
}

describe('pipe-chat lesson on the command line', () => {
  it('starts at step 1 by hand; --from, --auto, --speed, --exit-when-done, --lang and --no-color are its own', () => {
    expect(parseCommandLine(['lesson'])).toEqual({ command: 'lesson', from: 1, lang: null, color: true, auto: false, speed: 1, exitWhenDone: false });
    expect(parseCommandLine(['lesson', '--from', '3', '--auto', '--speed', '4', '--exit-when-done', '--lang', 'ko', '--no-color'])).toEqual({
      command: 'lesson',
      from: 3,
      lang: 'ko',
      color: false,
      auto: true,
      speed: 4,
      exitWhenDone: true,
    });
    expect(parseCommandLine(['lesson', '--from', String(lessonSteps().length)])).toMatchObject({ from: lessonSteps().length });
  });

  it('refuses a step that is none, in one line and a pointer to its help', () => {
    const last = lessonSteps().length;
    expect(refusal(['lesson', '--from', '0'])).toBe(`pipe-chat: --from must be a whole number from 1 to ${last}, not "0"\nsee pipe-chat lesson --help`);
    expect(refusal(['lesson', '--from', String(last + 1)])).toContain(`from 1 to ${last}, not "${last + 1}"`);
    expect(refusal(['lesson', '--from', '2.5'])).toContain('must be a whole number');
  });

  it('refuses the chat\'s channel options, and --from outside the lesson', () => {
    expect(refusal(['lesson', '--wiring', 'queue'])).toContain('--wiring is an option of "pipe-chat" or "pipe-chat race", not of "pipe-chat lesson"');
    expect(refusal(['--from', '2'])).toContain('--from is an option of "pipe-chat lesson", not of "pipe-chat"');
    expect(refusal(['lesson', 'two'])).toContain('unexpected argument "two"');
  });

  it('has its own help, in both languages', () => {
    expect(parseCommandLine(['lesson', '--help'])).toEqual({ command: 'help', topic: 'lesson', lang: null });
    expect(en.cli.usage.lesson).toContain('--from N');
    expect(en.cli.usage.chat).toContain('pipe-chat lesson');
  });
});
