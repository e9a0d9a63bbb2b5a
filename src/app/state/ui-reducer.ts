// The screen's own state, apart from the conversation: whether keys type into an input
// or are commands, which input has the focus when both processes wait at a keyboard,
// the help overlay and its scroll, the trace and fd panels, and the notice of saved
// files (it stands until the next command). Pure, so it is tested without rendering.
import type { Proc } from '../../ipc/events.js';

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
  /** The source view: open, closed, or not chosen yet (then it follows the terminal's width). */
  sourceOpen: boolean | null;
  /** Esc was pressed: single letters are commands even while a process waits for a line. */
  keysMode: boolean;
  /** The input the user last chose with Tab, when both wait. */
  preferred: Proc;
  saved: SavedNotice | null;
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
  | { type: 'source-toggled'; shown: boolean }
  | { type: 'saved'; notice: SavedNotice }
  | { type: 'notice-dismissed' };

/** Where keys go: the help overlay, the focused input, or the command letters. */
export type InputMode = 'help' | 'text' | 'commands';

export const initialUi: UiState = { helpOpen: false, helpScroll: 0, traceOpen: false, fdsOpen: false, sourceOpen: null, keysMode: false, preferred: 'child', saved: null };

export function reduceUi(ui: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'help-opened':
      return { ...ui, helpOpen: true, helpScroll: 0 };
    case 'help-closed':
      return { ...ui, helpOpen: false };
    case 'help-scrolled':
      return { ...ui, helpScroll: Math.max(0, Math.min(action.maxScroll, ui.helpScroll + action.by)) };
    case 'keys-mode':
      return { ...ui, keysMode: true };
    case 'typing-mode':
      return { ...ui, keysMode: false };
    case 'other-input': {
      const next = action.waiting.find((p) => p !== action.focus);
      return next ? { ...ui, preferred: next } : ui;
    }
    case 'trace-toggled':
      return { ...ui, traceOpen: !ui.traceOpen };
    case 'fds-toggled':
      return { ...ui, fdsOpen: !ui.fdsOpen };
    case 'source-toggled':
      return { ...ui, sourceOpen: !action.shown };
    case 'saved':
      return { ...ui, saved: action.notice };
    case 'notice-dismissed':
      return ui.saved ? { ...ui, saved: null } : ui;
  }
}

/** The input that keys type into: the preferred one if it waits, else the first that does. */
export function focusOf(ui: UiState, waiting: Proc[]): Proc | null {
  return waiting.includes(ui.preferred) ? ui.preferred : (waiting[0] ?? null);
}

/** With no process at its keyboard there is nothing to type into: single letters are commands. */
export function inputModeOf(ui: UiState, focus: Proc | null): InputMode {
  if (ui.helpOpen) return 'help';
  return !ui.keysMode && focus !== null ? 'text' : 'commands';
}
