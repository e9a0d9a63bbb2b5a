// The TCP connection drawn between the panes: the socketpair's picture (an end each,
// bytes in flight each way) with each end's address and port, as /proc/net/tcp gave
// them when the process described its socket, and the call that made it an end.
import { seg, wrapLine } from '../../text/styled-lines.js';
import { endpointText } from '../../kernel/proc-net-tcp.js';
import { endName, twoEndsDrawing } from '../socket/drawing.js';

export const tcpDrawing = twoEndsDrawing(
  (t) => t.channels.tcp,
  (t, proc, e, width) => {
    const w = t.channels.tcp;
    const address = e?.tcp ? endpointText(e.tcp.local) : '127.0.0.1:?';
    return [
      ...wrapLine([seg(`${t.pipes.sides[proc]}: ${address}`, proc), seg(` (${proc === 'parent' ? w.listens : w.connects})`, 'dim')], width),
      ...wrapLine([seg(`  ${endName(e)}`, 'dim')], width),
    ];
  },
);
