// A path the user may copy into another terminal (the named pipe's FIFO): a row of its own
// across the whole screen, under the panes, so that it is never broken across rows in a
// narrow column and a terminal's selection takes it whole. Longer than the screen is wide,
// it is cut into rows (never shortened: every character is still there).
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { seg, type Line } from '../../text/styled-lines.js';
import { graphemes, widthOf } from '../../text/text-width.js';
import type { Ui } from './phrases.js';

export function pathLines(t: Ui, path: string | null | undefined, width: number): Line[] {
  if (!path) return [];
  const shown = sanitizeForDisplay(path);
  const label = `${t.status.path} `;
  if (widthOf(label) + widthOf(shown) <= width) return [[seg(label, 'dim'), seg(shown, 'accent')]];
  const rows: Line[] = [];
  let row = '';
  for (const g of graphemes(shown)) {
    if (widthOf(row + g) > width) {
      rows.push([seg(row, 'accent')]);
      row = '';
    }
    row += g;
  }
  return [...rows, [seg(row, 'accent')]];
}
