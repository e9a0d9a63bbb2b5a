// What the kernel says of the shared memory: the segment's line of /proc/sysvipc/shm
// (size, attach count, creator and last user PIDs), the semaphore set's line of
// /proc/sysvipc/sem with each value (semctl GETVAL), the boxes' first bytes as the
// parent's own mapping holds them, and each process's /proc/PID/maps line for the
// segment. Ours is the segment the parent created (cpid; its key is 0 once marked
// IPC_RMID) and the set whose key names the parent's PID (kernel/sysv.ts ourKey).
import { framed, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { pidOfOurKey } from '../../kernel/sysv.js';
import type { Channel } from '../channel.js';
import type { ShmWords } from './words.js';

const hexKey = (key: number): string => `0x${(key >>> 0).toString(16).padStart(8, '0')}`;

export function shmKernelView(words: (t: Parameters<Channel['kernelView']>[0]) => ShmWords): Channel['kernelView'] {
  return (t, state, snapshot, width, height) => {
    const w = words(t);
    const inner = Math.max(1, width - 2);
    const parentPid = state.session?.parent.pid ?? null;
    const segment = (snapshot.sysvShm ?? []).filter((row) => parentPid !== null && row.cpid === parentPid && (row.nattch ?? 0) > 0).at(-1);
    const set = (snapshot.sysvSem ?? []).filter((row) => parentPid !== null && pidOfOurKey(row.key ?? 0) === parentPid).at(-1);
    const body: Line[] = [];
    if (segment) {
      const id = segment.shmid ?? -1;
      const nattch = segment.nattch ?? 0;
      body.push(...wrapLine([seg(w.segment(id, hexKey(segment.key ?? 0), segment.size ?? 0, nattch, segment.cpid ?? 0, segment.lpid ?? 0), nattch === 2 ? 'ok' : 'warn')], inner));
      const look = snapshot.shared?.get(id);
      if (set) body.push(...wrapLine([seg(w.set(set.semid ?? -1, hexKey(set.key ?? 0), look?.semaphores ?? []), 'accent')], inner));
      if (look) for (const index of [0, 1]) body.push(...wrapLine([seg(w.box(index, look.heads[index] ?? ''), 'warn')], inner));
      for (const proc of ['parent', 'child'] as const) {
        const pid = state.session?.[proc].pid;
        const line = (snapshot.maps?.[proc] ?? []).find((l) => l.split(/\s+/)[4] === String(id));
        body.push(...wrapLine([seg(`${t.proc[proc]} ${pid ?? t.pidUnknown} maps: `, proc), seg(line ? line.replace(/\s+/g, ' ') : w.noMapping, line ? 'dim' : 'warn')], inner));
      }
    } else {
      body.push([seg(w.gone, 'dim')]);
    }
    return framed([seg(w.viewTitle, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
  };
}
