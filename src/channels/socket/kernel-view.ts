// What the kernel says of the socket: one end each, socket:[inode] in /proc/PID/fd,
// read and written through the same fd (a socket is two-way).
import { framed, seg, type Line } from '../../text/styled-lines.js';
import type { Channel } from '../channel.js';

export const socketKernelView: Channel['kernelView'] = (t, state, snapshot, width, height) => {
  const body: Line[] = [[seg(t.channels.socket.fdSummary, 'ok')]];
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
};
