// The vocabulary both processes use to report what they did. Every event is the
// result of a real system call (or the moment just before a blocking one) in the
// process named by `proc`. The child writes these as JSON lines on its stdout; the
// parent emits the same shapes for its own calls, so the UI reads one stream.
import fs from 'node:fs';
import type { Frame, Proc } from './framing.js';

export type { Proc } from './framing.js';
/** The chat's first two wirings, as the UI names them; each is also a Wiring (wiringOfMode). */
export type PipeMode = 'two' | 'one';

/**
 * How parent and child are joined. two-pipes: one FIFO per direction. one-pipe: one
 * FIFO both read and write (the textbook's race). socket: one Unix socketpair, an end
 * each (two-way, so nothing can be stolen). named: one FIFO kept at a path on disk, that
 * other processes of this user can open too.
 */
export type Wiring = 'two-pipes' | 'one-pipe' | 'socket' | 'named';
export const WIRINGS: readonly Wiring[] = ['two-pipes', 'one-pipe', 'socket', 'named'];

export function wiringOfMode(mode: PipeMode): Wiring {
  return mode === 'one' ? 'one-pipe' : 'two-pipes';
}

/** 'one' when both processes read the same FIFO (bytes can be stolen), 'two' when each reads only what the other wrote. */
/** How many kernel pipes a wiring uses (a socket uses none). */
export function pipesOf(wiring: Wiring): 0 | 1 | 2 {
  return wiring === 'two-pipes' ? 2 : wiring === 'socket' ? 0 : 1;
}

export function modeOfWiring(wiring: Wiring): PipeMode {
  return wiring === 'one-pipe' || wiring === 'named' ? 'one' : 'two';
}

/** What a process is doing, in the textbook's terms. */
export type ProcActivity =
  | { doing: 'typing' } // waiting for its keyboard line
  | { doing: 'writing'; fd: number }
  | { doing: 'sleeping'; ms: number } // the delay knob, between write and read (or before read)
  | { doing: 'reading'; fd: number } // blocked in read(fd)
  | { doing: 'done' };

/**
 * The parent on a socket: its end is non-blocking (Node cannot clear O_NONBLOCK), so no
 * thread of it sits in read(2). Its event loop's thread waits in epoll_wait with `fd` in
 * the interest list, and reads when the kernel says the socket is readable.
 */
export type EpollWait = { doing: 'waiting-epoll'; fd: number };
export type WiredActivity = ProcActivity | EpollWait;

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
}

export type LinkEvent =
  | { type: 'hello'; proc: Proc; pid: number; fds: FdInfo[]; at: number }
  | { type: 'activity'; proc: Proc; activity: ProcActivity; at: number }
  | {
      type: 'syscall';
      proc: Proc;
      call: 'read' | 'write';
      fd: number;
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
  | { type: 'exit'; proc: Proc; code: number | null; signal: string | null; at: number };

/** What fstat says of `fd` in this process. */
export function describeFd(fd: number, end: 'read' | 'write'): FdInfo {
  const stat = fs.fstatSync(fd);
  return { fd, end, isFifo: stat.isFIFO(), kind: stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : 'other', inode: stat.ino };
}

/** Every event of a link of any wiring: a socket link's parent also waits in epoll. */
export type WiredLinkEvent = LinkEvent | { type: 'activity'; proc: 'parent'; activity: EpollWait; at: number };

/**
 * Microseconds on CLOCK_MONOTONIC (process.hrtime), the one kernel clock both processes
 * read: their stamps can be compared and ordered directly.
 */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export function errnoCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return 'EIO';
}
