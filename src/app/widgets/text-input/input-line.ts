// View layer of the text input widget: the visible slice of a one-line input in a
// given number of cells, scrolled so the cursor stays in view, and the cursor's cell
// (where the real terminal cursor goes, so an input method composes in place).
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { graphemes, widthOf } from '../../text/text-width.js';
import type { TextInputState } from './text-input-state.js';

export interface InputLine {
  text: string;
  cursorColumn: number;
}

export function inputLine(state: TextInputState, width: number): InputLine {
  const g = graphemes(sanitizeForDisplay(state.value));
  const cursor = Math.min(state.cursor, g.length);
  const room = Math.max(1, width - 1); // keep one cell for the cursor at the end
  // Start as far left as possible while the cursor still fits.
  let start = 0;
  let widthBefore = g.slice(0, cursor).reduce((sum, x) => sum + widthOf(x), 0);
  while (widthBefore > room && start < cursor) {
    widthBefore -= widthOf(g[start] ?? '');
    start++;
  }
  let text = '';
  let used = 0;
  for (let i = start; i < g.length; i++) {
    const w = widthOf(g[i] ?? '');
    if (used + w > width) break;
    text += g[i];
    used += w;
  }
  return { text, cursorColumn: widthBefore };
}
