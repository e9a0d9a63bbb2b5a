// What the kernel says of the mapped file: its path on one unbroken line (what a user
// types into another terminal), the semaphore set's line of /proc/sysvipc/sem with each
// value, the boxes' first bytes from the parent's own mapping, and for each process its
// /proc/PID/maps line for the file with the dirty kB /proc/PID/smaps counts (each
// msync shows in the trace, inside its process's write): what is known, not a guess
// about the disk.
import { framed, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { pidOfOurKey } from '../../kernel/sysv.js';
import type { Channel } from '../channel.js';
import type { MmapWords } from '../shm/words.js';

const hexKey = (key: number): string => `0x${(key >>> 0).toString(16).padStart(8, '0')}`;

export function mmapKernelView(words: (t: Parameters<Channel['kernelView']>[0]) => MmapWords): Channel['kernelView'] {
  return (t, state, snapshot, width, height) => {
    const w = words(t);
    const inner = Math.max(1, width - 2);
    const path = state.session?.path ?? null;
    const parentPid = state.session?.parent.pid ?? null;
    const set = (snapshot.sysvSem ?? []).filter((row) => parentPid !== null && pidOfOurKey(row.key ?? 0) === parentPid).at(-1);
    const body: Line[] = [];
    const mapOf = (proc: 'parent' | 'child'): string | undefined => (path === null ? undefined : (snapshot.maps?.[proc] ?? []).find((l) => l.endsWith(path)));
    const parentMap = mapOf('parent');
    const inode = Number(parentMap?.split(/\s+/)[4] ?? NaN);
    const look = Number.isNaN(inode) ? undefined : snapshot.shared?.get(inode);
    if (path === null) body.push([seg(w.gone, 'dim')]);
    else {
      body.push([seg(w.file, 'dim'), seg(path, 'accent')]);
      if (set) body.push(...wrapLine([seg(w.set(set.semid ?? -1, hexKey(set.key ?? 0), look?.semaphores ?? []), 'accent')], inner));
      if (look) for (const index of [0, 1]) body.push(...wrapLine([seg(w.box(index, look.heads[index] ?? ''), 'warn')], inner));
      for (const proc of ['parent', 'child'] as const) {
        const pid = state.session?.[proc].pid;
        const line = mapOf(proc);
        const fileInode = Number(line?.split(/\s+/)[4] ?? NaN);
        const dirty = snapshot.dirty?.[proc]?.[fileInode];
        body.push(...wrapLine([seg(`${t.proc[proc]} ${pid ?? t.pidUnknown}: `, proc), seg(line ? `${w.dirty(dirty ?? 0)} · ${line.split(/\s+/).slice(0, 2).join(' ')}` : w.noMapping, line ? 'dim' : 'warn')], inner));
      }
    }
    return framed([seg(w.viewTitle, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
  };
}
