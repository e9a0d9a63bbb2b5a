// Keys layer of the text input widget: what a key does to the line, pure. Keys the
// whole app owns (Ctrl+C, Ctrl+T, Ctrl+Z, Esc, Tab, F1) never reach it: the input layer
// (hooks/use-keys.ts) routes them first. Any other Ctrl+letter is typed as its visible
// control picture (Ctrl+G: ␇), never as the control itself.
import type { Key } from 'ink';
import { controlPicture } from '../../../text/sanitize.js';
import type { TextInputAction } from './text-input-state.js';

/** Ctrl keys the app or the editor already uses. */
const APP_CTRL_KEYS = new Set(['a', 'c', 'e', 't', 'u', 'w', 'z']);

/** The edit a key makes, 'submit' for Enter, or null for a key the input ignores. */
export function textInputKey(text: string, key: Key): TextInputAction | 'submit' | null {
  if (key.return) return 'submit';
  if (key.backspace) return { type: 'backspace' };
  if (key.delete) return { type: 'delete' };
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  if (key.home || (key.ctrl && text === 'a')) return { type: 'home' };
  if (key.end || (key.ctrl && text === 'e')) return { type: 'end' };
  if (key.ctrl && text === 'u') return { type: 'clear' };
  if (key.ctrl && text === 'w') return { type: 'delete-word' };
  const picture = key.ctrl && !APP_CTRL_KEYS.has(text) ? controlPicture(text) : null;
  if (picture) return { type: 'insert', text: picture };
  if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return null;
  return text ? { type: 'insert', text } : null;
}
