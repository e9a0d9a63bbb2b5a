// Runs the chat full screen: switches to the alternate screen, renders App, and on
// every way out (quit, Ctrl+C, SIGTERM, SIGHUP, an uncaught error, a terminal that is
// gone: EIO, or stdin at its end) kills the child
// first and gives the shell its screen and cursor back; an error is printed only
// after the screen is restored, so it stays readable. Ctrl+Z arrives as a key in raw
// mode: the terminal is given back before the job stops, and taken again, with a
// full redraw, when the job continues (`fg`). Bracketed paste is on while the chat has
// the screen, so a paste is known as one (hooks/key-reader.ts), and off again on every
// way out and while suspended.
import fs from 'node:fs';
import type { ReactElement } from 'react';
import { render } from 'ink';
import { onExit } from 'signal-exit';
import type { AppOptions } from '../args.js';
import { messagesFor, type Lang, type Messages } from '../i18n/index.js';
import { problemOf, sayProblem } from '../i18n/problems.js';
import { say, whenOutputLost } from '../terminal-output.js';
import { exitOnceClosed } from '../exit-steps.js';
import { runEach } from '../run-each.js';
import { closeAllLinks } from '../ipc/open-links.js';
import { App } from './App.js';
import { chatSetup } from './chat-setup.js';
import type { EarlySession } from '../session/early-session.js';
import type { ConversationState } from './state/model.js';
import { saveTranscriptFiles, type SavedFiles } from './transcript/save-transcript.js';
import { ConversationSession } from '../session/conversation-session.js';
import { openPipeSession } from '../session/open-session.js';
import { channelOf } from '../channels/registry.js';
import { TURNS } from './state/model.js';
import { exportTranscript } from './transcript/transcript-export.js';
import { sweep } from '../experiments/sweep.js';
import { KeeperLink, keptLine, type KeepFile } from '../ipc/keeper-link.js';
import type { RedrawRequests } from './hooks/use-redraw.js';

