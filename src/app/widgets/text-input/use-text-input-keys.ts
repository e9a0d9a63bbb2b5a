// Input layer of the text input widget: maps keys to edits while active. Keys the
// whole app owns (Ctrl+C, Ctrl+T, Esc, Tab, F1) are left to the global handler; any
// other Ctrl+letter is typed as its visible control picture (Ctrl+G: ␇), never as the
// control itself.
import { useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';
import { controlPicture } from '../../text/sanitize.js';
import type { TextInputHandle } from './use-text-input-state.js';

/** Ctrl keys the app or the editor already uses. */
const APP_CTRL_KEYS = new Set(['a', 'c', 'e', 't', 'u', 'w', 'z']);

export function useTextInputKeys(input: TextInputHandle | null, onSubmit: (value: string) => void, isActive: boolean): void {
  // Refs, not closures: keys typed quickly must each see the draft the previous one left.
  // The subscription stays on and the ref says whether this input is active: a key that
  // arrives between a render and Ink's re-subscription still goes where the screen shows.
  const latest = useRef({ input, onSubmit, isActive });
  latest.current = { input, onSubmit, isActive };
  const onKey = useCallback((text: string, key: Key) => {
    const { input, onSubmit, isActive } = latest.current;
    if (!input || !isActive) return;
    const { edit } = input;
    if (key.return) onSubmit(input.current().value);
    else if (key.backspace) edit({ type: 'backspace' });
    else if (key.delete) edit({ type: 'delete' });
    else if (key.leftArrow) edit({ type: 'left' });
    else if (key.rightArrow) edit({ type: 'right' });
    else if (key.home || (key.ctrl && text === 'a')) edit({ type: 'home' });
    else if (key.end || (key.ctrl && text === 'e')) edit({ type: 'end' });
    else if (key.ctrl && text === 'u') edit({ type: 'clear' });
    else if (key.ctrl && text === 'w') edit({ type: 'delete-word' });
    else if (key.ctrl && !APP_CTRL_KEYS.has(text) && controlPicture(text)) edit({ type: 'insert', text: controlPicture(text) ?? '' });
    else if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return;
    else if (text) edit({ type: 'insert', text });
  }, []);
  useInput(onKey);
}
