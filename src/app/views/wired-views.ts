// The middle block and the fd panel, asked of the channel on screen (its drawing, its
// kernel view, its notes: channels/registry.ts). A channel's notes (the named pipe's
// path and outside holders) go under whichever of the three is shown, as many rows as
// are left.
import type { Wiring } from '../../ipc/events.js';
import { channelOf } from '../../channels/registry.js';
import type { OutsideHolder } from '../state/model.js';
import type { ProcFdsSnapshot } from '../hooks/use-proc-fds.js';
import type { ConversationState } from '../state/model.js';
import type { PipeView } from '../state/pipes.js';
import { fitLine, framed, lineText, seg, type Line } from '../../text/styled-lines.js';
import type { Ui } from './phrases.js';
import { sourceLines } from './source-lines.js';

/** Rows the source view needs to show a whole program with its marks (the named notes take only what is left). */
const SOURCE_ROWS = 26;

/**
 * The channel's drawing, with its notes under it when it has any. Between the panes
 * (`besidePanes`) its first and last rows stay blank, level with the panes' borders, as
 * every drawing is made; under the panes those two rows are the drawing's too.
 */
export function wiredPipeLines(t: Ui, state: ConversationState, wiring: Wiring, width: number, height: number, views: PipeView[], holders: OutsideHolder[], besidePanes = true): Line[] {
  const channel = channelOf(wiring);
  const drawing = (rows: number): Line[] => {
    if (besidePanes) return channel.drawing(t, state, width, rows, views);
    const drawn = channel.drawing(t, state, width, rows + 2, views);
    const start = drawn[0] && lineText(drawn[0]).trim() === '' ? 1 : 0;
    return drawn.slice(start, start + rows);
  };
  const notes = channel.notes(t, state, holders, width);
  if (notes.length === 0) return drawing(height);
  const below = notes.slice(0, Math.max(0, height - (besidePanes ? 10 : 6)));
  const blank = besidePanes ? [[seg(' '.repeat(width))]] : [];
  return [...drawing(height - below.length - blank.length), ...below.map((l) => fitLine(l, width)), ...blank];
}

/** The source view's column; on a named pipe, the path and the outside holders under it when rows are left. */
export function sourceColumn(t: Ui, state: ConversationState, wiring: Wiring, width: number, height: number, holders: OutsideHolder[]): Line[] {
  const channel = channelOf(wiring);
  const notes = channel.notes(t, state, holders, width).slice(0, Math.max(0, height - SOURCE_ROWS - 1));
  if (notes.length === 0) return sourceLines(t, state, wiring, width, height);
  // Level with the panes' insides, as the drawing is: the row beside their bottom border stays blank.
  return [...sourceLines(t, state, wiring, width, height - notes.length - 1), ...notes.map((l) => fitLine(l, width)), [seg(' '.repeat(width))]];
}

/** The channel's kernel view, with its notes in a box of their own under the fds, as much as fits beside three rows of fds. */
export function wiredFdLines(t: Ui, state: ConversationState, wiring: Wiring, snapshot: ProcFdsSnapshot, holders: OutsideHolder[], width: number, height: number, scroll = 0): Line[] {
  const channel = channelOf(wiring);
  const notes = channel.notes(t, state, holders, width - 2).slice(0, Math.max(0, height - 7));
  if (notes.length === 0) return channel.kernelView(t, state, snapshot, width, height, scroll);
  const title = [seg(t.channels[wiring].name, 'title')];
  return [...channel.kernelView(t, state, snapshot, width, height - notes.length - 2, scroll), ...framed(title, notes, width, notes.length + 2)];
}
