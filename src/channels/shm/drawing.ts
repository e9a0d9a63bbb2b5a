// The segment drawn between the panes: one kernel object both processes map, the box each
// direction uses, and what makes the reader wait (semaphores) or not (a spin). The live
// values are the kernel view's (/proc/sysvipc, semctl GETVAL, the boxes' bytes). The
// shared file is drawn the same way, with its own title and route (its lines).
import { fitLine, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { centreInWidth } from '../../text/text-width.js';
import type { Channel } from '../channel.js';
import type { ShmWords } from './words.js';

export function shmDrawing(words: (t: Parameters<Channel['drawing']>[0]) => Pick<ShmWords, 'title' | 'route'>): Channel['drawing'] {
  return (t, state, width, height) => {
    const w = words(t);
    const centre = (text: string, tone: Parameters<typeof seg>[1] = 'plain'): Line => [seg(centreInWidth(text, width), tone)];
    const rows: Line[] = [
      [],
      ...wrapLine([seg(w.title, 'ok')], width),
      centre(`${t.pipes.sides.parent} ⇄ ${t.pipes.sides.child}`, 'accent'),
      [],
      ...wrapLine([seg(w.route, 'accent')], width),
      ...(state.session ? [] : [centre(t.pidUnknown, 'dim')]),
    ];
    const out = rows.slice(0, height).map((l) => fitLine(l, width));
    while (out.length < height) out.push([seg(' '.repeat(width))]);
    return out;
  };
}
