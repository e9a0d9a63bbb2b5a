// What the kernel says of the queue: its line of /proc/sysvipc/msg (messages and bytes
// queued, the PIDs of the last msgsnd and msgrcv) as the snapshot read it, and the limits
// from /proc/sys/kernel (msgmax: one message; msgmnb: the whole queue). Ours is the queue
// whose key names the parent's PID (kernel/sysv.ts ourKey).
import { framed, seg, type Line } from '../../text/styled-lines.js';
import { allQueues, kernelLimit } from '../../kernel/proc-sysvipc.js';
import { pidOfOurKey } from '../../kernel/sysv.js';
import type { Channel } from '../channel.js';
import type { QueueWords } from './words.js';

export function queueKernelView(words: (t: Parameters<Channel['kernelView']>[0]) => QueueWords): Channel['kernelView'] {
  return (t, state, snapshot, width, height) => {
    const w = words(t);
    const parentPid = state.session?.parent.pid ?? null;
    const ours = allQueues(snapshot.sysvMsg ?? []).filter((q) => parentPid !== null && pidOfOurKey(q.key) === parentPid);
    const q = ours.at(-1);
    const limit = (name: 'msgmax' | 'msgmnb') => String(kernelLimit(name) ?? '?');
    const body: Line[] = [[seg(w.fromProc, 'dim')]];
    if (q) {
      body.push([seg(w.queueId(q.id, `0x${(q.key >>> 0).toString(16)}`), 'title')]);
      body.push([seg(`  ${w.queued(q.messages, q.bytes)}`, q.messages > 0 ? 'warn' : 'ok')]);
      body.push([seg(`  ${w.lastPids(q.lastSender, q.lastReceiver)}`, 'accent')]);
    } else {
      body.push([seg(w.gone, 'dim')]);
    }
    body.push([seg(w.limits(limit('msgmax'), limit('msgmnb')), 'dim')]);
    for (const proc of ['parent', 'child'] as const) {
      const p = state.session?.[proc];
      body.push([seg(t.paneTitle(t.proc[proc], String(p?.pid ?? t.pidUnknown)), proc)]);
    }
    return framed([seg(w.viewTitle, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
  };
}
