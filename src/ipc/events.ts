// The vocabulary both processes use to report what they did. Every event is the
// result of a real system call (or the moment just before a blocking one) in the
// process named by `proc`. The child writes these as JSON lines on its stdout; the
// parent emits the same shapes for its own calls, so the UI reads one stream.
import type { Frame, Proc } from './framing.js';

export type { Proc } from './framing.js';
export type PipeMode = 'two' | 'one';

/** What a process is doing, in the textbook's terms. */
export type ProcActivity =
  | { doing: 'typing' } // waiting for its keyboard line
  | { doing: 'writing'; fd: number }
  | { doing: 'sleeping'; ms: number } // the delay knob, between write and read (or before read)
  | { doing: 'reading'; fd: number } // blocked in read(fd)
  | { doing: 'done' };

/** An fd as a process sees it: its number, and whether fstat calls it a FIFO. */
export interface FdInfo {
  fd: number;
  end: 'read' | 'write';
  isFifo: boolean;
  /** The pipe's identity: the FIFO's inode number (same in both processes). */
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
  | { type: 'message'; proc: Proc; frame: Frame; at: number }
  | { type: 'frame-error'; proc: Proc; error: string; at: number }
  | { type: 'exit'; proc: Proc; code: number | null; signal: string | null; at: number };

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
