// The queue drawn between the panes: one kernel object, each process's msgsnd into it and
// msgrcv out of it with the type each uses (from the channel's calls), and how the types
// route a message. The live counts are the kernel view's (/proc/sysvipc/msg).
import { fitLine, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { centreInWidth } from '../../text/text-width.js';
import type { Channel } from '../channel.js';
import type { QueueWords } from './words.js';

export function queueDrawing(words: (t: Parameters<Channel['drawing']>[0]) => QueueWords, handedOver: boolean): Channel['drawing'] {
  return (t, state, width, height) => {
    const w = words(t);
    const centre = (text: string, tone: Parameters<typeof seg>[1] = 'plain'): Line => [seg(centreInWidth(text, width), tone)];
    const rows: Line[] = [
      [],
      centre(w.title, 'ok'),
      centre(`${t.pipes.sides.parent} ⇄ ${t.pipes.sides.child}`, 'accent'),
      [],
      ...wrapLine([seg(w.route, 'accent')], width),
      [],
      ...(handedOver ? wrapLine([seg(w.handedOver, 'dim')], width) : []),
      ...(state.session ? [] : [centre(t.pidUnknown, 'dim')]),
    ];
    const out = rows.slice(0, height).map((l) => fitLine(l, width));
    while (out.length < height) out.push([seg(' '.repeat(width))]);
    return out;
  };
}
