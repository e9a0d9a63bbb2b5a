// A socket drawn between the panes: each process's own end with its fd and
// socket:[inode], and the bytes in flight each way. A socket has no pipe object in
// between: what one end writes, only the other end reads. The socketpair and the TCP
// connection draw alike (twoEndsDrawing); each says what it knows of an end.
import type { FdInfo, Proc } from '../../ipc/events.js';
import type { ConversationState } from '../../app/state/model.js';
import { bytesInFlight } from '../../app/state/socket-flow.js';
import { fitLine, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { centreInWidth } from '../../text/text-width.js';
import type { Channel } from '../channel.js';
import type { TwoEndsWords } from './words.js';

type Ui = Parameters<Channel['drawing']>[0];

/** Each process's end: its fd and what /proc or fstat calls it. */
function socketEnd(state: ConversationState, proc: Proc): FdInfo | null {
  return state.session?.[proc].fds[0] ?? null;
}

export function endName(e: FdInfo | null): string {
  return `fd ${e?.fd ?? '?'} socket:[${e?.inode ?? '?'}]`;
}

/** The drawing of a socket with an end in each process; `end` gives the lines that name one end. */
export function twoEndsDrawing(words: (t: Ui) => TwoEndsWords, end: (t: Ui, proc: Proc, e: FdInfo | null, width: number) => Line[]): Channel['drawing'] {
  return (t, state, width, height) => {
    const s = words(t);
    const session = state.session;
    const centre = (text: string, tone: Parameters<typeof seg>[1] = 'plain'): Line => [seg(centreInWidth(text, width), tone)];
    const rows: Line[] = [
      [],
      centre(s.title, 'ok'),
      centre(`${t.pipes.sides.parent} ⇄ ${t.pipes.sides.child}`, 'accent'),
      ...end(t, 'parent', socketEnd(state, 'parent'), width),
      ...end(t, 'child', socketEnd(state, 'child'), width),
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
  };
}

export const socketDrawing: Channel['drawing'] = twoEndsDrawing(
  (t) => t.channels.socket,
  (t, proc, e, width) => wrapLine([seg(`${t.pipes.sides[proc]}: ${endName(e)}`, proc)], width),
);
