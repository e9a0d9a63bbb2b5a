// The editing model of a one-line input, pure: a value and a cursor counted in
// grapheme clusters, so that a Hangul syllable or an emoji is one step for the arrows
// and for Backspace. Typed and pasted text is cleaned (no controls, no newlines). An
// insert costs the inserted text, not the whole line, so a 64 KiB paste that arrives in
// many chunks stays linear.
import { cleanTypedText } from '../../../text/sanitize.js';
import { graphemes } from '../../../text/text-width.js';
import { draftGraphemes, insertGraphemes } from './grapheme-cache.js';

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
  const g = draftGraphemes(state.value);
  const cursor = Math.min(state.cursor, g.length);
  const make = (parts: readonly string[], at: number, refused = 0): TextInputState => ({ value: parts.join(''), cursor: at, refused });
  switch (action.type) {
    case 'insert': {
      const cleaned = cleanTypedText(action.text);
      if (cleaned === '') return state;
      // A message has a size limit: take what fits, whole characters only, and say how much did not.
      const room = maxBytes - Buffer.byteLength(state.value);
      const kept = Buffer.byteLength(cleaned) <= room ? cleaned : fitBytes(cleaned, room);
      const refused = Buffer.byteLength(cleaned) - Buffer.byteLength(kept);
      if (kept === '') return { ...state, refused };
      const next = insertGraphemes(g, cursor, kept);
      return { value: next.value, cursor: cursor + next.clusters.length - g.length, refused };
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

/** The longest run of whole clusters from the start of `text` within `bytes` bytes. */
function fitBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const cluster of graphemes(text)) {
    const size = Buffer.byteLength(cluster);
    if (used + size > bytes) break;
    out += cluster;
    used += size;
  }
  return out;
}
