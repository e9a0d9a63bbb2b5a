// The editing model of a one-line input, pure: a value and a cursor counted in
// grapheme clusters, so that a Hangul syllable or an emoji is one step for the arrows
// and for Backspace. Typed and pasted text is cleaned (no controls, no newlines).
import { cleanTypedText } from '../../text/sanitize.js';
import { graphemes } from '../../text/text-width.js';

export interface TextInputState {
  value: string;
  /** Cursor position in graphemes from the start. */
  cursor: number;
  /** Bytes of the last typed or pasted text that did not fit in a message (0: all fitted). */
  refused: number;
}

export type TextInputAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'delete-word' }
  | { type: 'clear' };

export const emptyInput: TextInputState = { value: '', cursor: 0, refused: 0 };

export function reduceTextInput(state: TextInputState, action: TextInputAction, maxBytes = Infinity): TextInputState {
  const g = graphemes(state.value);
  const cursor = Math.min(state.cursor, g.length);
  const make = (parts: string[], at: number, refused = 0): TextInputState => ({ value: parts.join(''), cursor: at, refused });
  switch (action.type) {
    case 'insert': {
      const added = graphemes(cleanTypedText(action.text));
      if (added.length === 0) return state;
      // A message has a size limit: take what fits, whole characters only, and say how much did not.
      let room = maxBytes - Buffer.byteLength(state.value);
      let fits = 0;
      while (fits < added.length && Buffer.byteLength(added[fits] ?? '') <= room) room -= Buffer.byteLength(added[fits++] ?? '');
      const refused = Buffer.byteLength(added.slice(fits).join(''));
      return make([...g.slice(0, cursor), ...added.slice(0, fits), ...g.slice(cursor)], cursor + fits, refused);
    }
    case 'backspace':
      return cursor === 0 ? state : make([...g.slice(0, cursor - 1), ...g.slice(cursor)], cursor - 1);
    case 'delete':
      return cursor >= g.length ? state : make([...g.slice(0, cursor), ...g.slice(cursor + 1)], cursor);
    case 'left':
      return { ...state, cursor: Math.max(0, cursor - 1), refused: 0 };
    case 'right':
      return { ...state, cursor: Math.min(g.length, cursor + 1), refused: 0 };
    case 'home':
      return { ...state, cursor: 0, refused: 0 };
    case 'end':
      return { ...state, cursor: g.length, refused: 0 };
    case 'delete-word': {
      let start = cursor;
      while (start > 0 && g[start - 1] === ' ') start--;
      while (start > 0 && g[start - 1] !== ' ') start--;
      return make([...g.slice(0, start), ...g.slice(cursor)], start);
    }
    case 'clear':
      return emptyInput;
  }
}
