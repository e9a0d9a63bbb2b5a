// The entry component. It receives its whole world as props (how to open a session
// of parent and child, the options, the catalogue), owns the conversation reducer and
// the UI's own state (which panel is open, typing or keys mode, the two drafts), and
// routes keys: one global handler, and the focused input's handler when typing.
// Auto-play types into the same drafts and submits through the same path as Enter.
import { Box, useApp } from 'ink';
import { useCallback, useMemo, useReducer, useState } from 'react';
import { nowUs, type PipeMode, type Proc } from '../ipc/events.js';
import type { Messages } from '../i18n/index.js';
import type { AutoPlayOptions } from './auto-play/auto-play-plan.js';
import { bannerContent, type BannerContent } from './views/banner-lines.js';
import { ChatScreen } from './components/ChatScreen.js';
import { reduce } from './state/conversation-reducer.js';
import { initialState, type ConversationState } from './state/model.js';
import { deriveView } from './state/view.js';
import { conversationTurn } from './state/turns.js';
import { helpLines } from './views/help-lines.js';
import { isTooSmall } from './views/layout.js';
import { LinesView } from './components/LinesView.js';
import { sanitizeForDisplay } from './text/sanitize.js';
import type { SavedFiles } from './transcript/save-transcript.js';
import type { ConversationSession } from '../session/conversation-session.js';
import { useTextInputKeys } from './widgets/text-input/use-text-input-keys.js';
import { useTextInputState } from './widgets/text-input/use-text-input-state.js';
import { makeTheme } from './text/theme.js';
import { TooSmall } from './components/TooSmall.js';
import { useAutoPlay } from './auto-play/use-auto-play.js';
import { useSession } from './hooks/use-session.js';
import { useClock } from './hooks/use-clock.js';
import { useGlobalKeys, type Command } from './hooks/use-global-keys.js';
import { useProcFds, type FdReader } from './hooks/use-proc-fds.js';
import { useRedraw, type RedrawRequests } from './hooks/use-redraw.js';
import { useStoppedWatch, type StateReader } from './hooks/use-stopped-watch.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';

export const CHILD_DELAYS_MS = [0, 100, 2000];
export const PARENT_DELAYS_MS = [0, 200, 1000];

export interface ChatOptions {
  mode: PipeMode;
  color: boolean;
}

export interface AppProps {
  /** The conversation: its link, parent program and child; App only subscribes and asks. */
  session: ConversationSession;
  options: ChatOptions;
  messages: Messages;
  /** A fixed size (tests); otherwise the terminal's, followed on resize. */
  size?: TerminalSize;
  fdReader?: FdReader;
  /** The monotonic clock in µs (tests pass a fixed one). */
  clock?: () => number;
  /** --auto, --script, --speed and --exit-when-done; absent: nothing plays by itself. */
  autoPlay?: AutoPlayOptions;
  /** The `s` key: writes the transcript and trace to files and says where; absent: the key does nothing. */
  saveTranscript?: (state: ConversationState) => SavedFiles;
  /** Reads a process's state letter from the kernel (tests hand in a fake). */
  stateReader?: StateReader;
  /** Ctrl+Z: give the terminal back and stop, as a shell's job control expects (absent: ignored). */
  suspend?: () => void;
  /** Full redraws asked from outside (the job was continued after a stop). */
  redraws?: RedrawRequests;
}

const NO_AUTO_PLAY: AutoPlayOptions = { auto: false, script: { child: [], parent: [] }, speed: 1, exitWhenDone: false };

/** The next value after `current` in the cycle (values off the cycle go to the next larger one). */
export function nextInCycle(cycle: number[], current: number): number {
  return cycle.find((v) => v > current) ?? cycle[0] ?? 0;
}

