// What the kernel says of the connection: its two lines of /proc/net/tcp, one per end
// (the state, 01 ESTABLISHED, and the bytes queued: sent and not yet acknowledged, received
// and not yet read), and each process's socket as /proc/PID/fd shows it, socket:[inode]
// being the inode on that end's line.
import { framed, seg, type Line } from '../../text/styled-lines.js';
import { endpointText, tcpRowOf } from '../../kernel/proc-net-tcp.js';
import type { Channel } from '../channel.js';

export const tcpKernelView: Channel['kernelView'] = (t, state, snapshot, width, height) => {
  const w = t.channels.tcp;
  const rows = snapshot.netTcp ?? [];
  const body: Line[] = [[seg(w.fromProc, 'dim')]];
  for (const proc of ['parent', 'child'] as const) {
    const p = state.session?.[proc];
    const end = p?.fds[0];
    body.push([seg(t.paneTitle(t.proc[proc], String(p?.pid ?? t.pidUnknown)), proc)]);
    const held = end ? snapshot[proc]?.find((x) => x.inode === end.inode) : undefined;
    const target = held?.target ?? `socket:[${end?.inode ?? '?'}]`;
    body.push([seg(`  fd ${end?.fd ?? '?'}`, 'title'), seg(`  ${t.fds.readWrite}`, 'warn'), seg(`  ${target}`, 'accent')]);
    const row = end ? tcpRowOf(rows, end.inode) : null;
    if (row) {
      body.push([seg(`  ${w.row(endpointText(row.local), endpointText(row.remote), row.stateCode, row.state)}`, row.state === 'ESTABLISHED' ? 'ok' : 'warn')]);
      body.push([seg(`  ${w.queues(row.txQueue, row.rxQueue)}`, row.txQueue + row.rxQueue > 0 ? 'warn' : 'dim')]);
    } else {
      body.push([seg(`  ${w.noRow}`, 'dim')]);
    }
  }
  return framed([seg(w.viewTitle, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
};
