// The signals drawn between the panes: how a bit travels (SIGUSR1, SIGUSR2, SIGRTMIN at
// the end), what answers it, and each direction's last message in bits: those sent (the
// writer's tgkill calls: 8 a byte, each one that returned) and those the reader took
// (what its sigtimedwait returned, as its read said), with the difference: bits lost.
import type { ConversationState } from '../../app/state/model.js';
import { fitLine, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { centreInWidth } from '../../text/text-width.js';
import type { Proc } from '../../ipc/events.js';
import type { Channel } from '../channel.js';
import type { SignalWords } from './words.js';

/** The last message `writer` wrote in this conversation, in bits, and what its reader took of it (null while it has not read it). */
export function lastMessageBits(state: ConversationState, writer: Proc): { sent: number; received: number | null } | null {
  const session = state.session;
  const m = state.messages.filter((x) => x.session === session?.id && x.writer === writer && x.attribution === 'ours').at(-1);
  if (!session || !m) return null;
  const reader: Proc = writer === 'child' ? 'parent' : 'child';
  // Its reader's last read was this message: the bits it took, as it said.
  const taken = m.reader === reader ? (session[reader].bits?.received ?? null) : null;
  return { sent: m.bytes * 8, received: taken };
}

export function signalDrawing(words: (t: Parameters<Channel['drawing']>[0]) => SignalWords): Channel['drawing'] {
  return (t, state, width, height) => {
    const w = words(t);
    const centre = (text: string, tone: Parameters<typeof seg>[1] = 'plain'): Line => [seg(centreInWidth(text, width), tone)];
    const direction = (writer: Proc): Line[] => {
      const reader: Proc = writer === 'child' ? 'parent' : 'child';
      const bits = lastMessageBits(state, writer);
      const head = wrapLine([seg(`${t.pipes.sides[writer]} → ${t.pipes.sides[reader]}`, writer)], width);
      if (!bits) return [...head, ...wrapLine([seg(`  ${w.noMessage}`, 'dim')], width)];
      const lost = bits.received === null ? 0 : bits.sent - bits.received;
      return [
        ...head,
        ...wrapLine([seg(`  ${w.bits(bits.sent, bits.received)}`, bits.received === null ? 'dim' : 'plain'), ...(lost > 0 ? [seg(` · ${w.lost(lost)}`, 'danger')] : [])], width, '  '),
      ];
    };
    const rows: Line[] = [
      [],
      ...wrapLine([seg(w.title, 'ok')], width),
      centre(`${t.pipes.sides.parent} ⇄ ${t.pipes.sides.child}`, 'accent'),
      [],
      ...wrapLine([seg(w.code, 'accent')], width),
      ...wrapLine([seg(w.end, 'dim')], width),
      ...wrapLine([seg(w.answers, 'dim')], width),
      [],
      ...direction('child'),
      ...direction('parent'),
      ...(state.session ? [] : [centre(t.pidUnknown, 'dim')]),
    ];
    const out = rows.slice(0, height).map((l) => fitLine(l, width));
    while (out.length < height) out.push([seg(' '.repeat(width))]);
    return out;
  };
}
