// The screen's own state, apart from the conversation: whether the next key is a
// command (one key after Esc) or typed, which input has the focus when both processes
// wait at a keyboard, the help overlay and its scroll, how far the panes and the panels
// are scrolled back, the trace and fd panels, the layout (three columns or `big`), a short note in an input (an empty Enter,
// a line kept for later), the notice of a changed delay, and the notice of saved files
// (they stand until the next command). Pure, so it is tested without rendering.
import type { Proc, Wiring } from '../../ipc/events.js';
import type { Layout } from '../views/layout.js';

export interface SavedNotice {
  ok: boolean;
  /** Where the files went, or why they could not be written. */
  text: string;
}

export interface UiState {
  helpOpen: boolean;
  helpScroll: number;
  traceOpen: boolean;
  fdsOpen: boolean;
  /** Three columns, or the two panes side by side with the drawing under them (`big`, for a projector). */
  layout: Layout;
  /** The in-chat sweep's panel covers the screen (it runs, or shows its chart). */
  sweepOpen: boolean;
  /** The source view: open, closed, or not chosen yet (then it follows the terminal's width). */
  sourceOpen: boolean | null;
  /** Esc was pressed: the next single key is a command, then typing again. */
  keysMode: boolean;
  /** How many transcript entries the panes are scrolled back from the newest (0: following). */
  paneScroll: number;
  /** How many rows the trace is scrolled back from its newest (0: following). */
  panelScroll: number;
  /**
   * How many rows the kernel view (fd panel) is scrolled down from its top. ↑ and ↓ move
   * both panels the same way on screen: ↑ shows what is above (older calls, the top of the
   * kernel view), ↓ what is below.
   */
  kernelScroll: number;
  /** A short note under one input, until the next key typed there. */
  inputNote: { proc: Proc; text: string } | null;
  /** A changed delay or step mode, said in words (under its own title, or the delay's); it stands until the next command or a few seconds. */
  knobNote: { title?: string; text: string } | null;
  /** The input the user last chose with Tab, when both wait. */
  preferred: Proc;
  saved: SavedNotice | null;
  /** F3's list of channels: the row chosen, or null while it is closed. */
  channelList: number | null;
  /** The channel last picked in that list (numbered, so picking the same one twice is two picks); the app switches to it. */
  picked: { wiring: Wiring; n: number } | null;
}

export type UiAction =
  | { type: 'help-opened' }
  | { type: 'help-closed' }
  | { type: 'help-scrolled'; by: number; maxScroll: number }
  | { type: 'keys-mode' }
  | { type: 'typing-mode' }
  | { type: 'other-input'; waiting: Proc[]; focus: Proc | null }
  | { type: 'trace-toggled' }
  | { type: 'fds-toggled' }
  | { type: 'layout-toggled' }
  | { type: 'source-toggled'; shown: boolean }
  | { type: 'sweep-opened' }
  | { type: 'sweep-closed' }
  | { type: 'saved'; notice: SavedNotice }
  | { type: 'scrolled'; what: 'panes' | 'panels'; by: number; max: number }
  | { type: 'input-noted'; proc: Proc; text: string }
  | { type: 'input-note-cleared' }
  | { type: 'knob-noted'; text: string; title?: string }
  | { type: 'notice-dismissed' }
  | { type: 'channel-list-toggled'; at: number }
  | { type: 'channel-list-moved'; by: number; count: number }
  | { type: 'channel-list-picked'; listed: readonly Wiring[] }
  | { type: 'channel-list-closed' };

/** Where keys go: the help overlay, F3's list of channels, the line being typed, or one command after Esc. */
export type InputMode = 'help' | 'list' | 'text' | 'keys';

export const initialUi: UiState = {
  helpOpen: false,
  helpScroll: 0,
  traceOpen: false,
  fdsOpen: false,
  layout: 'three',
  sweepOpen: false,
  sourceOpen: null,
  keysMode: false,
  paneScroll: 0,
  panelScroll: 0,
  kernelScroll: 0,
  inputNote: null,
  knobNote: null,
  preferred: 'child',
  saved: null,
  channelList: null,
  picked: null,
};

const clamp = (value: number, max: number): number => Math.max(0, Math.min(max, value));
/** No kernel view is longer than this many rows: ↓ is counted no further. */
const KERNEL_VIEW_ROWS = 40;