const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H\x1b[?2004h';
// Clear the alternate screen before leaving it: after a resize, tmux 3.3 otherwise carries
// some of its lines into the restored shell screen (seen in tmux, not in xterm).
const LEAVE_ALT_SCREEN = '\x1b[?2004l\x1b[2J\x1b[H\x1b[?25h\x1b[?1049l';

/** The keeper (--keep), given every message delivered in the session, each as one line. */
async function startKeeper(keepFile: KeepFile, session: ConversationSession): Promise<{ keeper: KeeperLink; close: () => Promise<void> }> {
  const keeper = await KeeperLink.start(keepFile);
  const stop = session.subscribe((e) => {
    if (e.type === 'link-event' && e.event.type === 'message' && e.event.frame.writer !== null && e.event.frame.writer !== e.event.proc) keeper.keep(keptLine(e.event.frame, e.event.proc));
  });
  return {
    keeper,
    close: () => {
      stop();
      return keeper.close();
    },
  };
}

/** What a full-screen run owns: closing it kills every child of ours and ends every blocked read before its first await. */
export interface FullScreenWorld {
  close(): Promise<void>;
  /** For a signal path, which cannot await close(): the named pipe's path goes now. */
  removePath(): void;
}

/** What the screen gives the component it draws: Ctrl+Z's suspend, and the redraws asked after a stop. */
export interface ScreenControls {
  suspend: () => void;
  redraws: RedrawRequests;
}

/** Raw mode is what the keys need: without it, one line (the caller gives back what it made first). */
export function rawModeMissing(messages: Messages): boolean {
  if (process.stdin.isTTY && typeof process.stdin.setRawMode === 'function') return false;
  say(process.stderr, messages.ui.noRawMode);
  return true;
}

/**
 * `early`: the first conversation's child, forked by the entry file while this module
 * loaded; `keepFile`: the file --keep made, which the keeper takes over.
 */
export async function runApp(options: AppOptions, early?: EarlySession, keepFile?: KeepFile | null): Promise<number> {
  const messages = messagesFor(options.lang);
  if (rawModeMissing(messages)) {
    if (keepFile) fs.closeSync(keepFile.fd);
    await early?.discard();
    return 2;
  }
  const { autoPlay, knobs, stepping } = chatSetup(options);
  // The app's world: every way out below closes this one session, which kills its child first.
  const session = new ConversationSession({ open: early?.open ?? openPipeSession(), turns: TURNS, knobs, stepping, stepPoints: (wiring) => channelOf(wiring).stepPoints });
  let keeping: Awaited<ReturnType<typeof startKeeper>> | null = null;
  try {
    keeping = keepFile ? await startKeeper(keepFile, session) : null;
  } catch (error) {
    await early?.discard();
    throw error;
  }
  // The keeper's end closes after the session's: it has every delivered line by then, and is waited for, so FILE is whole at exit.
  const close = (): Promise<void> => Promise.all([early?.discard(), session.close().then(() => keeping?.close())]).then(() => undefined);
  const chat = { wiring: options.wiring, color: options.color, layout: options.layout };
  const saveTranscript = (state: ConversationState): SavedFiles => {
    const now = new Date();
    return saveTranscriptFiles(process.cwd(), now, exportTranscript(messages.ui, state, now));
  };
  return runFullScreen(options.lang, { close, removePath: () => session.removePath() }, ({ suspend, redraws }) => (
    <App session={session} options={chat} messages={messages} autoPlay={autoPlay} saveTranscript={saveTranscript} suspend={suspend} redraws={redraws} runSweep={sweep} {...(keeping ? { keeper: keeping.keeper } : {})} />
  ));
}

/**
 * Draws `root` on the alternate screen until it exits, and on every way out closes
 * `world` first (its children killed, its blocked reads ended), then gives the shell
 * its screen and cursor back. The chat and the lesson both run through here.
 */
export async function runFullScreen(lang: Lang, world: FullScreenWorld, root: (controls: ScreenControls) => ReactElement): Promise<number> {
  const messages = messagesFor(lang);
  const stdout = process.stdout;
  const stdin = process.stdin;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT_SCREEN);
  };
  // Closing first: it kills the child and ends the parent's read before its first await,
  // and the named pipe's path goes synchronously too (a signal path cannot await). Any
  // other link (the in-chat sweep's) is closed as well; no step skips another.
  const closeNow = (): Promise<void> => {
    let closing: Promise<void> = Promise.resolve();
    const failures = runEach([() => (closing = world.close()), closeAllLinks, () => world.removePath(), restore]);
    return closing.then(() => {
      if (failures.length > 0) throw failures[0];
    });
  };
  const removeExitHook = onExit(() => {
    runEach([() => void closeNow().catch(() => {})]);
  });
  let ending = false;
  /** A way out that cannot go back through render(): a fatal error, or a terminal that is gone. */
  const endNow = (line: string | null): void => {
    if (ending) return;
    ending = true;
    let closing: Promise<void> = Promise.resolve();
    runEach([() => (closing = closeNow()), () => line && say(process.stderr, line)]);
    exitOnceClosed(1, closing);
  };
  // One line, no stack trace: the message says what failed.
  const onFatal = (error: unknown): void => endNow(messages.cli.fatal(sayProblem(problemOf(error), lang).split('\n')[0] ?? ''));
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  // A terminal that is gone (hung up, its window closed under setsid) fails our reads and
  // writes with EIO or ends stdin: no SIGHUP may come, so that ends the chat too.
  const onTerminalLost = (): void => endNow(null);
  const stopHearingOutput = whenOutputLost(onTerminalLost);
  stdin.on('error', onTerminalLost);
  stdin.on('end', onTerminalLost);

  stdout.write(ENTER_ALT_SCREEN);
  const redrawListeners = new Set<() => void>();
  const redraws = (redraw: () => void) => {
    redrawListeners.add(redraw);
    return () => redrawListeners.delete(redraw);
  };
  const onContinue = (): void => {
    if (restored) return;
    stdin.setRawMode(true);
    stdout.write(ENTER_ALT_SCREEN);
    for (const redraw of redrawListeners) redraw();
    // The window may have been resized while the job was stopped, and SIGWINCH went to the
    // shell then. Node's getWindowSize() only returns its cached size; _refreshSize(), what
    // Node itself runs on SIGWINCH, asks the kernel and emits 'resize' when the size changed.
    (stdout as { _refreshSize?: () => void })._refreshSize?.();
  };
  const suspend = (): void => {
    stdout.write(LEAVE_ALT_SCREEN);
    stdin.setRawMode(false);
    // Stops the whole job (this process group, the child too), as Ctrl+Z does in a cooked
    // terminal. kill() returns once the job is continued, or at once when no shell does job
    // control (the kernel discards SIGTSTP in an orphaned group): either way, take the screen back.
    process.kill(0, 'SIGTSTP');
    onContinue();
  };
  // A stop that did not come through Ctrl+Z (kill -STOP, then kill -CONT) redraws too.
  process.on('SIGCONT', onContinue);
  // A write over the file size limit (ulimit -f) comes with SIGXFSZ, which signal-exit
  // would turn into our death: a listener keeps it what it is without one, a write that
  // fails (EFBIG), so a save says NOT SAVED and the chat goes on.
  const onFileTooLarge = (): void => {};
  process.on('SIGXFSZ', onFileTooLarge);
  let closed: unknown = null;
  try {
    const instance = render(root({ suspend, redraws }), {
      exitOnCtrlC: false,
      patchConsole: true,
      // Not Ink's incrementalRendering: it cut the bytes per key from 5.1 KB to 300, but in a
      // pseudo-terminal its diff drew frames a line too low (the first frame's top line stayed above).
    });
    await instance.waitUntilExit();
  } finally {
    process.off('SIGCONT', onContinue);
    process.off('SIGXFSZ', onFileTooLarge);
    closed = await closeNow().then(
      () => null,
      (error: unknown) => error,
    );
    restore();
    removeExitHook();
    stopHearingOutput();
    stdin.off('error', onTerminalLost);
    stdin.off('end', onTerminalLost);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  }
  // A cleanup that failed (a named pipe that could not be removed) is one line, after the screen is back.
  if (closed !== null) throw closed;
  return 0;
}
