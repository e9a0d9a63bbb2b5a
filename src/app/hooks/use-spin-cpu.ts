// While a reader spins (shm-busy), its thread's CPU time is read from
// /proc/PID/task/TID/stat once a second, and the share of a core it used since the last
// look: what the screen says beside BUSY WAITING. Nothing runs while nobody spins.
import { useEffect, useRef, type Dispatch } from 'react';
import type { Proc } from '../../ipc/events.js';
import { threadCpuMs } from '../../kernel/thread-cpu.js';
import type { Action, ConversationState } from '../state/model.js';
import { spinning } from '../state/phase.js';

const LOOK_MS = 1000;

export function useSpinCpu(state: ConversationState, dispatch: Dispatch<Action>, read: typeof threadCpuMs = threadCpuMs): void {
  const session = state.session;
  const who = (proc: Proc): string => {
    const p = session?.[proc];
    return p && p.pid !== null && p.spin && spinning(p) ? `${proc}:${proc === 'parent' ? process.pid : p.pid}:${p.spin.tid}` : '';
  };
  const key = `${session?.id ?? ''}|${who('parent')}|${who('child')}`;
  const last = useRef(new Map<string, { cpuMs: number; at: number }>());
  useEffect(() => {
    const targets = key.split('|').slice(1).filter((w) => w !== '');
    if (targets.length === 0 || !session) return;
    const look = (): void => {
      for (const target of targets) {
        const [proc, pid, tid] = target.split(':') as [Proc, string, string];
        const cpuMs = read(Number(pid), Number(tid));
        if (cpuMs === null) continue;
        const at = performance.now();
        const before = last.current.get(target);
        last.current.set(target, { cpuMs, at });
        dispatch({ type: 'spin-cpu', session: session.id, proc, tid: Number(tid), cpuMs, share: before ? (cpuMs - before.cpuMs) / Math.max(1, at - before.at) : null });
      }
    };
    look();
    const timer = setInterval(look, LOOK_MS);
    return () => clearInterval(timer);
    // The key names every target: a new session, process or thread starts new looks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, dispatch, read]);
}
