// The entry component. It receives its whole world as props (the conversation session,
// the options, the catalogue), keeps the conversation reducer and the UI reducer, derives
// one view of the conversation per change, and carries out the commands that the one
// input layer (hooks/use-keys.ts) routes to it. Typed keys go to the waiting input, or,
// while nobody waits (the child is starting, a turn is under way, the conversation is
// over), to the draft of whoever types next, kept there for later. Auto-play types into
// the same drafts and submits through the same path as Enter.
import { Box, useApp, type Key } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { channelEnds } from '../channels/ends-registry.js';
import { nowUs, type Proc, type Wiring } from '../ipc/events.js';
import type { Messages } from '../i18n/index.js';
import type { AutoPlayOptions } from './auto-play/auto-play-plan.js';
import { bannerContent, failureText, type BannerContent } from './views/banner-lines.js';
import { ChatScreen } from './components/ChatScreen.js';
import { reduce } from './state/conversation-reducer.js';
import { initialState, type ConversationState, type OutsideHolder } from './state/model.js';
import { deriveView } from './state/view.js';
import { conversationTurn, other } from './state/turns.js';
import { channelListLines } from './views/channel-list-lines.js';
import { helpLines } from './views/help-lines.js';
import { isTooSmall, type Layout } from './views/layout.js';
import { LinesView } from './components/LinesView.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import type { SavedFiles } from './transcript/save-transcript.js';
import type { ConversationSession } from '../session/conversation-session.js';
import { textInputKey } from './widgets/text-input/text-input-keys.js';
import { useTextInputState } from './widgets/text-input/use-text-input-state.js';
import { makeTheme } from '../text/theme.js';
import { TooSmall } from './components/TooSmall.js';
import { useAutoPlay } from './auto-play/use-auto-play.js';
import { useSession } from './hooks/use-session.js';
import { useClock } from './hooks/use-clock.js';
import { useKeys, type Command } from './hooks/use-keys.js';
import { useSpinCpu } from './hooks/use-spin-cpu.js';
import { useClassSweep, type SweepRunner } from './hooks/use-class-sweep.js';
import { carryOut } from './commands.js';
import { sweepPanelLines } from './views/sweep-panel.js';
import { focusOf, initialUi, inputModeOf, nextTyper, reduceUi, type SavedNotice } from './state/ui-reducer.js';
import { useProcFds, type FdReader } from './hooks/use-proc-fds.js';
import { useOutsideHolders } from './hooks/use-outside-holders.js';
import { useRedraw, type RedrawRequests } from './hooks/use-redraw.js';
import { useStoppedWatch, type StateReader } from './hooks/use-stopped-watch.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { useKeeper } from './hooks/use-keeper.js';
import { useSteadyState } from './hooks/use-steady-state.js';
import type { KeeperLink } from '../ipc/keeper-link.js';

/** From this width the source view opens by itself (F2 or c closes it). */
export const SOURCE_OPENS_AT_COLS = 160;


export interface ChatOptions {
  /** The first wiring (--wiring, or --pipes). */
  wiring: Wiring;
  color: boolean;
  /** The first layout (--layout); the key Esc b toggles it. Three columns when absent. */
  layout?: Layout;
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
  /** Runs the in-chat sweep (Esc, g); absent: the key says it cannot. */
  runSweep?: SweepRunner;
  /** --keep: the keeper process, shown in a small box of its own; absent without one. */
  keeper?: KeeperLink;
  /**
   * Where --exit-when-done goes once the conversation has ended, instead of quitting (the
   * lesson's next screen), with the state it ended in; Ctrl+C and Esc q still quit.
   */
  onEnded?: (state: ConversationState) => void;
}

/** How long a changed delay is said in the banner. */
const KNOB_NOTE_MS = 5000;

const NO_AUTO_PLAY: AutoPlayOptions = { auto: false, script: { child: [], parent: [] }, speed: 1, exitWhenDone: false };

function savedBanner(t: Messages['ui'], notice: SavedNotice): BannerContent {
  return notice.ok
    ? { kind: 'saved', title: t.save.title, text: notice.text, keys: t.save.keys, tone: 'ok' }
    : { kind: 'saved', title: t.save.failedTitle, text: notice.text, keys: t.save.keys, tone: 'danger' };
}

/** A changed delay or step mode, said in words until the next command or a few seconds. */
function knobBanner(t: Messages['ui'], note: { title?: string; text: string }): BannerContent {
  return { kind: 'saved', title: note.title ?? t.notes.title, text: note.text, keys: '', tone: 'accent' };
}

