// While a reader spins (shm-busy), its thread's CPU time is read from
// /proc/PID/task/TID/stat once a second, and the share of a core it used since the last
// look: what the screen says beside BUSY WAITING. A reader that waits in Atomics.wait
// (threads) is looked at the same way, with the call its thread is in
// (/proc/PID/task/TID/syscall): the screen says it is blocked in futex only when /proc
// does. Nothing runs while nobody spins or waits so.
import { useEffect, useRef, type Dispatch } from 'react';
import type { Proc } from '../../ipc/events.js';
import { threadCpuMs } from '../../kernel/thread-cpu.js';
import { threadCall } from '../../kernel/kernel-calls.js';
import type { Action, ConversationState } from '../state/model.js';
import { spinning } from '../state/phase.js';

const LOOK_MS = 1000;

export function useSpinCpu(state: ConversationState, dispatch: Dispatch<Action>, read: typeof threadCpuMs = threadCpuMs, readCall: typeof threadCall = threadCall): void {
  const session = state.session;
  const who = (proc: Proc): string => {
    const p = session?.[proc];
    return p && p.pid !== null && p.spin && spinning(p) ? `${proc}:${proc === 'parent' ? process.pid : p.pid}:${p.spin.tid}:${p.spin.waits ? 'waits' : 'spins'}` : '';
  };
  const key = `${session?.id ?? ''}|${who('parent')}|${who('child')}`;
  const last = useRef(new Map<string, { cpuMs: number; at: number }>());
  useEffect(() => {
    const targets = key.split('|').slice(1).filter((w) => w !== '');
    if (targets.length === 0 || !session) return;
    const look = (): void => {
      for (const target of targets) {
        const [proc, pid, tid, how] = target.split(':') as [Proc, string, string, string];
        const cpuMs = read(Number(pid), Number(tid));
        if (cpuMs === null) continue;
        const at = performance.now();
        const before = last.current.get(target);
        last.current.set(target, { cpuMs, at });
        const inFutex = how === 'waits' ? readCall(Number(pid), Number(tid))?.call === 'futex' : null;
        dispatch({ type: 'spin-cpu', session: session.id, proc, tid: Number(tid), cpuMs, share: before ? (cpuMs - before.cpuMs) / Math.max(1, at - before.at) : null, inFutex });
      }
    };
    look();
    const timer = setInterval(look, LOOK_MS);
    return () => clearInterval(timer);
    // The key names every target: a new session, process or thread starts new looks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, dispatch, read, readCall]);
}
