// The one entry file: parses the command line, then runs an experiment (the race, its
// sweep, the many writers) or the full-screen chat. A usage error is one line on stderr
// and a pointer to the command's help. Exit status: 0 done, 1 an error while running,
// 2 nothing was run (a usage problem, a bad --script file, no terminal or a dumb one,
// Windows, too few I/O threads, no libc reachable through koffi). Everything quoted from the user or a file is shown
// escaped, on every stream.
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { parseCommandLine } from './args.js';
import { usageErrorMessage } from './args/usage-error.js';
import { sanitizeForDisplay } from './text/sanitize.js';
import { detectLang, messagesFor, type Lang, type Messages } from './i18n/index.js';
import { problemOf, sayProblem } from './i18n/problems.js';
import { parseAutoScript, type AutoScript } from './auto-script.js';
import { runClean } from './clean.js';
import { runRace } from './experiments/race-report.js';
import { runSweep } from './experiments/sweep.js';
import { runWritersCommand } from './experiments/writers-report.js';
import { chatRefusal, ciOverrides, platformSupport } from './environment.js';
import { LibcUnavailable, loadLibc } from './kernel/libc.js';
import { channelEnds } from './channels/ends-registry.js';
import { FileTooLargeError, readFileLimited } from './read-limited.js';
import { exitStatus, say, watchOutput } from './terminal-output.js';
import { chatSetup } from './app/chat-setup.js';
import { openEarly } from './session/early-session.js';
import { openPipeSession } from './session/open-session.js';
import { findSafeRoot, NoSafeRootError } from './kernel/safe-dirs.js';
import { keepDebuggerClosed } from './debugger-signal.js';
import { closeAllLinks } from './ipc/open-links.js';
import { KeepFileRefused, openKeepFile, type KeepFile } from './ipc/keeper-link.js';
import { SCREEN_V8_FLAGS } from './v8-flags.js';
import { threadsRunning } from './ipc/call-thread.js';

/** A --script holds six lines of at most 64 KiB each, as JSON: anything larger is not a script. */
const MAX_SCRIPT_BYTES = 1024 * 1024;