export function App({ session: conversation, options, messages, size, fdReader, stateReader, clock, autoPlay, saveTranscript, suspend, redraws, runSweep, keeper, onEnded }: AppProps) {
  const t = messages.ui;
  const theme = useMemo(() => makeTheme(options.color), [options.color]);
  const { exit } = useApp();
  const { cols, rows } = useTerminalSize(size);
  const [state, dispatch] = useReducer(reduce, undefined, () => initialState(conversation.knobs, conversation.turns, conversation.stepping));
  const firstWiring = options.wiring;
  useSession(conversation, dispatch, firstWiring);
  // Derived from the state as it was before the clock's latest ticks, so a tick draws only the seconds.
  const drawn = useSteadyState(state);
  const view = useMemo(() => deriveView(drawn, firstWiring), [drawn, firstWiring]);
  useClock(view.clockRuns, dispatch, clock);
  useSpinCpu(state, dispatch);
  // Held at its step gate counts too: a process stopped there (SIGSTOP) is seen as stopped, and one only held is not.
  const childWaits = state.session?.status === 'open' && !state.session.child.exit && ['reading', 'typing', 'sleeping', 'held'].includes(state.session.child.activity?.doing ?? '');
  useStoppedWatch(state.session?.id ?? null, state.session?.child.pid ?? null, childWaits, dispatch, stateReader, clock ?? nowUs);
  useRedraw(redraws);
  const keeperState = useKeeper(keeper);

  const [ui, dispatchUi] = useReducer(reduceUi, options.layout, (layout = initialUi.layout) => ({ ...initialUi, layout }));
  const child = useTextInputState();
  const parent = useTextInputState();
  const drafts = useMemo(() => ({ child, parent }), [child, parent]);

  const waiting = view.typing;
  const focus = focusOf(ui, waiting);
  const mode = inputModeOf(ui);
  const session = state.session;
  const playing = view.phase === 'playing';
  const typist = focus ?? (session && playing ? nextTyper(session.child, session.parent) : 'child');
  // A line submitted in this burst of keys: what follows it is the other side's answer.
  const submittedTo = useRef<Proc | null>(null);
  // Set while the save banner is up: the key that closes it is taken by it (one key, even in a burst).
  const savedNoticeTakesKey = useRef(false);
  useLayoutEffect(() => {
    savedNoticeTakesKey.current = ui.saved !== null;
  }, [ui.saved]);
  useLayoutEffect(() => {
    submittedTo.current = null;
  });
  useEffect(() => {
    if (ui.knobNote === null) return;
    const timer = setTimeout(() => dispatchUi({ type: 'notice-dismissed' }), KNOB_NOTE_MS);
    return () => clearTimeout(timer);
  }, [ui.knobNote]);

  const outsideHolders = useCallback(() => conversation.outsideHolders(), [conversation]);
  const sessionId = session?.id ?? 0;
  const holdersSeen = useCallback((holders: OutsideHolder[]) => dispatch({ type: 'outside-holders', session: sessionId, holders, at: (clock ?? nowUs)() }), [sessionId, clock]);
  const namedOpen = session !== null && channelEnds(session.wiring).openToOthers && session.status === 'open';
  const holders = useOutsideHolders(namedOpen || view.waitsBesideOurBytes, String(sessionId), outsideHolders, holdersSeen, namedOpen);
  const fds = useProcFds(ui.fdsOpen, session?.parent.pid ?? null, session?.child.pid ?? null, session?.path ?? null, `${session?.id}:${session?.child.exit ? 'x' : ''}:${session?.status}:${state.traceCount}`, fdReader);

  // What Enter does in a side's input, for the user's key and for auto-play alike.
  const submitLine = useCallback(
    (proc: Proc, value: string): boolean => {
      if (value.trim() === '') {
        dispatchUi({ type: 'input-noted', proc, text: t.input.empty });
        return false;
      }
      if (!conversation.type(proc, value)) {
        dispatchUi({ type: 'input-noted', proc, text: t.input.kept });
        return false;
      }
      drafts[proc].edit({ type: 'clear' });
      submittedTo.current = proc;
      return true;
    },
    [conversation, drafts, t],
  );

  // Quitting after the link could not be opened is a failure: the program exits 1 with that reason.
  const failure = failureText(t, state);
  const quit = useCallback(() => {
    void conversation.close().then(() => exit(failure === null ? undefined : new Error(failure)));
  }, [conversation, exit, failure]);

  useAutoPlay(
    {
      state,
      drafts: { child: child.state.value, parent: parent.state.value },
      options: autoPlay ?? NO_AUTO_PLAY,
      paused: ui.helpOpen,
    },
    () => ({ child: child.current().value, parent: parent.current().value }),
    {
      typeText: (proc, text) => drafts[proc].edit({ type: 'insert', text }),
      submit: (proc) => submitLine(proc, drafts[proc].current().value),
      clear: (proc) => drafts[proc].edit({ type: 'clear' }),
      letGo: (proc) => conversation.letGo(proc),
      quit: onEnded ? () => onEnded(state) : quit,
    },
  );

  const sourceShown = ui.sourceOpen ?? cols >= SOURCE_OPENS_AT_COLS;
  const classSweep = useClassSweep(runSweep);
  // Built only when shown or scrolled: laying out every key's line costs a frame's worth of width measuring.
  const helpView = () => helpLines(t, cols, rows - 1, ui.helpScroll);
  const save = (): void => {
    if (!saveTranscript) return;
    try {
      const files = saveTranscript(state);
      dispatchUi({ type: 'saved', notice: { ok: true, text: t.save.done(sanitizeForDisplay(files.text), sanitizeForDisplay(files.json)) } });
    } catch (error) {
      dispatchUi({ type: 'saved', notice: { ok: false, text: t.save.failed(sanitizeForDisplay(error instanceof Error ? error.message : String(error))) } });
    }
  };
  // F3's list picked a channel: switch to it, live, counted from the turn under way.
  const picked = ui.picked;
  useEffect(() => {
    if (picked && picked.wiring !== conversation.wiring) conversation.switchTo(picked.wiring, view.phase === 'finished' ? 1 : conversationTurn(state));
    // Only a new pick switches: not a later change of the conversation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked]);
  const command = (command: Command) =>
    carryOut(command, { conversation, state, dispatch, view, ui, dispatchUi, t, rows, waiting, focus, sourceShown, quit, suspend, save, helpScroll: () => helpView(), sweep: classSweep });
  const typed = (text: string, key: Key, paste: boolean) => {
    dispatchUi({ type: 'typing-mode' });
    dispatchUi({ type: 'notice-dismissed' });
    // The save banner says "the next key closes this": that key closes it and is not typed.
    if (savedNoticeTakesKey.current && !paste) {
      savedNoticeTakesKey.current = false;
      return;
    }
    const proc = submittedTo.current ? other(submittedTo.current) : typist;
    const edit = paste ? ({ type: 'insert', text } as const) : textInputKey(text, key);
    if (edit === 'submit') return submitLine(proc, drafts[proc].current().value);
    if (!edit) return;
    dispatchUi({ type: 'input-note-cleared' });
    drafts[proc].edit(edit);
  };
  // A reader that stopped spinning for want of messages spins again at any key.
  const parked = session !== null && (['parent', 'child'] as const).some((p) => session[p].spin?.idleCpuMs != null && !session[p].exit);
  const resumingFirst =
    <A extends unknown[]>(route: (...args: A) => void) =>
    (...args: A): void => {
      if (parked) conversation.resumeSpin();
      route(...args);
    };
  useKeys({ mode, command: resumingFirst(command), typed: resumingFirst(typed) });
  // Once per state: a key press that only edits a draft keeps the banner's lines from the last frame.
  const banner = useMemo(
    () => (ui.saved ? savedBanner(t, ui.saved) : ui.knobNote ? knobBanner(t, ui.knobNote) : bannerContent(t, state, view)),
    [t, ui.saved, ui.knobNote, state, view],
  );

  if (isTooSmall(cols, rows)) return <TooSmall t={t} cols={cols} rows={rows} />;
  if (ui.helpOpen || ui.sweepOpen || ui.channelList !== null) {
    const overlay = ui.helpOpen
      ? helpView().lines
      : ui.sweepOpen
        ? sweepPanelLines(t, classSweep.sweep, cols, rows - 1)
        : channelListLines(t, conversation.wiring ?? view.wiring, ui.channelList ?? 0, cols, rows - 1);
    return (
      <Box width={cols} height={rows - 1}>
        <LinesView lines={overlay} theme={theme} width={cols} />
      </Box>
    );
  }
  const pending = (p: Proc) => session?.[p].keyboardPending ?? false;
  const noteFor = (p: Proc): string | undefined => {
    // "Kept" is over once that process waits for its line: the draft is there for it.
    if (ui.inputNote?.proc === p && !(ui.inputNote.text === t.input.kept && waiting.includes(p))) return ui.inputNote.text;
    // A channel the parent only reads (pipe1): its input says why it never takes a line.
    const oneWay = session ? t.channels[session.wiring].parentInput : undefined;
    if (p === 'parent' && oneWay) return oneWay;
    return !waiting.includes(p) && !pending(p) && drafts[p].state.value !== '' ? t.input.kept : undefined;
  };
  const inputFor = (p: Proc) => ({ draft: drafts[p].state, waiting: waiting.includes(p) || pending(p), focused: mode === 'text' && focus === p, keysMode: mode !== 'text', pending: pending(p), note: noteFor(p) });
  return (
    <ChatScreen
      t={t}
      theme={theme}
      state={state}
      steady={drawn}
      view={view}
      cols={cols}
      rows={rows}
      inputs={{ parent: inputFor('parent'), child: inputFor('child') }}
      typingMode={mode === 'text'}
      canSwitch={waiting.length > 1}
      scroll={{ panes: ui.paneScroll, panels: ui.panelScroll, kernel: ui.kernelScroll }}
      autoPlaySpeed={autoPlay?.auto ? autoPlay.speed : null}
      banner={banner}
      traceOpen={ui.traceOpen}
      fdsOpen={ui.fdsOpen}
      fds={fds}
      sourceOpen={sourceShown}
      holders={holders}
      keeper={keeperState}
      layout={ui.layout}
    />
  );
}
