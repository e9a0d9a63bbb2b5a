// What travels on the child's stdio, which is NOT the conversation: Node's stdio
// pipes are socketpairs, where nothing can be stolen. stdin carries the child's
// "keyboard" (the lines the user types for the child) and its knobs; the child's report
// of every system call it makes goes through a ring in shared memory at fd 6
// (report-ring.ts), its stdout carrying only the doorbell (or, without a ring, the
// reports as lines). The conversation itself travels only over the kernel pipes at fds 3 and 4.
import type { LinkEvent } from './events.js';

/** The child's fds, fixed by the order of the spawn's stdio array. */
export const CHILD_FDS = { read: 3, write: 4, lifeline: 5, reports: 6 } as const;

/** The child's argument that says fd 6 holds its report ring. */
export const REPORT_RING_FLAG = '--report-ring';
/** A child thread's argument: the parent's own mapping of the ring, `--report-ring-at ADDRESS BYTES`, which it views rather than maps again. */
export const REPORT_RING_AT = '--report-ring-at';

export type ControlMessage =
  | { type: 'keyboard'; text: string }
  | { type: 'delay'; ms: number }
  /** A reader that stopped spinning for want of messages spins again (shm-busy). */
  | { type: 'resume' };

export function encodeLine(value: ControlMessage | LinkEvent): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * Splits a decoded stream into lines. A line still without its newline past `maxChars`
 * (1 MiB; ours are at most ~90 KB) is an error; complete lines in one chunk are not measured.
 */
export class LineSplitter {
  private rest = '';
  constructor(private readonly maxChars = 1 << 20) {}

  push(chunk: string): string[] {
    const parts = (this.rest + chunk).split('\n');
    this.rest = parts.pop() ?? '';
    if (this.rest.length > this.maxChars) throw new Error(`a control line exceeded ${this.maxChars} characters`);
    return parts;
  }
}

export function parseControl(line: string): ControlMessage | null {
  try {
    const value = JSON.parse(line) as Partial<ControlMessage>;
    if (value.type === 'keyboard' && typeof value.text === 'string') return { type: 'keyboard', text: value.text };
    if (value.type === 'delay' && typeof value.ms === 'number' && value.ms >= 0) return { type: 'delay', ms: value.ms };
    if (value.type === 'resume') return { type: 'resume' };
  } catch {
    // not JSON: ignored below
  }
  return null;
}

export function parseEvent(line: string): LinkEvent | null {
  try {
    const value = JSON.parse(line) as LinkEvent;
    return value && typeof value === 'object' && typeof value.type === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** What a child thread is given when it starts (ipc/child-thread.ts). */
export interface ChildThreadData {
  childThread: { keyboard: number; doorbell: number };
  /** The channel's shared memory (the threads' variable). */
  memory: SharedArrayBuffer | undefined;
}
