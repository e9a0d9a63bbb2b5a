// The threads channels on screen. The drawing: one variable in one process's memory, the
// box each direction uses, what makes the reader wait (a futex) or not (a spin), and why
// two processes could not do this. The kernel view: the one PID, its threads from
// /proc/PID/task (which TID plays which side, the call each is in), the child thread's fds
// as /proc/PID/fd shows them (its keyboard and doorbell pipes, and what its Worker's
// event loop opened: Node's plumbing), and that no fd carries the message.
import { fitLine, framed, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { centreInWidth } from '../../text/text-width.js';
import type { Channel } from '../channel.js';
import type { ThreadsWords } from './words.js';

type Words = (t: Parameters<Channel['drawing']>[0]) => ThreadsWords;

export function threadsDrawing(words: Words): Channel['drawing'] {
  return (t, state, width, height) => {
    const w = words(t);
    const pid = state.session?.parent.pid ?? null;
    const rows: Line[] = [
      [],
      ...wrapLine([seg(w.title, 'ok')], width),
      [seg(centreInWidth(`${t.pipes.sides.parent} ⇄ ${t.pipes.sides.child}`, width), 'accent')],
      ...(pid === null ? [[seg(centreInWidth(t.pidUnknown, width), 'dim')]] : wrapLine([seg(w.oneProcess(pid), 'plain')], width)),
      [],
      ...wrapLine([seg(w.route, 'accent')], width),
      [],
      ...wrapLine([seg(w.whyNotProcesses, 'dim')], width),
    ];
    const out = rows.slice(0, height).map((l) => fitLine(l, width));
    while (out.length < height) out.push([seg(' '.repeat(width))]);
    return out;
  };
}

export function threadsKernelView(words: Words): Channel['kernelView'] {
  return (t, state, snapshot, width, height) => {
    const w = words(t);
    const inner = Math.max(1, width - 2);
    const session = state.session;
    const pid = session?.parent.pid ?? null;
    const roles = new Map<number, { text: string; tone: 'parent' | 'child' | 'dim' }>();
    if (pid !== null) roles.set(pid, { text: w.roles.main, tone: 'dim' });
    const parentTid = session?.parent.spin?.tid;
    const childTid = session?.child.tid ?? session?.child.spin?.tid;
    if (parentTid) roles.set(parentTid, { text: w.roles.parent, tone: 'parent' });
    if (childTid) roles.set(childTid, { text: w.roles.child, tone: 'child' });
    const body: Line[] = [...(pid === null ? [[seg(t.pidUnknown, 'dim')]] : wrapLine([seg(w.oneProcess(pid), 'ok')], inner)), ...wrapLine([seg(w.noFd, 'ok')], inner)];
    const tasks = snapshot.tasks ?? [];
    for (const task of tasks.filter((k) => roles.has(k.tid))) {
      const role = roles.get(task.tid) as { text: string; tone: 'parent' | 'child' | 'dim' };
      // The main thread is the one reading these files: whatever /proc says of it is that reading.
      const where = task.tid === pid ? '' : task.call === 'running' ? 'running' : task.call === 'other' ? task.wchan || '?' : `${task.call} (${task.wchan})`;
      body.push(...wrapLine([seg(`TID ${task.tid} `, role.tone), seg(`${task.comm}  ${role.text}${where ? ': ' : ''}`, 'dim'), seg(where, task.call === 'running' ? 'warn' : 'accent')], inner));
    }
    const others = tasks.filter((k) => !roles.has(k.tid)).length;
    if (others > 0) body.push([seg(`  ${w.roles.other(others)}`, 'dim')]);
    // The child thread's fds, each as /proc shows it now (gone once the thread has ended).
    const now = new Map((snapshot.parent ?? []).map((f) => [f.fd, f.target]));
    for (const role of ['keyboard', 'doorbell', 'worker'] as const) {
      const fds = (session?.child.threadFds ?? []).filter((f) => f.role === role && now.get(f.fd) === f.target);
      if (fds.length > 0) body.push(...wrapLine([seg(`${w.threadFds[role]}: `, 'child'), seg(fds.map((f) => `fd ${f.fd} ${f.target}`).join(', '), 'dim')], inner));
    }
    return framed([seg(w.viewTitle, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
  };
}
