// The vocabulary both processes use to report what they did. Every event is the
// result of a real system call (or the moment just before a blocking one) in the
// process named by `proc`. The child writes these as JSON lines on its stdout; the
// parent emits the same shapes for its own calls, so the UI reads one stream.
import fs from 'node:fs';
import { readNetTcp, tcpRowOf, type TcpEndpoint } from '../kernel/proc-net-tcp.js';
import type { Frame, Proc } from './framing.js';

export type { Proc } from './framing.js';
/** How parent and child are joined: the one table of names is the channels' (channels/names.ts). */
export { WIRINGS, type Wiring } from '../channels/names.js';

/**
 * Where a call of the conversation goes: `fd` on a pipe or socket; on a channel whose
 * calls are not read(2)/write(2) (a message queue) fd is -1 and `on` names the call as
 * the screen shows it (`msgrcv(queue 5, type 2)`). See callText.
 */
export interface CallSite {
  fd: number;
  on?: string;
}

/**
 * What a reader tells the screen while it reads, which a read(2) never needs to: a reader
 * without waiting (shm-busy) is spinning on thread `tid`; it stopped spinning after a
 * long while with no message, having burned `cpuMs`, and waits at its gate in `parkedIn`;
 * it found messages lost (the sequence number jumped) or copies torn (the number changed
 * while it copied). A reader of a variable that waits with Atomics.wait (threads) says
 * `waiting` on thread `tid`: the screen names that thread's call only once /proc shows it
 * in futex. A reader of signals says how many bits it took, and from whom.
 */
export type ReadNote =
  | { kind: 'spinning'; tid: number }
  | { kind: 'waiting'; tid: number }
  | { kind: 'idle'; cpuMs: number; parkedIn: string }
  | { kind: 'missed'; lost: number; torn: number }
  /** A message that came as signals (signal): the bits the reader took, and the PIDs the kernel named as their senders (si_pid). */
  | { kind: 'bits'; received: number; senders: number[] };

/** What a process is doing, in the textbook's terms. */
export type ProcActivity =
  | { doing: 'typing' } // waiting for its keyboard line
  | ({ doing: 'writing' } & CallSite)
  | { doing: 'sleeping'; ms: number } // the delay knob, between write and read (or before read)
  | ({ doing: 'reading' } & CallSite) // blocked in read(fd), or in the call `on` names
  // Step mode: about to make `call` on the site, waiting at a futex gate on thread `tid` until the user lets it go.
  | ({ doing: 'held'; call: 'read' | 'write'; gate: 'futex'; tid: number } & CallSite)
  | { doing: 'done' };

/** How the screen names a call: `read(fd 23)`, or the channel's own name for it. */
export function callText(call: 'read' | 'write', site: CallSite): string {
  return site.on ?? `${call}(fd ${site.fd})`;
}

/** Kept as a name of its own: every process's activity, on every channel. */
export type WiredActivity = ProcActivity;

export type FdKind = 'fifo' | 'socket' | 'other';

/** An fd as a process sees it: its number, and what fstat calls it. */
export interface FdInfo {
  fd: number;
  end: 'read' | 'write';
  isFifo: boolean;
  /**
   * What fstat says the fd is. Always set by pipe-chat's own processes; optional only
   * while the UI's hand-made fixtures predate it.
   */
  kind?: FdKind;
  /**
   * fstat's inode. A FIFO's is the pipe's identity, the same in both processes; each
   * end of a socketpair has its own (/proc shows it as socket:[inode]).
   */
  inode: number;
  /** A TCP socket's two ends, as its line of /proc/net/tcp gives them; absent elsewhere. */
  tcp?: { local: TcpEndpoint; remote: TcpEndpoint };
}

export type LinkEvent =
  /**
   * `tid`: the thread that plays the child (its own main thread's, the PID, in a child
   * process; a Worker's in a child thread). `threadFds`: a child thread's fds in the one
   * process's table (child-thread.ts): its keyboard and doorbell pipes, and what starting
   * its Worker added (/proc/self/fd before the Worker and at its hello).
   */
  | { type: 'hello'; proc: Proc; pid: number; tid?: number; fds: FdInfo[]; threadFds?: ThreadFd[]; at: number }
  | { type: 'activity'; proc: Proc; activity: ProcActivity; at: number }
  | {
      type: 'syscall';
      proc: Proc;
      call: 'read' | 'write';
      fd: number;
      /** The call as the screen names it, where it is not read(2)/write(2) on fd (see CallSite). */
      on?: string;
      /** Bytes asked for (write) or buffer size (read). */
      requested: number;
      /** Bytes moved, or the errno code ("EPIPE", "EAGAIN"); 0 from read is end of file. */
      result: number | string;
      /** The bytes moved, base64. */
      data: string;
      /** When the call was entered (µs); `at` is when it returned. */
      start: number;
      at: number;
    }
  /** A whole message `proc` read (a frame a read of its completed). */
  | { type: 'message'; proc: Proc; frame: Frame; at: number }
  /** A whole message `proc` wrote: the write that completed its frame returned at `at`. */
  | { type: 'written'; proc: Proc; frame: Frame; at: number }
  | { type: 'frame-error'; proc: Proc; error: string; at: number }
  /** What a reader said while it read (channel-ends.ts ReadNote): a reader without waiting, a reader of signals. */
  | { type: 'read-note'; proc: Proc; note: ReadNote; at: number }
  /** What the kernel holds in a pipe now, unread: ioctl(FIONREAD) on the parent's end of it, read after a call changed it. */
  | { type: 'queued'; inode: number; bytes: number; at: number }
  | { type: 'exit'; proc: Proc; code: number | null; signal: string | null; at: number };

/** What fstat says of `fd` in this process. */
export function describeFd(fd: number, end: 'read' | 'write'): FdInfo {
  const stat = fs.fstatSync(fd);
  const info: FdInfo = { fd, end, isFifo: stat.isFIFO(), kind: stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : 'other', inode: stat.ino };
  const row = stat.isSocket() ? tcpRowOf(readNetTcp(), stat.ino) : null;
  return row ? { ...info, tcp: { local: row.local, remote: row.remote } } : info;
}

/** Every event of a link, on every channel. */
export type WiredLinkEvent = LinkEvent;

/**
 * Microseconds on CLOCK_MONOTONIC (process.hrtime), the one kernel clock both processes
 * read: their stamps can be compared and ordered directly.
 */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** An fd a child thread brought into the process's table, and why: its keyboard, its doorbell, or its Worker's own event loop. */
export interface ThreadFd {
  fd: number;
  /** What /proc/self/fd said it was: pipe:[N], anon_inode:[eventpoll]... */
  target: string;
  role: 'keyboard' | 'doorbell' | 'worker';
}

export function errnoCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return 'EIO';
}
