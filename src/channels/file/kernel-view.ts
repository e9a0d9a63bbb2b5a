// What the kernel says of the shared file: its path on one unbroken line (what a user types
// into another terminal), its size and inode (stat), each direction's line as `cat` of it
// shows it now, and for each process its fd on the file (/proc/PID/fd names the path:
// found by the inode) with fdinfo's pos and flags (pread and pwrite leave pos at 0), and,
// while it reads, the thread that spins and the CPU it burned (/proc/PID/task/TID/stat),
// or that it stopped at the spin limit.
import { framed, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import type { Channel } from '../channel.js';
import { SLOT_BYTES, slotOffset, type Slot } from './com-file.js';
import type { FileWords } from './words.js';

const cpuText = (ms: number | null, share: number | null): string => `${ms === null ? '…' : `${(ms / 1000).toFixed(1)} s`}${share === null ? '' : ` (${Math.round(share * 100)}%)`}`;

export function fileKernelView(words: (t: Parameters<Channel['kernelView']>[0]) => FileWords): Channel['kernelView'] {
  return (t, state, snapshot, width, height) => {
    const w = words(t);
    const inner = Math.max(1, width - 2);
    const path = state.session?.path ?? null;
    const look = snapshot.file ?? null;
    const body: Line[] = [];
    if (path === null || look === null) body.push([seg(w.gone, 'dim')]);
    else {
      body.push([seg(w.file, 'dim'), seg(sanitizeForDisplay(path), 'accent')]);
      body.push([seg(w.stat(look.size, look.inode), 'dim')]);
      body.push([seg(w.cat, 'dim')]);
      for (const slot of [0, 1] as Slot[]) {
        const line = look.lines.find((l) => Math.floor(l.offset / SLOT_BYTES) === slot);
        body.push(...wrapLine([seg(w.catLine(slot, slotOffset(slot), line ? sanitizeForDisplay(line.text) : null), line ? 'warn' : 'dim')], inner).slice(0, 2));
      }
      for (const proc of ['parent', 'child'] as const) {
        const p = state.session?.[proc];
        const fd = (snapshot[proc] ?? []).find((f) => f.inode === look.inode);
        body.push(...wrapLine([seg(`${t.proc[proc]} ${p?.pid ?? t.pidUnknown}: `, proc), seg(fd ? w.fd(fd.fd, fd.pos ?? null, fd.flags ?? null) : w.noFd, fd ? 'dim' : 'warn')], inner));
        const spin = p?.spin;
        if (spin && p?.activity?.doing === 'reading') {
          const stopped = spin.idleCpuMs !== null;
          body.push(...wrapLine([seg(stopped ? w.readerStopped(spin.tid, cpuText(spin.idleCpuMs, null)) : w.readerCpu(spin.tid, cpuText(spin.cpuMs, spin.cpuShare)), stopped ? 'accent' : 'warn')], inner));
        }
      }
    }
    return framed([seg(w.viewTitle, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
  };
}
