// What a conversation session reports, as the actions the conversation reducer takes:
// a session starting (a new child for a start, toggle, restart or respawn), opened or
// failed, each event of its link, a line handed to a keyboard, the parent waiting for
// the child's line before its read delay, a knob turned, step mode turned on or off.
// Each carries its own time.
import type { FdInfo, Proc, WiredLinkEvent, Wiring } from '../ipc/events.js';
import type { PipeDescription } from '../ipc/link.js';
import type { Problem } from '../i18n/problems.js';

export type StartReason = 'start' | 'toggle' | 'restart' | 'respawn';

export interface Knobs {
  childDelayMs: number;
  parentDelayMs: number;
}

export type SessionEvent =
  | {
      type: 'session-starting';
      session: number;
      wiring: Wiring;
      firstTurn: number;
      reason: StartReason;
      parentPid: number;
      at: number;
      /** The wall clock's µs at the same instant as `at`, read by the session: the reducer reads no clock. */
      wallAt: number;
    }
  | {
      type: 'session-opened';
      session: number;
      childPid: number;
      pipes: PipeDescription[];
      parentFds: FdInfo[];
      childFds: FdInfo[];
      /** The named pipe's path; null on the other wirings. */
      path: string | null;
      at: number;
    }
  | { type: 'session-failed'; session: number; problem: Problem; at: number }
  | { type: 'link-event'; session: number; event: WiredLinkEvent }
  | { type: 'keyboard-line'; session: number; proc: Proc; at: number }
  | { type: 'parent-awaits-child-line'; session: number; waiting: boolean; at: number }
  | { type: 'knob-changed'; knob: keyof Knobs; ms: number }
  /** Step mode turned on or off for every conversation from now; `refused` where the child cannot be held (no futex: not Linux). */
  | { type: 'step-mode'; on: boolean; refused: boolean };
