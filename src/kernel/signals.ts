// Signals through the FFI, as the chapter's signal program uses them, for a thread of a
// Node process: pthread_sigmask (block signals in the calling thread only: Node's other
// threads keep their own masks), sigtimedwait (take one pending signal, or wait for one,
// in the calling thread; the rt_sigtimedwait system call) and tgkill (send a signal to one
// thread of a process). Linux only: macOS has neither sigtimedwait nor tgkill. libc.ts
// binds these from its one loader (loadLibc().signals).
// Node takes SIGUSR1 for its debugger and SIGUSR2 kills a process by default: a signal of
// ours must reach only a thread that blocks it and waits for it, so it is sent with
// tgkill to that thread, never with kill() to the process (any thread that does not block
// it could take it there).
import type koffiModule from 'koffi';
import type { LibraryHandle } from 'koffi';
import type { CheckResult } from './sysv.js';

/** Linux's numbers, the same on x86_64 and arm64. */
export const SIGUSR1 = 10;
export const SIGUSR2 = 12;
const SIG_BLOCK = 0;
/** sigset_t and siginfo_t are 128 bytes in glibc; si_pid is at byte 16 of siginfo_t on 64-bit Linux. */
const SIGSET_BYTES = 128;
const SIGINFO_BYTES = 128;
const SI_PID_OFFSET = 16;

/** A signal taken by sigtimedwait: its number, and the PID (thread group) that sent it, as the kernel wrote it in siginfo. */
export interface TakenSignal {
  signo: number;
  pid: number;
}

export interface Signals {
  /** SIGRTMIN as glibc numbers it (34: the kernel's 32 and 33 are the thread library's). */
  readonly rtmin: number;
  /** pthread_sigmask(SIG_BLOCK): these signals are held pending in the calling thread from now on. */
  block(signos: readonly number[]): void;
  /** sigtimedwait for one of `signos` (blocked in this thread), waiting at most `timeoutMs`; null when none came (EAGAIN) or another signal's handler ran (EINTR). */
  take(signos: readonly number[], timeoutMs: number): TakenSignal | null;
  /** tgkill(pid, tid, signo): the signal goes to that thread of that process only. */
  send(pid: number, tid: number, signo: number): void;
}

/** A sigset_t with these signals in it (bit signo - 1, as sigaddset sets it on Linux). */
export function sigset(signos: readonly number[]): Buffer {
  const set = Buffer.alloc(SIGSET_BYTES);
  for (const signo of signos) set[(signo - 1) >> 3] = (set[(signo - 1) >> 3] ?? 0) | (1 << ((signo - 1) & 7));
  return set;
}

export function bindSignals(koffi: typeof koffiModule, lib: LibraryHandle, check: CheckResult): Signals {
  const sigmask = lib.func('int pthread_sigmask(int how, const uint8_t *set, uint8_t *old)');
  const sigtimedwait = lib.func('int sigtimedwait(const uint8_t *set, _Out_ uint8_t *info, const int64_t *timeout)');
  const tgkill = lib.func('int tgkill(int tgid, int tid, int sig)');
  const rtmin = (lib.func('int __libc_current_sigrtmin(void)') as () => number)();
  const info = Buffer.alloc(SIGINFO_BYTES);
  const sets = new Map<string, Buffer>();
  const setOf = (signos: readonly number[]): Buffer => {
    const key = signos.join(',');
    let set = sets.get(key);
    if (!set) sets.set(key, (set = sigset(signos)));
    return set;
  };
  return {
    rtmin,
    block: (signos) => {
      // pthread_sigmask returns the error number itself rather than -1 and errno.
      const error = sigmask(SIG_BLOCK, setOf(signos), null) as number;
      if (error !== 0) throw new Error(`pthread_sigmask: errno ${error}`);
    },
    take: (signos, timeoutMs) => {
      const timeout = [Math.floor(timeoutMs / 1000), Math.round((timeoutMs % 1000) * 1e6)];
      const signo = sigtimedwait(setOf(signos), info, timeout) as number;
      if (signo === -1) {
        const errno = koffi.errno();
        if (errno === koffi.os.errno.EAGAIN || errno === koffi.os.errno.EINTR) return null;
        check('sigtimedwait', -1);
      }
      return { signo, pid: info.readInt32LE(SI_PID_OFFSET) };
    },
    send: (pid, tid, signo) => void check('tgkill', tgkill(pid, tid, signo) as number),
  };
}
