// Where everything goes, computed from the terminal size alone. Sizes are explicit so
// that every line can be cut to its exact width, and so that the real cursor can be
// placed at the active input (an input method composes Hangul where the cursor is).
// Two layouts: `three` columns (the parent's pane, the drawing or the source view, the
// child's pane), and `big`, for the large fonts of a projector, where an 80x24 screen
// is common: the two panes side by side, half the width each, and the drawing or the
// source view across the whole width under them.
import type { Layout } from '../../args/options.js';

/** The layouts are a command-line option's values (--layout): the UI takes them from there. */
export { LAYOUTS, type Layout } from '../../args/options.js';

export const MIN_COLS = 80;
export const MIN_ROWS = 24;

export interface Geometry {
  cols: number;
  /** The root's height: one less than the terminal, or Ink clears the screen on every frame. */
  height: number;
  layout: Layout;
  parentWidth: number;
  /** The middle block's width: the drawing or the source view (the whole width in `big`). */
  pipeWidth: number;
  childWidth: number;
  /** The panes' height. */
  mainHeight: number;
  /** The middle block's height: the panes' in `three`, the rows under them in `big`. */
  pipeHeight: number;
  bannerHeight: number;
  panelHeight: number;
  statusHeight: number;
  /** Trace and fd panels side by side (wide terminals) or one above the other. */
  panelsSideBySide: boolean;
}

export interface LayoutInput {
  bannerHeight: number;
  statusHeight: number;
  panels: number;
  layout?: Layout;
  /** The source view is shown in the middle block (it wants more room than the drawing). */
  source?: boolean;
}

/** The panes' least height: borders, the state, a few rows of transcript, the input. */
const MIN_MAIN = 9;
/** The least rows a drawing under the panes is given (a pipe and its ends); with fewer it gives way to the panes. */
export const MIN_BELOW = 5;

export function isTooSmall(cols: number, rows: number): boolean {
  return cols < MIN_COLS || rows < MIN_ROWS;
}

export function computeLayout(cols: number, rows: number, { bannerHeight, statusHeight, panels, layout = 'three', source = false }: LayoutInput): Geometry {
  const height = rows - 1;
  const big = layout === 'big';
  const free = height - statusHeight - bannerHeight;
  const panelsSideBySide = panels > 1 && cols >= 120;
  // In `big` the drawing under the panes is kept before a panel: a panel gives way first.
  const least = MIN_MAIN + (big ? MIN_BELOW : 0);
  let panelHeight = 0;
  if (panels > 0) {
    const wanted = Math.max(7, Math.min(panels > 1 && !panelsSideBySide ? 20 : 14, Math.floor(height * 0.4)));
    panelHeight = Math.max(0, Math.min(wanted, free - least));
    if (panelHeight < 4) panelHeight = 0;
  }
  const rest = free - panelHeight;
  if (big) {
    const parentWidth = Math.floor(cols / 2);
    // The source view wants the rows of a whole program; the drawing about a third.
    const share = Math.floor(rest * (source ? 0.5 : 0.38));
    const room = Math.min(Math.max(share, MIN_BELOW), rest - MIN_MAIN);
    // Fewer rows than a pipe's box and its two ends would show half a drawing: the panes take them.
    const pipeHeight = room >= MIN_BELOW ? room : 0;
    const mainHeight = Math.max(3, rest - pipeHeight);
    return { cols, height, layout, parentWidth, pipeWidth: cols, childWidth: cols - parentWidth, mainHeight, pipeHeight, bannerHeight, panelHeight, statusHeight, panelsSideBySide };
  }
  // The source view takes the drawing's place, wider; the panes share the rest.
  const pipeWidth = source ? (cols < 120 ? 42 : Math.min(56, Math.floor(cols * 0.4))) : Math.max(20, Math.min(36, Math.floor(cols * 0.26)));
  const parentWidth = Math.floor((cols - pipeWidth) / 2);
  const mainHeight = Math.max(3, rest);
  return { cols, height, layout, parentWidth, pipeWidth, childWidth: cols - pipeWidth - parentWidth, mainHeight, pipeHeight: mainHeight, bannerHeight, panelHeight, statusHeight, panelsSideBySide };
}
