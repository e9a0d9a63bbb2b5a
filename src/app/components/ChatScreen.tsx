// The whole chat screen, stacked from prepared lines: the panes and the pipes side
// by side (in the `big` layout, the pipes across under the panes), the banner, the
// trace and fd panels, and the status bar. It also puts the terminal's real cursor
// at the focused input, so an input method composes in place.
// A key press changes only the drafts: every block that does not show a draft is kept
// from the last frame (useMemo on what it is drawn from), and a pane's rows above its
// input are the same objects as before (pane-lines.ts), so typing lays out the input's
// row and nothing else. A clock tick changes the seconds in a pane's state row only.
import { Box, useCursor } from 'ink';
import { useMemo } from 'react';
import type { Proc, Wiring } from '../../ipc/events.js';
import type { ConversationState } from '../state/model.js';
import type { ConversationView } from '../state/view.js';
import { sourceColumn, wiredFdLines, wiredPipeLines } from '../views/wired-views.js';
import type { OutsideHolder } from '../state/model.js';
import { computeLayout, type Geometry, type Layout } from '../views/layout.js';
import { seg, type Line } from '../../text/styled-lines.js';
import { LinesView } from './LinesView.js';
import { paneLines, type PaneInput } from '../views/pane-lines.js';
import type { ProcFdsSnapshot } from '../hooks/use-proc-fds.js';
import { pathLines } from '../views/path-line.js';
import { statusLines } from '../views/status-lines.js';
import { traceLines } from '../views/trace-lines.js';
import type { Theme } from '../../text/theme.js';
import type { Ui } from '../views/phrases.js';
import { bannerLines, type BannerContent } from '../views/banner-lines.js';
import { keeperBox } from '../views/keeper-box.js';
import type { KeeperState } from '../../ipc/keeper-link.js';

export interface ChatScreenProps {
  t: Ui;
  theme: Theme;
  state: ConversationState;
  /** The state as it was before the clock's latest ticks (App's): only the panes show seconds, every other block is drawn from this. */
  steady: ConversationState;
  /** What the state implies, derived once per change. */
  view: ConversationView;
  cols: number;
  rows: number;
  inputs: Record<Proc, PaneInput>;
  typingMode: boolean;
  /** Both processes wait for a line: Tab moves between the inputs (the status bar says so). */
  canSwitch?: boolean;
  /** How far the panes (entries) and the trace (rows) are scrolled back from the newest, and the kernel view down from its top. */
  scroll?: { panes: number; panels: number; kernel: number };
  /** Auto-play's speed while it plays (the status bar says so), else null. */
  autoPlaySpeed?: number | null;
  banner: BannerContent | null;
  traceOpen: boolean;
  fdsOpen: boolean;
  fds: ProcFdsSnapshot;
  /** The source view replaces the pipe drawing, in a wider middle column. */
  sourceOpen?: boolean;
  /** Three columns, or the panes side by side with the drawing under them (`big`). */
  layout?: Layout;
  /** Named wiring: the outside processes that hold the FIFO open. */
  holders?: OutsideHolder[];
  /** --keep: the keeper's box under the middle column; null without one. */
  keeper?: KeeperState | null;
}

