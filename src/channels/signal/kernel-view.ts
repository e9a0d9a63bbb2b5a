// What the kernel says of each process's signals, as the snapshot read them: the signals
// pending for the whole process (ShdPnd) and those it has a handler for (SigCgt), from
// /proc/PID/status; and each thread that waits for SIGUSR1 and SIGUSR2 in rt_sigtimedwait
// (the child's main thread, the parent's call thread) or has some pending for it alone,
// with the signals pending for it alone (SigPnd: where tgkill puts them, merged while
// they wait) and those it blocks (SigBlk), from /proc/PID/task/TID/status. While it waits,
// the kernel has taken the signals it waits for out of SigBlk: the view says so.
import { framed, seg, type Line } from '../../text/styled-lines.js';
import type { Tone } from '../../text/theme.js';
import { signalNames } from '../../kernel/proc-signals.js';
import type { Channel } from '../channel.js';
import type { SignalWords } from './words.js';

export function signalKernelView(words: (t: Parameters<Channel['kernelView']>[0]) => SignalWords): Channel['kernelView'] {
  return (t, state, snapshot, width, height) => {
    const w = words(t);
    /** " · label: USR1 USR2" (or "-"), in `busy` when it holds any. */
    const mask = (label: string, hex: string, busy: Tone): Line => {
      const names = signalNames(hex);
      return [seg(` · ${label}: `, 'dim'), seg(names.length > 0 ? names.join(' ') : w.none, names.length > 0 ? busy : 'dim')];
    };
    const body: Line[] = [[seg(w.fromProc, 'dim')], [seg(w.waitUnblocks, 'dim')]];
    for (const proc of ['parent', 'child'] as const) {
      const p = state.session?.[proc];
      const title = seg(t.paneTitle(t.proc[proc], String(p?.pid ?? t.pidUnknown)), proc);
      const signals = snapshot.signals?.[proc] ?? null;
      if (!signals) {
        body.push([title, seg(` · ${w.gone}`, 'dim')]);
        continue;
      }
      body.push([title, ...mask(w.sharedPending, signals.sharedPending, 'warn'), ...mask(w.caught, signals.caught, 'accent')]);
      if (signals.waiting.length === 0) body.push([seg(`  ${w.noThread}`, 'dim')]);
      for (const thread of signals.waiting) {
        body.push([seg(`  ${w.waitingThread(thread.tid, thread.inWait)}`, 'title'), ...mask(w.pending, thread.pending, 'warn'), ...mask(w.blocked, thread.blocked, 'accent')]);
      }
    }
    return framed([seg(w.viewTitle, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
  };
}
