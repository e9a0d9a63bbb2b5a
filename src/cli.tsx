#!/usr/bin/env node
// The one entry file: parses the command line, then runs an experiment (the race, its
// sweep, the many writers) or the full-screen chat. A usage error is one line on stderr
// and a pointer to the command's help, with exit status 2.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { parseCommandLine, type UsageProblem } from './args.js';
import { detectLang, messagesFor, type Messages } from './i18n/index.js';
import { parseAutoScript, type AutoScript } from './auto-script.js';
import { IO_THREADS_NEEDED, tooFewIoThreads } from './ipc/link.js';
import { runRace } from './race.js';
import { runSweep } from './experiments/sweep.js';
import { runWritersCommand } from './experiments/writers-report.js';

function describeProblem(problem: UsageProblem, t: Messages['cli']): string {
  const say = t.problem;
  switch (problem.kind) {
    case 'unknown-option':
      return say.unknownOption(problem.option);
    case 'missing-value':
      return say.missingValue(problem.option);
    case 'unexpected-argument':
      return say.unexpectedArgument(problem.argument);
    case 'wrong-command': {
      const owners = problem.owners.map((c) => `"${t.commandName[c]}"`).join(say.or);
      return say.wrongCommand(problem.option, owners, t.commandName[problem.command]);
    }
    case 'conflict':
      return say.conflict(problem.option, problem.other);
    case 'bad-value': {
      const { option, value, expected, fault } = problem;
      if (expected.type === 'one-of') return say.oneOf(option, expected.values.join(say.or), value);
      const range = say.range(expected.min, expected.max);
      const message = expected.list
        ? say.list(option, expected.list, range, value)
        : expected.integer
          ? say.integer(option, range, value)
          : say.number(option, range, value);
      const why = fault ? say.fault[fault] : '';
      return why ? say.withFault(message, why) : message;
    }
  }
}

/**
 * Ink needs CI=false to draw every frame in a recording, but supports-color takes any CI
 * variable for a CI machine and turns colour off. When CI says false and the terminal is
 * a real one, say so to supports-color too (before Ink, and so chalk, is loaded).
 */
function keepColourUnderCiFalse(env: NodeJS.ProcessEnv, colour: boolean): void {
  const ciSaysNo = env.CI === 'false' || env.CI === '0';
  if (colour && ciSaysNo && process.stdout.isTTY && env.TERM !== 'dumb' && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
}

/**
 * yoga-layout's loader asks `typeof fetch` while Ink loads, and that alone makes Node
 * load its whole fetch implementation (undici and web streams, about 25 ms of start-up)
 * for a wasm binary that is inlined in the bundle anyway. Hide fetch for that moment.
 */
async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  delete (globalThis as { fetch?: unknown }).fetch;
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

/**
 * The chat allocates a whole screen of short-lived lines per frame, and V8's default
 * is to grow the young generation to 32 MiB under that load, then to keep it: the
 * parent's resident memory peaked at about 118 MiB over a conversation. Keeping the
 * young generation at its starting size and favouring size over speed holds the peak
 * under 80 MiB (npm run bench). The price is CPU while drawing (a frame took about
 * 29 ms instead of 20 here): invisible when typing, and nothing at rest. Both flags
 * are read by V8's heuristics as they run, so setting them here, before Ink loads, works.
 */
function favourMemoryOverSpeed(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--optimize-for-size');
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  const lang = ('lang' in parsed && parsed.lang) || detectLang(process.env);
  const t = messagesFor(lang).cli;
  const poolSize = tooFewIoThreads();
  if (poolSize !== null && !['help', 'version', 'usage-error'].includes(parsed.command)) {
    process.stderr.write(`${t.tooFewIoThreads(poolSize, IO_THREADS_NEEDED)}\n`);
    return 2;
  }
  switch (parsed.command) {
    case 'version': {
      const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
      process.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    case 'help':
      process.stdout.write(`${t.usage[parsed.topic]}\n`);
      return 0;
    case 'usage-error':
      process.stderr.write(`${t.usageError(describeProblem(parsed.problem, t))}\n${t.seeHelp(t.commandName[parsed.topic])}\n`);
      return 2;
    case 'race':
      return parsed.sweepDelaysMs ? runSweep(parsed, lang) : runRace(parsed, lang);
    case 'writers':
      return runWritersCommand(parsed, lang);
    case 'ui': {
      let script: AutoScript = t.autoLines;
      if (parsed.scriptPath) {
        try {
          script = parseAutoScript(fs.readFileSync(parsed.scriptPath, 'utf8'));
        } catch (error) {
          process.stderr.write(`${t.scriptError(parsed.scriptPath, error instanceof Error ? error.message : String(error))}\n`);
          return 2;
        }
      }
      const notTerminal = !process.stdin.isTTY ? 'stdin' : !process.stdout.isTTY ? 'stdout' : null;
      if (notTerminal) {
        process.stderr.write(`${t.notATerminal(notTerminal)}\n`);
        return 2;
      }
      keepColourUnderCiFalse(process.env, parsed.color);
      favourMemoryOverSpeed();
      const { runApp } = await importWithoutFetch(() => import('./app/run-app.js'));
      return runApp({ ...parsed, lang, script });
    }
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${messagesFor(detectLang(process.env)).cli.fatal(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  },
);
