// The socket drawn between the panes: one socketpair, each process's end as
// socket:[inode] with its fd, and the bytes in flight each way. A socket has no pipe
// object in between: what one end writes, only the other end reads.
import type { Proc } from '../../ipc/events.js';
import type { ConversationState } from '../../app/state/model.js';
import { bytesInFlight } from '../../app/state/socket-flow.js';
import { fitLine, seg, wrapLine, type Line } from '../../app/text/styled-lines.js';
import { centreInWidth } from '../../app/text/text-width.js';
import type { Channel } from '../channel.js';

/** Each process's end of the socketpair: its fd and what /proc or fstat calls it. */
function socketEnd(state: ConversationState, proc: Proc): { fd: number | null; inode: number | null } {
  const f = state.session?.[proc].fds[0];
  return { fd: f?.fd ?? null, inode: f?.inode ?? null };
}

export const socketDrawing: Channel['drawing'] = (t, state, width, height) => {
  const s = t.channels.socket;
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
};
