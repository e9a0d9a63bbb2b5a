// What each command does, once the input layer (hooks/use-keys.ts) has routed a key to
// it: ask the conversation session (toggle, restart, delays), change the screen's own
// state (panels, help, scrolling), save, run the in-chat sweep, or quit. Plain code
// over what App hands in, so App stays the place that wires things together.
import type { Dispatch } from 'react';
import { listedChannels } from '../channels/channel-list.js';
import { channelEnds } from '../channels/ends-registry.js';
import type { Proc } from '../ipc/events.js';
import type { ConversationSession } from '../session/conversation-session.js';
import type { Command } from './hooks/use-keys.js';
import type { useClassSweep } from './hooks/use-class-sweep.js';
import type { Action, ConversationState } from './state/model.js';
import { moments } from './state/transcript.js';
import { conversationTurn } from './state/turns.js';
import { usesUpEsc, type UiAction, type UiState } from './state/ui-reducer.js';
import type { ConversationView } from './state/view.js';
import { formatDuration, type Ui } from './views/phrases.js';

export const CHILD_DELAYS_MS = [0, 100, 2000];
export const PARENT_DELAYS_MS = [0, 200, 1000];

/** The commands that only change the screen's own state, each as its action. */
const UI_ACTIONS = {
  help: 'help-opened',
  'keys-mode': 'keys-mode',
  'typing-mode': 'typing-mode',
  trace: 'trace-toggled',
  fds: 'fds-toggled',
  layout: 'layout-toggled',
} as const;

/** F3's list, in the order it shows them (grouped). */
const LISTED = listedChannels();

/** The next value after `current` in the cycle (values off the cycle go to the next larger one). */
export function nextInCycle(cycle: number[], current: number): number {
  return cycle.find((v) => v > current) ?? cycle[0] ?? 0;
}

export interface CommandContext {
  conversation: ConversationSession;
  state: ConversationState;
  dispatch: Dispatch<Action>;
  view: ConversationView;
  ui: UiState;
  dispatchUi: Dispatch<UiAction>;
  t: Ui;
  rows: number;
  waiting: Proc[];
  focus: Proc | null;
  sourceShown: boolean;
  quit(): void;
  suspend: (() => void) | undefined;
  save(): void;
  /** The help's scroll limit and the rows one screen of it shows. */
  helpScroll(): { maxScroll: number; page: number };
  sweep: ReturnType<typeof useClassSweep>;
}

export function carryOut(command: Command, c: CommandContext): void {
  const { conversation, state, view, ui, dispatchUi, t } = c;
  // The saved notice stands until the next command, and the banner it covered comes back.
  dispatchUi({ type: 'notice-dismissed' });
  if (usesUpEsc(command)) dispatchUi({ type: 'typing-mode' });
  const wiring = conversation.wiring ?? view.wiring;
  const turnOn = view.phase === 'finished' ? 1 : conversationTurn(state);
  switch (command) {
    case 'quit':
      return c.quit();
    case 'suspend':
      return c.suspend?.();
    case 'toggle':
      return conversation.toggle(turnOn);
    case 'channel-list':
      return dispatchUi({ type: 'channel-list-toggled', at: Math.max(0, LISTED.indexOf(wiring)) });
    case 'list-up':
    case 'list-down':
      return dispatchUi({ type: 'channel-list-moved', by: command === 'list-up' ? -1 : 1, count: LISTED.length });
    case 'close-list':
      return dispatchUi({ type: 'channel-list-closed' });
    case 'list-pick':
      // Through the reducer: keys can come faster than frames, and the row chosen is the reducer's.
      return dispatchUi({ type: 'channel-list-picked', listed: LISTED });
    case 'source':
      return dispatchUi({ type: 'source-toggled', shown: c.sourceShown });
    case 'sweep':
      // The race is about a shared pipe: on a channel that cannot steal, the sweep runs on the one the channel names.
      c.sweep.start(channelEnds(wiring).raceOn);
      return dispatchUi({ type: 'sweep-opened' });
    case 'close-help':
      if (!ui.sweepOpen) return dispatchUi({ type: 'help-closed' });
      c.sweep.close();
      return dispatchUi({ type: 'sweep-closed' });
    case 'restart':
      if (view.phase === 'child-died') return conversation.start('respawn', wiring, conversationTurn(state));
      return conversation.start('restart', wiring, 1);
    case 'zero-tally':
      return c.dispatch({ type: 'tally-reset', wiring, wallMs: Date.now() });
    case 'child-delay': {
      const ms = nextInCycle(CHILD_DELAYS_MS, conversation.knobs.childDelayMs);
      conversation.setChildDelay(ms);
      return dispatchUi({ type: 'knob-noted', text: t.notes.childDelay(formatDuration(t, ms)) });
    }
    case 'parent-delay': {
      const ms = nextInCycle(PARENT_DELAYS_MS, conversation.knobs.parentDelayMs);
      conversation.setParentDelay(ms);
      return dispatchUi({ type: 'knob-noted', text: t.notes.parentDelay(formatDuration(t, ms)) });
    }
    case 'step-mode': {
      const want = !conversation.stepping;
      conversation.setStepping(want);
      const text = conversation.stepping === want ? (want ? t.step.on : t.step.off) : t.step.refused;
      return dispatchUi({ type: 'knob-noted', title: t.step.title, text });
    }
    case 'let-go-parent':
    case 'let-go-child': {
      const proc: Proc = command === 'let-go-parent' ? 'parent' : 'child';
      // A key that lets nothing go says why, rather than doing nothing silently.
      if (!conversation.letGo(proc)) dispatchUi({ type: 'knob-noted', title: t.step.title, text: conversation.stepping ? t.step.notHeld(t.procLower[proc]) : t.step.isOff });
      return;
    }
    case 'page-up':
    case 'page-down': {
      return dispatchUi({ type: 'scrolled', what: 'panes', by: (command === 'page-up' ? 1 : -1) * Math.max(1, Math.floor(c.rows / 12)), max: Math.max(0, moments(state).length - 1) });
    }
    case 'panel-up':
    case 'panel-down':
      if (!ui.traceOpen && !ui.fdsOpen) return;
      return dispatchUi({ type: 'scrolled', what: 'panels', by: command === 'panel-up' ? 1 : -1, max: Math.max(0, state.trace.length - 1) });
    case 'save':
      return c.save();
    case 'help-up':
    case 'help-down':
    case 'help-page-up':
    case 'help-page-down': {
      if (ui.sweepOpen) return;
      const { maxScroll, page } = c.helpScroll();
      // A page keeps one row of the screen before it, as a pager does.
      const step = command === 'help-up' || command === 'help-down' ? 1 : Math.max(1, page - 1);
      return dispatchUi({ type: 'help-scrolled', by: command === 'help-up' || command === 'help-page-up' ? -step : step, maxScroll });
    }
    case 'other-input':
      return dispatchUi({ type: 'other-input', waiting: c.waiting, focus: c.focus });
    case 'help':
    case 'keys-mode':
    case 'typing-mode':
    case 'trace':
    case 'fds':
    case 'layout':
      return dispatchUi({ type: UI_ACTIONS[command] });
  }
}
