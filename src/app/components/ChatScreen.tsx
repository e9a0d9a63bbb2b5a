// The whole chat screen, stacked from prepared lines: the panes and the pipes side
// by side, the banner, the trace and fd panels, and the status bar. It also puts the
// terminal's real cursor at the focused input, so an input method composes in place.
import { Box, useCursor } from 'ink';
import type { Proc } from '../../ipc/events.js';
import type { ConversationState } from '../state/model.js';
import type { ConversationView } from '../state/view.js';
import { sourceColumn, wiredFdLines, wiredPipeLines, withSourceColumn } from '../views/wired-views.js';
import type { OutsideHolder } from '../hooks/use-outside-holders.js';
import { computeLayout } from '../views/layout.js';
import { seg, type Line } from '../text/styled-lines.js';
import { LinesView } from './LinesView.js';
import { paneLines, type PaneInput } from '../views/pane-lines.js';
import type { ProcFdsSnapshot } from '../hooks/use-proc-fds.js';
import { statusLines } from '../views/status-lines.js';
import { traceLines } from '../views/trace-lines.js';
import type { Theme } from '../text/theme.js';
import type { Ui } from '../views/phrases.js';
import { bannerLines, type BannerContent } from '../views/banner-lines.js';

export interface ChatScreenProps {
  t: Ui;
  theme: Theme;
  state: ConversationState;
  /** What the state implies, derived once per change. */
  view: ConversationView;
  cols: number;
  rows: number;
  inputs: Record<Proc, PaneInput>;
  typingMode: boolean;
  /** Both processes wait for a line: Tab moves between the inputs (the status bar says so). */
  canSwitch?: boolean;
  /** How far the panes (entries) and the panels (rows) are scrolled back from the newest. */
  scroll?: { panes: number; panels: number };
  /** Auto-play's speed while it plays (the status bar says so), else null. */
  autoPlaySpeed?: number | null;
  banner: BannerContent | null;
  traceOpen: boolean;
  fdsOpen: boolean;
  fds: ProcFdsSnapshot;
  /** The source view replaces the pipe drawing, in a wider middle column. */
  sourceOpen?: boolean;
  /** Named wiring: the outside processes that hold the FIFO open. */
  holders?: OutsideHolder[];
}

export function ChatScreen({ t, theme, state, view, cols, rows, inputs, typingMode, canSwitch = false, scroll = { panes: 0, panels: 0 }, autoPlaySpeed = null, banner, traceOpen, fdsOpen, fds, sourceOpen = false, holders = [] }: ChatScreenProps) {
  const status = statusLines(t, state, view.wiring, typingMode, cols, autoPlaySpeed, canSwitch);
  const bannerRows = bannerLines(banner, cols);
  const panels = (traceOpen ? 1 : 0) + (fdsOpen ? 1 : 0);
  const g = withSourceColumn(computeLayout(cols, rows, { bannerHeight: bannerRows.length, statusHeight: status.length, panels }), sourceOpen);
  const stuck = new Set(view.deadlock?.blocked ?? []);
  const parent = paneLines(t, state, 'parent', inputs.parent, g.parentWidth, g.mainHeight, stuck.has('parent'), view.clockRuns, scroll.panes);
  const child = paneLines(t, state, 'child', inputs.child, g.childWidth, g.mainHeight, stuck.has('child'), view.clockRuns, scroll.panes);
  const pipes = sourceOpen ? sourceColumn(t, state, g.pipeWidth, g.mainHeight, holders) : wiredPipeLines(t, state, g.pipeWidth, g.mainHeight, view.pipes, holders);

  let panelRows: Line[][] = [];
  if (g.panelHeight > 0) {
    if (g.panelsSideBySide) {
      const traceWidth = Math.floor(cols / 2);
      panelRows = [traceLines(t, state, traceWidth, g.panelHeight, scroll.panels), wiredFdLines(t, state, fds, holders, cols - traceWidth, g.panelHeight, scroll.panels)];
    } else if (panels === 2) {
      const top = Math.floor(g.panelHeight / 2);
      panelRows = [[...traceLines(t, state, cols, top, scroll.panels), ...wiredFdLines(t, state, fds, holders, cols, g.panelHeight - top, scroll.panels)]];
    } else {
      panelRows = [traceOpen ? traceLines(t, state, cols, g.panelHeight, scroll.panels) : wiredFdLines(t, state, fds, holders, cols, g.panelHeight, scroll.panels)];
    }
  }

  const { setCursorPosition } = useCursor();
  const cursor = parent.cursor ? { x: parent.cursor.x, y: parent.cursor.y } : child.cursor ? { x: g.parentWidth + g.pipeWidth + child.cursor.x, y: child.cursor.y } : undefined;
  setCursorPosition(cursor);

  const used = g.mainHeight + bannerRows.length + g.panelHeight + status.length;
  const filler: Line[] = Array.from({ length: Math.max(0, g.height - used) }, () => [seg(' '.repeat(cols))]);
  return (
    <Box flexDirection="column" width={cols} height={g.height}>
      <Box flexDirection="row" height={g.mainHeight}>
        <LinesView lines={parent.lines} theme={theme} width={g.parentWidth} />
        <LinesView lines={pipes} theme={theme} width={g.pipeWidth} />
        <LinesView lines={child.lines} theme={theme} width={g.childWidth} />
      </Box>
      {bannerRows.length > 0 && <LinesView lines={bannerRows} theme={theme} width={cols} />}
      {panelRows.length > 0 && (
        <Box flexDirection="row" height={g.panelHeight}>
          {panelRows.map((lines, i) => (
            <LinesView key={i} lines={lines} theme={theme} />
          ))}
        </Box>
      )}
      <LinesView lines={filler} theme={theme} width={cols} />
      <LinesView lines={status} theme={theme} width={cols} />
    </Box>
  );
}
