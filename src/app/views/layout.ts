// Where everything goes, computed from the terminal size alone. Sizes are explicit so
// that every line can be cut to its exact width, and so that the real cursor can be
// placed at the active input (an input method composes Hangul where the cursor is).
export const MIN_COLS = 80;
export const MIN_ROWS = 24;

export interface Geometry {
  cols: number;
  /** The root's height: one less than the terminal, or Ink clears the screen on every frame. */
  height: number;
  parentWidth: number;
  pipeWidth: number;
  childWidth: number;
  mainHeight: number;
  bannerHeight: number;
  panelHeight: number;
  statusHeight: number;
  /** Trace and fd panels side by side (wide terminals) or one above the other. */
  panelsSideBySide: boolean;
}

export function isTooSmall(cols: number, rows: number): boolean {
  return cols < MIN_COLS || rows < MIN_ROWS;
}

export function computeLayout(
  cols: number,
  rows: number,
  { bannerHeight, statusHeight, panels }: { bannerHeight: number; statusHeight: number; panels: number },
): Geometry {
  const height = rows - 1;
  const pipeWidth = Math.max(20, Math.min(36, Math.floor(cols * 0.26)));
  const parentWidth = Math.floor((cols - pipeWidth) / 2);
  const childWidth = cols - pipeWidth - parentWidth;
  const MIN_MAIN = 9;
  const free = height - statusHeight - bannerHeight;
  let panelHeight = 0;
  const panelsSideBySide = panels > 1 && cols >= 120;
  if (panels > 0) {
    const wanted = Math.max(7, Math.min(panels > 1 && !panelsSideBySide ? 20 : 14, Math.floor(height * 0.4)));
    panelHeight = Math.max(0, Math.min(wanted, free - MIN_MAIN));
    if (panelHeight < 4) panelHeight = 0;
  }
  const mainHeight = Math.max(3, free - panelHeight);
  return { cols, height, parentWidth, pipeWidth, childWidth, mainHeight, bannerHeight, panelHeight, statusHeight, panelsSideBySide };
}
