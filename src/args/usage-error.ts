// What a usage error says, in the user's language: pure, so every problem the parser can
// report is tested in-process, and only the wiring of stderr and exit status needs the
// program itself. Every value quoted from the command line is shown escaped.
import { sanitizeForDisplay } from '../text/sanitize.js';
import type { Messages } from '../i18n/index.js';
import type { Parsed, UsageProblem } from './options.js';

const q = sanitizeForDisplay;

/** The problem in the user's language. */
export function describeProblem(problem: UsageProblem, t: Messages['cli']): string {
  const words = t.problem;
  switch (problem.kind) {
    case 'unknown-option':
      return words.unknownOption(q(problem.option));
    case 'missing-value':
      return words.missingValue(q(problem.option));
    case 'takes-no-value':
      return words.takesNoValue(q(problem.option));
    case 'unexpected-argument':
      return words.unexpectedArgument(q(problem.argument));
    case 'wrong-command': {
      const owners = problem.owners.map((c) => `"${t.commandName[c]}"`).join(words.or);
      return words.wrongCommand(q(problem.option), owners, t.commandName[problem.command]);
    }
    case 'channel-name':
      return problem.given === null ? words.noChannelName(problem.names.join(', ')) : words.noSuchChannel(q(problem.given), problem.names.join(', '));
    case 'conflict':
      return words.conflict(q(problem.option), q(problem.other));
    case 'no-race':
      return words.noRace(problem.wiring);
    case 'bad-value': {
      const { expected, fault } = problem;
      const [option, value] = [q(problem.option), q(problem.value)];
      if (expected.type === 'one-of') return words.oneOf(option, expected.values.join(words.or), value);
      const range = words.range(expected.min, expected.max);
      const message = expected.list
        ? words.list(option, expected.list, range, value)
        : expected.integer
          ? words.integer(option, range, value)
          : words.number(option, range, value);
      const why = fault ? words.fault[fault] : '';
      return why ? words.withFault(message, why) : message;
    }
  }
}

/** The whole message on stderr: the problem, then the help to read (a channel name's problem lists the names: one line). */
export function usageErrorMessage(usage: Extract<Parsed, { command: 'usage-error' }>, t: Messages['cli']): string {
  if (usage.problem.kind === 'channel-name') return t.usageError(describeProblem(usage.problem, t));
  return `${t.usageError(describeProblem(usage.problem, t))}\n${t.seeHelp(t.commandName[usage.topic])}`;
}