export function reduceUi(ui: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'help-opened':
      return { ...ui, helpOpen: true, helpScroll: 0 };
    case 'help-closed':
      return { ...ui, helpOpen: false };
    case 'help-scrolled':
      return { ...ui, helpScroll: clamp(ui.helpScroll + action.by, action.maxScroll) };
    case 'keys-mode':
      return { ...ui, keysMode: true };
    case 'typing-mode':
      return ui.keysMode ? { ...ui, keysMode: false } : ui;
    case 'other-input': {
      const next = action.waiting.find((p) => p !== action.focus);
      return next ? { ...ui, preferred: next } : ui;
    }
    case 'trace-toggled':
      return { ...ui, traceOpen: !ui.traceOpen };
    case 'fds-toggled':
      return { ...ui, fdsOpen: !ui.fdsOpen };
    case 'layout-toggled':
      return { ...ui, layout: ui.layout === 'big' ? 'three' : 'big' };
    case 'source-toggled':
      return { ...ui, sourceOpen: !action.shown };
    case 'sweep-opened':
      return { ...ui, sweepOpen: true };
    case 'sweep-closed':
      return { ...ui, sweepOpen: false };
    case 'saved':
      return { ...ui, saved: action.notice };
    case 'notice-dismissed':
      return ui.saved || ui.knobNote ? { ...ui, saved: null, knobNote: null } : ui;
    case 'scrolled':
      return action.what === 'panes'
        ? { ...ui, paneScroll: clamp(ui.paneScroll + action.by, action.max) }
        : { ...ui, panelScroll: clamp(ui.panelScroll + action.by, action.max), kernelScroll: clamp(ui.kernelScroll - action.by, KERNEL_VIEW_ROWS) };
    case 'input-noted':
      return { ...ui, inputNote: { proc: action.proc, text: action.text } };
    case 'input-note-cleared':
      return ui.inputNote ? { ...ui, inputNote: null } : ui;
    case 'knob-noted':
      return { ...ui, knobNote: action.title === undefined ? { text: action.text } : { title: action.title, text: action.text } };
    case 'channel-list-toggled':
      return { ...ui, channelList: ui.channelList === null ? action.at : null, keysMode: false };
    case 'channel-list-picked': {
      const wiring = ui.channelList === null ? undefined : action.listed[ui.channelList];
      return { ...ui, channelList: null, picked: wiring ? { wiring, n: (ui.picked?.n ?? 0) + 1 } : ui.picked };
    }
    case 'channel-list-moved':
      return ui.channelList === null ? ui : { ...ui, channelList: (ui.channelList + action.by + action.count) % action.count };
    case 'channel-list-closed':
      return { ...ui, channelList: null };
  }
}

/** The input that keys type into: the preferred one if it waits, else the first that does. */
export function focusOf(ui: UiState, waiting: Proc[]): Proc | null {
  return waiting.includes(ui.preferred) ? ui.preferred : (waiting[0] ?? null);
}

/**
 * Keys are typed unless the help is open or Esc was just pressed, even while no process
 * waits for a line: what is typed then is kept for the input that becomes active next.
 */
export function inputModeOf(ui: UiState): InputMode {
  // The sweep's panel takes keys as the help does: Esc (or q, ?) closes it, and cancels a sweep that runs.
  if (ui.helpOpen || ui.sweepOpen) return 'help';
  if (ui.channelList !== null) return 'list';
  return ui.keysMode ? 'keys' : 'text';
}

/**
 * Esc arms one command: any command uses it up (the keys are typed again) but scrolling
 * (PgUp/PgDn, ↑/↓ in a panel or the list), which keeps it for the command still to come.
 * The one rule, for the key routing (hooks/use-keys.ts) and the commands (commands.ts).
 */
export function usesUpEsc(command: string): boolean {
  return command !== 'keys-mode' && !/^(page|panel|list)-/.test(command);
}

/** Who types next while a turn is under way and nobody waits: the child opens each turn, the parent answers it. */
export function nextTyper(child: { writes: number; keyboardPending: boolean }, parent: { writes: number }): Proc {
  return child.keyboardPending || child.writes > parent.writes ? 'parent' : 'child';
}
