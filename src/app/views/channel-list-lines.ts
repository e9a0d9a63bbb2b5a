// F3's list of channels: grouped by family (pipes, sockets, System V IPC, files), one line each
// with its name on screen and its --wiring name, the current one marked, the chosen row
// highlighted; ↑/↓ choose, Enter switches live, Esc closes. A short list, not a ring to
// cycle through: the channels will soon be a dozen.
import { channelsByGroup } from '../../channels/channel-list.js';
import type { Wiring } from '../../channels/names.js';
import { fitLine, framed, seg, type Line } from '../../text/styled-lines.js';
import type { Ui } from './phrases.js';

export function channelListLines(t: Ui, current: Wiring, chosen: number, width: number, height: number): Line[] {
  const inner = width - 2;
  const body: Line[] = [];
  let row = 0;
  for (const { group, channels } of channelsByGroup()) {
    body.push([], [seg(` ${t.channelList.groups[group]}`, 'title')]);
    for (const w of channels) {
      const here = row++ === chosen;
      body.push(
        fitLine([seg(here ? ' ▶ ' : '   ', 'accent'), seg(t.channels[w].name, here ? 'ok' : 'plain'), seg(`  --wiring ${w}`, 'dim'), seg(w === current ? `  ${t.channelList.current}` : '', 'warn')], inner),
      );
    }
  }
  body.push([], fitLine([seg(` ${t.channelList.hint}`, 'dim')], inner));
  return framed([seg(t.channelList.title, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
}