export function App({ session: conversation, options, messages, size, fdReader, stateReader, clock, autoPlay, saveTranscript, suspend, redraws }: AppProps) {
  const t = messages.ui;
  const theme = useMemo(() => makeTheme(options.color), [options.color]);
  const { exit } = useApp();
  const { cols, rows } = useTerminalSize(size);
  const [state, dispatch] = useReducer(reduce, undefined, () => initialState(conversation.knobs, conversation.turns));
  useSession(conversation, dispatch, options.mode);
  const view = useMemo(() => deriveView(state, options.mode), [state, options.mode]);
  useClock(view.clockRuns, dispatch, clock);
  const childWaits = state.session?.status === 'open' && !state.session.child.exit && ['reading', 'typing', 'sleeping'].includes(state.session.child.activity?.doing ?? '');
  useStoppedWatch(state.session?.id ?? null, state.session?.child.pid ?? null, childWaits, dispatch, stateReader, clock ?? nowUs);
  useRedraw(redraws);

  const [helpOpen, setHelpOpen] = useState(false);
  const [helpScroll, setHelpScroll] = useState(0);
  const [traceOpen, setTraceOpen] = useState(false);
  const [fdsOpen, setFdsOpen] = useState(false);
  const [saved, setSaved] = useState<BannerContent | null>(null);
  const [keysMode, setKeysMode] = useState(false);
  const [preferred, setPreferred] = useState<Proc>('child');
  const drafts = { child: useTextInputState(), parent: useTextInputState() };

  const waiting = view.typing;
  const focus: Proc | null = waiting.includes(preferred) ? preferred : (waiting[0] ?? null);
  // With no process at its keyboard there is nothing to type into: single letters are commands.
  const typing = !keysMode && !helpOpen && focus !== null;
  const session = state.session;

  const fds = useProcFds(fdsOpen, session?.parent.pid ?? null, session?.child.pid ?? null, `${session?.id}:${session?.child.exit ? 'x' : ''}:${session?.status}`, fdReader);

  // What Enter does in a side's input, for the user's key and for auto-play alike.
  const submitLine = useCallback(
    (proc: Proc, value: string): boolean => {
      if (value.trim() === '' || !conversation.type(proc, value)) return false;
      drafts[proc].edit({ type: 'clear' });
      return true;
    },
    // drafts are stable reducers' dispatchers
    [conversation, drafts.child.edit, drafts.parent.edit],
  );
  const submit = useCallback(
    (value: string) => {
      if (focus) submitLine(focus, value);
    },
    [focus, submitLine],
  );
  useTextInputKeys(focus ? drafts[focus] : null, submit, typing && focus !== null);

  // Quitting after the link could not be opened is a failure: the program exits 1 with that reason.
  const failure = session?.status === 'failed' ? t.banner.failed(session.error ?? '') : null;
  const quit = useCallback(() => {
    void conversation.close().then(() => exit(failure === null ? undefined : new Error(failure)));
  }, [conversation, exit, failure]);

  useAutoPlay(
    {
      state,
      drafts: { child: drafts.child.state.value, parent: drafts.parent.state.value },
      options: autoPlay ?? NO_AUTO_PLAY,
      paused: helpOpen,
    },
    () => ({ child: drafts.child.current().value, parent: drafts.parent.current().value }),
    {
      typeText: (proc, text) => drafts[proc].edit({ type: 'insert', text }),
      submit: (proc) => submitLine(proc, drafts[proc].current().value),
      clear: (proc) => drafts[proc].edit({ type: 'clear' }),
      quit,
    },
  );

  // Built only when shown or scrolled: laying out every key's line costs a frame's worth of width measuring.
  const helpView = () => helpLines(t, cols, rows - 1, helpScroll);
  const save = (): void => {
    if (!saveTranscript) return;
    try {
      const files = saveTranscript(state);
      const text = t.save.done(sanitizeForDisplay(files.text), sanitizeForDisplay(files.json));
      setSaved({ kind: 'saved', title: t.save.title, text, keys: t.save.keys, tone: 'ok' });
    } catch (error) {
      const text = t.save.failed(sanitizeForDisplay(error instanceof Error ? error.message : String(error)));
      setSaved({ kind: 'saved', title: t.save.failedTitle, text, keys: t.save.keys, tone: 'danger' });
    }
  };
  const run = (command: Command) => {
    // The saved notice stands until the next key, and the banner it covered comes back.
    if (saved) setSaved(null);
    const phase = view.phase;
    const mode = session?.mode ?? options.mode;
    switch (command) {
      case 'quit':
        return quit();
      case 'suspend':
        return suspend?.();
      case 'toggle':
        return conversation.start('toggle', mode === 'two' ? 'one' : 'two', phase === 'finished' ? 1 : conversationTurn(state));
      case 'help':
        setHelpScroll(0);
        return setHelpOpen(true);
      case 'help-up':
        return setHelpScroll((v) => Math.max(0, v - 1));
      case 'help-down':
        return setHelpScroll((v) => Math.min(helpView().maxScroll, v + 1));
      case 'close-help':
        return setHelpOpen(false);
      case 'keys-mode':
        return setKeysMode(true);
      case 'typing-mode':
        return setKeysMode(false);
      case 'other-input': {
        const next = waiting.find((p) => p !== focus);
        if (next) setPreferred(next);
        return;
      }
      case 'restart':
        if (phase === 'child-died') return conversation.start('respawn', mode, conversationTurn(state));
        return conversation.start('restart', mode, 1);
      case 'child-delay':
        return conversation.setChildDelay(nextInCycle(CHILD_DELAYS_MS, state.knobs.childDelayMs));
      case 'parent-delay':
        return conversation.setParentDelay(nextInCycle(PARENT_DELAYS_MS, state.knobs.parentDelayMs));
      case 'trace':
        return setTraceOpen((v) => !v);
      case 'fds':
        return setFdsOpen((v) => !v);
      case 'save':
        return save();
    }
  };
  useGlobalKeys(run, { typing, helpOpen });

  if (isTooSmall(cols, rows)) return <TooSmall t={t} cols={cols} rows={rows} />;
  if (helpOpen) {
    return (
      <Box width={cols} height={rows - 1}>
        <LinesView lines={helpView().lines} theme={theme} width={cols} />
      </Box>
    );
  }
  const pending = (p: Proc) => session?.[p].keyboardPending ?? false;
  const inputFor = (p: Proc) => ({ draft: drafts[p].state, waiting: waiting.includes(p) || pending(p), focused: typing && focus === p, pending: pending(p) });
  return (
    <ChatScreen
      t={t}
      theme={theme}
      state={state}
      view={view}
      cols={cols}
      rows={rows}
      inputs={{ parent: inputFor('parent'), child: inputFor('child') }}
      typingMode={typing}
      autoPlaySpeed={autoPlay?.auto ? autoPlay.speed : null}
      banner={saved ?? bannerContent(t, state, view)}
      traceOpen={traceOpen}
      fdsOpen={fdsOpen}
      fds={fds}
    />
  );
}