export function ChatScreen({ t, theme, state: live, steady: state, view, cols, rows, inputs, typingMode, canSwitch = false, scroll = NO_SCROLL, autoPlaySpeed = null, banner, traceOpen, fdsOpen, fds, sourceOpen = false, holders = NO_HOLDERS, keeper = null, layout = 'three' }: ChatScreenProps) {
  const status = useMemo(
    () => statusLines(t, state, view.wiring, typingMode, cols, autoPlaySpeed, canSwitch, layout === 'big' ? 2 : 1),
    [t, state, view.wiring, typingMode, cols, autoPlaySpeed, canSwitch, layout],
  );
  const bannerRows = useMemo(() => bannerLines(banner, cols), [banner, cols]);
  const path = state.session?.path;
  const pathRows = useMemo(() => pathLines(t, path, cols), [t, path, cols]);
  const panels = (traceOpen ? 1 : 0) + (fdsOpen ? 1 : 0);
  const g = useMemo(
    () => computeLayout(cols, rows, { bannerHeight: bannerRows.length, statusHeight: pathRows.length + status.length, panels, layout, source: sourceOpen }),
    [cols, rows, bannerRows.length, pathRows.length, status.length, panels, layout, sourceOpen],
  );
  const below = g.layout === 'big';
  const stuck = new Set(view.deadlock?.blocked ?? []);
  const parent = paneLines(t, live, 'parent', inputs.parent, g.parentWidth, g.mainHeight, stuck.has('parent'), view.clockRuns, scroll.panes);
  const child = paneLines(t, live, 'child', inputs.child, g.childWidth, g.mainHeight, stuck.has('child'), view.clockRuns, scroll.panes);
  const pipes = useMemo(() => {
    if (g.pipeHeight <= 0) return [];
    const middle = (width: number, height: number) =>
      sourceOpen ? sourceColumn(t, state, view.wiring, width, height, holders) : wiredPipeLines(t, state, view.wiring, width, height, view.pipes, holders, !below);
    if (below) {
      // Under the panes the keeper's box stands at the right of the drawing or source view.
      const box = keeper ? keeperBox(t, keeper, KEEPER_WIDTH, g.pipeHeight, sourceOpen) : [];
      if (box.length === 0) return middle(g.pipeWidth, g.pipeHeight);
      const blank = [seg(' '.repeat(KEEPER_WIDTH))];
      return middle(g.pipeWidth - KEEPER_WIDTH - 1, g.pipeHeight).map((line, i) => [...line, seg(' '), ...(box[i] ?? blank)]);
    }
    // The keeper's box takes the column's foot, level with the panes' inputs; the drawing or source view the rest.
    const box = keeper ? keeperBox(t, keeper, g.pipeWidth, Math.max(0, g.pipeHeight - 12), sourceOpen) : [];
    return [...middle(g.pipeWidth, g.pipeHeight - box.length), ...box];
  }, [t, state, view.wiring, g, below, view.pipes, holders, sourceOpen, keeper]);
  const panelRows = useMemo(
    () => panelBlocks(t, state, view.wiring, fds, holders, g, cols, traceOpen, panels, scroll.panels, scroll.kernel),
    [t, state, view.wiring, fds, holders, g, cols, traceOpen, panels, scroll.panels, scroll.kernel],
  );

  const { setCursorPosition } = useCursor();
  const childX = g.parentWidth + (below ? 0 : g.pipeWidth);
  const cursor = parent.cursor ? { x: parent.cursor.x, y: parent.cursor.y } : child.cursor ? { x: childX + child.cursor.x, y: child.cursor.y } : undefined;
  setCursorPosition(cursor);

  const used = g.mainHeight + (below ? g.pipeHeight : 0) + bannerRows.length + g.panelHeight + pathRows.length + status.length;
  const fillerRows = Math.max(0, g.height - used);
  const filler = useMemo((): Line[] => Array.from({ length: fillerRows }, () => [seg(' '.repeat(cols))]), [fillerRows, cols]);
  const middle = pipes.length > 0 && <LinesView lines={pipes} theme={theme} width={g.pipeWidth} />;
  return (
    <Box flexDirection="column" width={cols} height={g.height}>
      <Box flexDirection="row" height={g.mainHeight}>
        <PaneView lines={parent.lines} theme={theme} width={g.parentWidth} />
        {!below && middle}
        <PaneView lines={child.lines} theme={theme} width={g.childWidth} />
      </Box>
      {below && middle}
      {bannerRows.length > 0 && <LinesView lines={bannerRows} theme={theme} width={cols} />}
      {panelRows.length > 0 && (
        <Box flexDirection="row" height={g.panelHeight}>
          {panelRows.map((lines, i) => (
            <LinesView key={i} lines={lines} theme={theme} />
          ))}
        </Box>
      )}
      <LinesView lines={filler} theme={theme} width={cols} />
      {pathRows.length > 0 && <LinesView lines={pathRows} theme={theme} width={cols} />}
      <LinesView lines={status} theme={theme} width={cols} />
    </Box>
  );
}

/** The keeper's box beside the drawing under the panes (big layout). */
const KEEPER_WIDTH = 32;
const NO_SCROLL = { panes: 0, panels: 0, kernel: 0 };
const NO_HOLDERS: OutsideHolder[] = [];

/** The trace and fd panels: side by side, stacked, or the one that is open; the trace scrolled back by `scroll` rows, the kernel view down by `kernel`. */
function panelBlocks(t: Ui, state: ConversationState, wiring: Wiring, fds: ProcFdsSnapshot, holders: OutsideHolder[], g: Geometry, cols: number, traceOpen: boolean, panels: number, scroll: number, kernel: number): Line[][] {
  if (g.panelHeight <= 0) return [];
  if (g.panelsSideBySide) {
    const traceWidth = Math.floor(cols / 2);
    return [traceLines(t, state, traceWidth, g.panelHeight, scroll), wiredFdLines(t, state, wiring, fds, holders, cols - traceWidth, g.panelHeight, kernel)];
  }
  if (panels === 2) {
    const top = Math.floor(g.panelHeight / 2);
    return [[...traceLines(t, state, cols, top, scroll), ...wiredFdLines(t, state, wiring, fds, holders, cols, g.panelHeight - top, kernel)]];
  }
  return [traceOpen ? traceLines(t, state, cols, g.panelHeight, scroll) : wiredFdLines(t, state, wiring, fds, holders, cols, g.panelHeight, kernel)];
}

/** Rows at a pane's foot that a key press changes: the input's label, the input, the border. */
const INPUT_ROWS = 3;

/**
 * A pane as two blocks: a key press changes the few rows at the foot, and the rows above
 * stay the same text, which Ink has measured and tokenized already (scripts/ink-patches.mjs).
 */
function PaneView({ lines, theme, width }: { lines: Line[]; theme: Theme; width: number }) {
  return (
    <Box flexDirection="column" flexShrink={0} width={width}>
      <LinesView lines={lines.slice(0, -INPUT_ROWS)} theme={theme} width={width} />
      <LinesView lines={lines.slice(-INPUT_ROWS)} theme={theme} width={width} />
    </Box>
  );
}
