// View layer of the text input widget: the visible slice of a one-line input in a
// given number of cells, scrolled so the cursor stays in view, and the cursor's cell
// (where the real terminal cursor goes, so an input method composes in place). Only
// the clusters around the cursor are measured and sanitized, so a frame costs the
// width of the box, not the length of the line (a 64 KiB paste).
import { sanitizeForDisplay } from '../../../text/sanitize.js';
import { widthOf } from '../../../text/text-width.js';
import { draftGraphemes } from './grapheme-cache.js';
import type { TextInputState } from './text-input-state.js';

export interface InputLine {
  text: string;
  cursorColumn: number;
}

export function inputLine(state: TextInputState, width: number): InputLine {
  const g = draftGraphemes(state.value);
  const shown = (i: number) => sanitizeForDisplay(g[i] ?? '');
  const cursor = Math.min(state.cursor, g.length);
  const room = Math.max(1, width - 1); // keep one cell for the cursor at the end
  // Start as far left as possible while the cursor still fits.
  let start = cursor;
  let widthBefore = 0;
  while (start > 0) {
    const w = widthOf(shown(start - 1));
    if (widthBefore + w > room) break;
    widthBefore += w;
    start--;
  }
  let text = '';
  let used = 0;
  for (let i = start; i < g.length; i++) {
    const cluster = shown(i);
    const w = widthOf(cluster);
    if (used + w > width) break;
    text += cluster;
    used += w;
  }
  return { text, cursorColumn: widthBefore };
}
