// Runs the chat full screen: switches to the alternate screen, renders App, and on
// every way out (quit, Ctrl+C, SIGTERM, SIGHUP, an uncaught error) kills the child
// first and gives the shell its screen and cursor back; an error is printed only
// after the screen is restored, so it stays readable. Ctrl+Z arrives as a key in raw
// mode: the terminal is given back before the job stops, and taken again, with a
// full redraw, when the job continues (`fg`). Bracketed paste is on while the chat has
// the screen, so a paste is known as one (hooks/key-reader.ts), and off again on every
// way out and while suspended.
import { render } from 'ink';
import { onExit } from 'signal-exit';
import type { AppOptions } from '../args.js';
import { messagesFor } from '../i18n/index.js';
import { say } from '../terminal-output.js';
import { App } from './App.js';
import { chatSetup } from './chat-setup.js';
import type { EarlySession } from '../session/early-session.js';
import type { ConversationState } from './state/model.js';
import { saveTranscriptFiles, type SavedFiles } from './transcript/save-transcript.js';
import { ConversationSession } from '../session/conversation-session.js';
import { openPipeSession } from '../session/open-session.js';
import { TURNS } from './state/model.js';
import { exportTranscript } from './transcript/transcript-export.js';
import { sweep } from '../experiments/sweep.js';

const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H\x1b[?2004h';
// Clear the alternate screen before leaving it: after a resize, tmux 3.3 otherwise carries
// some of its lines into the restored shell screen (seen in tmux, not in xterm).
const LEAVE_ALT_SCREEN = '\x1b[?2004l\x1b[2J\x1b[H\x1b[?25h\x1b[?1049l';

/** `early`: the first conversation's child, forked by the entry file while this module loaded. */
export async function runApp(options: AppOptions, early?: EarlySession): Promise<number> {
  const messages = messagesFor(options.lang);
  const stdout = process.stdout;
  const stdin = process.stdin;
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') {
    await early?.discard();
    say(process.stderr, messages.ui.noRawMode);
    return 2;
  }
  const { autoPlay, knobs } = chatSetup(options);
  // The app's world: every way out below closes this one session, which kills its child first.
  const session = new ConversationSession({ open: early?.open ?? openPipeSession(), turns: TURNS, knobs });
  const close = (): Promise<void> => Promise.all([early?.discard(), session.close()]).then(() => undefined);
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT_SCREEN);
  };
  const removeExitHook = onExit(() => {
    // A signal path cannot await close(): the named pipe's path goes now, synchronously.
    session.removePath();
    void close();
    restore();
  });
  const onFatal = (error: unknown): void => {
    session.removePath();
    void close();
    restore();
    say(process.stderr, messages.cli.fatal(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    process.exit(1);
  };
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);

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
  try {
    const chat = { wiring: options.wiring, color: options.color };
    const saveTranscript = (state: ConversationState): SavedFiles => {
      const now = new Date();
      return saveTranscriptFiles(process.cwd(), now, exportTranscript(messages.ui, state, now));
    };
    const app = <App session={session} options={chat} messages={messages} autoPlay={autoPlay} saveTranscript={saveTranscript} suspend={suspend} redraws={redraws} runSweep={sweep} />;
    const instance = render(app, {
      exitOnCtrlC: false,
      patchConsole: true,
      // Not Ink's incrementalRendering: it cut the bytes per key from 5.1 KB to 300, but in a
      // pseudo-terminal its diff drew frames a line too low (the first frame's top line stayed above).
    });
    await instance.waitUntilExit();
    return 0;
  } finally {
    process.off('SIGCONT', onContinue);
    await close();
    restore();
    removeExitHook();
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  }
}