/** No safe root for our directory: one line naming each place tried and why it was refused, the paths escaped. */
function privatePlaceRefusal(error: NoSafeRootError, t: Messages['cli']): string {
  return t.noPrivatePlace(error.refused.map((r) => ({ ...r, root: sanitizeForDisplay(r.root) })));
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
 * V8's settings for the chat and the lesson (src/v8-flags.ts), while Ink loads: once the
 * call threads started so far run (threadsRunning says why), without waiting for them.
 */
function tuneV8ForTheScreen(): void {
  void threadsRunning().then(() => {
    for (const flag of SCREEN_V8_FLAGS) v8.setFlagsFromString(flag);
  });
}

function readScript(file: string, t: Messages['cli']): AutoScript | string {
  try {
    return parseAutoScript(readFileLimited(file, MAX_SCRIPT_BYTES));
  } catch (error) {
    const problem = error instanceof FileTooLargeError ? t.scriptTooLarge(error.limitBytes / 1024) : error instanceof Error ? error.message : String(error);
    // The problem may quote the file (a key, a JSON snippet): one line, every escape shown.
    return t.scriptError(sanitizeForDisplay(file), sanitizeForDisplay(problem));
  }
}

/** The chat and the lesson need an interactive terminal that is not a dumb one: one line when not. */
function terminalRefused(t: Messages['cli']): boolean {
  const refusal = chatRefusal({ env: process.env, stdinIsTTY: process.stdin.isTTY === true, stdoutIsTTY: process.stdout.isTTY === true });
  if (refusal) say(process.stderr, refusal.reason === 'dumb-terminal' ? t.dumbTerminal(process.env.TERM ?? '') : t.notATerminal(refusal.stream));
  return refusal !== null;
}

/** Before Ink loads: CI's overrides and colour under CI=false (see each). V8's settings (tuneV8ForTheScreen) come after, once a child is forked. */
function prepareFullScreen(colour: boolean): void {
  Object.assign(process.env, ciOverrides(process.env));
  keepColourUnderCiFalse(process.env, colour);
}

/** The language a failure is reported in: --lang once parsed, the locale's until then. */
let failureLang: Lang = detectLang(process.env);

async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  const lang = ('lang' in parsed && parsed.lang) || detectLang(process.env);
  failureLang = lang;
  const t = messagesFor(lang).cli;
  switch (parsed.command) {
    case 'version': {
      const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
      say(process.stdout, pkg.version);
      return 0;
    }
    case 'help':
      say(process.stdout, t.usage[parsed.topic]);
      return 0;
    case 'usage-error':
      say(process.stderr, usageErrorMessage(parsed, t));
      return 2;
  }
  // The program as text: no libc, no terminal, no process of ours needed (the views load only for it, as for the chat).
  if (parsed.command === 'source') {
    if (parsed.wiring === 'keeper') {
      const { keeperText } = await import('./app/views/keeper-program.js');
      say(process.stdout, keeperText(lang));
      return 0;
    }
    const { sourceText } = await import('./app/views/source-program.js');
    say(process.stdout, sourceText(messagesFor(lang).ui, parsed.wiring, parsed.childDelayMs));
    return 0;
  }
  if (platformSupport(process.platform) === 'unsupported') {
    say(process.stderr, t.windows);
    return 2;
  }
  // Every command from here makes pipes through libc: a platform koffi cannot reach gets one line.
  try {
    await loadLibc();
  } catch (error) {
    if (!(error instanceof LibcUnavailable)) throw error;
    say(process.stderr, t.noLibc(sanitizeForDisplay(error.message)));
    return 2;
  }
  if (parsed.command === 'clean') return runClean(parsed, lang);
  if (parsed.command === 'lesson') {
    if (terminalRefused(t)) return 2;
    prepareFullScreen(parsed.color);
    tuneV8ForTheScreen();
    const { runLesson } = await importWithoutFetch(() => import('./lesson/run-lesson.js'));
    return runLesson({ ...parsed, lang });
  }
  // A channel with a name on disk puts its directory only where no other user can reach it (safe-dirs): say so now if nowhere is.
  if (parsed.command !== 'writers' && channelEnds(parsed.wiring).openToOthers) {
    const place = findSafeRoot();
    if (place instanceof NoSafeRootError) {
      say(process.stderr, privatePlaceRefusal(place, t));
      return 2;
    }
  }
  if (parsed.command === 'race') return parsed.sweepDelaysMs ? runSweep(parsed, lang) : runRace(parsed, lang);
  if (parsed.command === 'writers') return runWritersCommand(parsed, lang);
  let script: AutoScript = t.autoLines;
  if (parsed.scriptPath) {
    const read = readScript(parsed.scriptPath, t);
    if (typeof read === 'string') {
      say(process.stderr, read);
      return 2;
    }
    script = read;
  }
  if (terminalRefused(t)) return 2;
  // --keep makes its file now, before anything runs: a file already there is one line and no run.
  let keepFile: KeepFile | null = null;
  if (parsed.keepPath !== null) {
    try {
      keepFile = openKeepFile(parsed.keepPath);
    } catch (error) {
      if (!(error instanceof KeepFileRefused)) throw error;
      say(process.stderr, t.keepRefused(sanitizeForDisplay(error.path), error.code));
      return 2;
    }
  }
  prepareFullScreen(parsed.color);
  const options = { ...parsed, lang, script };
  // The child needs no Ink: it starts while the UI's code loads (a chunk of its own, see scripts/build.mjs).
  const early = openEarly(openPipeSession(), chatSetup(options).first);
  await early.forked;
  tuneV8ForTheScreen();
  const { runApp } = await importWithoutFetch(() => import('./app/run-app.js'));
  return runApp(options, early, keepFile);
}

keepDebuggerClosed();
watchOutput((stream, error) => messagesFor(failureLang).cli.outputFailed(stream, sanitizeForDisplay(error.message)));
main().then(
  (code) => {
    process.exitCode = exitStatus(code);
  },
  (error: unknown) => {
    // Whatever failed, no child outlives us and no read of ours stays blocked.
    void closeAllLinks();
    // One line, no stack trace: this is where a link that could not be opened ends up.
    const t = messagesFor(failureLang).cli;
    if (error instanceof NoSafeRootError) {
      say(process.stderr, privatePlaceRefusal(error, t));
      process.exitCode = 2;
      return;
    }
    const message = sayProblem(problemOf(error), failureLang);
    say(process.stderr, t.fatal(sanitizeForDisplay(message.split('\n')[0] ?? '')));
    process.exitCode = 1;
  },
);
