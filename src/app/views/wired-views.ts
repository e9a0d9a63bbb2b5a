// The drawing and the fd panel for the wirings beyond the two pipe ones, and the middle
// column's width while the source view is open. A socket has no pipe object: its
// drawing shows one socketpair, each process's end as socket:[inode], and the bytes in
// flight each way. A named pipe is drawn as the shared pipe it is, with its path and the
// outside processes that hold it under it. The pipe wirings go to the existing views.
import type { Proc } from '../../ipc/events.js';
import type { OutsideHolder } from '../hooks/use-outside-holders.js';
import type { ProcFdsSnapshot } from '../hooks/use-proc-fds.js';
import type { ConversationState } from '../state/model.js';
import type { PipeView } from '../state/pipes.js';
import { bytesInFlight } from '../state/socket-flow.js';
import { fitLine, framed, seg, wrapLine, type Line } from '../text/styled-lines.js';
import { centreInWidth } from '../text/text-width.js';
import type { Geometry } from './layout.js';
import { fdLines } from './fd-lines.js';
import { namedLines } from './named-lines.js';
import { outsideTakers } from '../state/outside-takers.js';
import type { Ui } from './phrases.js';
import { pipeLines } from './pipe-drawing.js';
import { sourceLines } from './source-lines.js';

/** Rows the source view needs to show a whole program with its marks (the named notes take only what is left). */
const SOURCE_ROWS = 26;

/** The source view takes the drawing's place, wider; the panes share the rest. */
export function withSourceColumn(g: Geometry, open: boolean): Geometry {
  if (!open) return g;
  const pipeWidth = g.cols < 120 ? 42 : Math.min(56, Math.floor(g.cols * 0.4));
  const parentWidth = Math.floor((g.cols - pipeWidth) / 2);
  return { ...g, pipeWidth, parentWidth, childWidth: g.cols - pipeWidth - parentWidth };
}

/** Each process's end of the socketpair: its fd and what /proc or fstat calls it. */
function socketEnd(state: ConversationState, proc: Proc): { fd: number | null; inode: number | null } {
  const f = state.session?.[proc].fds[0];
  return { fd: f?.fd ?? null, inode: f?.inode ?? null };
}

function socketLines(t: Ui, state: ConversationState, width: number, height: number): Line[] {
  const s = t.chapter.socket;
  const session = state.session;
  const centre = (text: string, tone: Parameters<typeof seg>[1] = 'plain'): Line => [seg(centreInWidth(text, width), tone)];
  const p = socketEnd(state, 'parent');
  const c = socketEnd(state, 'child');
  const name = (e: { fd: number | null; inode: number | null }) => `fd ${e.fd ?? '?'} socket:[${e.inode ?? '?'}]`;
  const rows: Line[] = [
    [],
    centre(s.title, 'ok'),
    centre(`${t.pipes.sides.parent} ⇄ ${t.pipes.sides.child}`, 'accent'),
    ...wrapLine([seg(`${t.pipes.sides.parent}: ${name(p)}`, 'parent')], width),
    ...wrapLine([seg(`${t.pipes.sides.child}: ${name(c)}`, 'child')], width),
    [],
    ...(session
      ? [
          centre(s.toChild, 'dim'),
          centre(s.inFlight(bytesInFlight(session, 'child')), 'accent'),
          centre(s.toParent, 'dim'),
          centre(s.inFlight(bytesInFlight(session, 'parent')), 'accent'),
        ]
      : []),
    [],
    centre(s.hint, 'dim'),
    centre(s.hint2, 'ok'),
  ];
  const out = rows.slice(0, height).map((l) => fitLine(l, width));
  while (out.length < height) out.push([seg(' '.repeat(width))]);
  return out;
}

export function wiredPipeLines(t: Ui, state: ConversationState, width: number, height: number, views: PipeView[], holders: OutsideHolder[]): Line[] {
  const wiring = state.session?.wiring;
  if (wiring === 'socket') return socketLines(t, state, width, height);
  if (wiring !== 'named') return pipeLines(t, state, width, height, views);
  const named = namedLines(t, state, holders, width);
  const below = named.slice(0, Math.max(0, height - 10));
  // Bytes that one outside reader took are not in the pipe any more: the drawing shows them gone.
  const takers = outsideTakers(state, holders);
  const taken = takers?.readers.length === 1 ? takers.bytes : 0;
  const left = views.map((v) => ({ ...v, unread: v.unread.subarray(Math.min(v.unread.length, taken)) }));
  return [...pipeLines(t, state, width, height - below.length - 1, left), ...below.map((l) => fitLine(l, width)), [seg(' '.repeat(width))]];
}

/** The source view's column; on a named pipe, the path and the outside holders under it when rows are left. */
export function sourceColumn(t: Ui, state: ConversationState, width: number, height: number, holders: OutsideHolder[]): Line[] {
  const named = namedLines(t, state, holders, width).slice(0, Math.max(0, height - SOURCE_ROWS - 1));
  if (named.length === 0) return sourceLines(t, state, width, height);
  // Level with the panes' insides, as the drawing is: the row beside their bottom border stays blank.
  return [...sourceLines(t, state, width, height - named.length - 1), ...named.map((l) => fitLine(l, width)), [seg(' '.repeat(width))]];
}

function socketFdLines(t: Ui, state: ConversationState, snapshot: ProcFdsSnapshot, width: number, height: number): Line[] {
  const body: Line[] = [[seg(t.chapter.socket.fdSummary, 'ok')]];
  for (const proc of ['parent', 'child'] as const) {
    const p = state.session?.[proc];
    body.push([seg(t.paneTitle(t.proc[proc], String(p?.pid ?? t.pidUnknown)), proc)]);
    for (const fd of new Set((p?.fds ?? []).map((f) => f.fd))) {
      const f = p?.fds.find((x) => x.fd === fd);
      const target = snapshot[proc]?.find((x) => x.fd === fd)?.target ?? `socket:[${f?.inode ?? '?'}]`;
      body.push([seg(`  fd ${fd}`, 'title'), seg(`  ${t.fds.readWrite}`, 'warn'), seg(`  ${target}`, 'accent')]);
    }
  }
  return framed([seg(t.fds.title, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
}

export function wiredFdLines(t: Ui, state: ConversationState, snapshot: ProcFdsSnapshot, holders: OutsideHolder[], width: number, height: number, scroll = 0): Line[] {
  const wiring = state.session?.wiring;
  if (wiring === 'socket') return socketFdLines(t, state, snapshot, width, height);
  if (wiring !== 'named') return fdLines(t, state, snapshot, width, height, scroll);
  // The named pipe's notes in a box of their own under the fds, as much as fits beside three rows of fds.
  const named = namedLines(t, state, holders, width - 2).slice(0, Math.max(0, height - 7));
  if (named.length === 0) return fdLines(t, state, snapshot, width, height, scroll);
  return [...fdLines(t, state, snapshot, width, height - named.length - 2, scroll), ...framed([seg(t.chapter.named.title, 'title')], named, width, named.length + 2)];
}
