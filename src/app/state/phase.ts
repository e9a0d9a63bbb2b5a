// Where the conversation stands (opening, playing, finished, deadlock, a dead child) and
// the clock policy that follows from it: a clock runs only while a wait ends on its own.
import type { ConversationState, ProcState, SessionState } from './model.js';
import { findDeadlock, type Deadlock } from './deadlock.js';
import { PROCS, isFinished, typingProcs } from './turns.js';

export type Phase = 'opening' | 'failed' | 'playing' | 'finished' | 'deadlock' | 'child-died';

export function childDied(session: SessionState): boolean {
  const exit = session.child.exit;
  if (!exit) return false;
  return !(exit.code === 0 && exit.signal === null && session.child.activity?.doing === 'done');
}

export function phaseOf(state: ConversationState, deadlock: Deadlock | null = findDeadlock(state)): Phase {
  const session = state.session;
  if (!session || session.status === 'opening') return 'opening';
  if (session.status === 'failed') return 'failed';
  // A child killed from outside leaves the parent blocked on a shared pipe for good,
  // but what the user needs to know first is that the child died (and how).
  if (childDied(session)) return 'child-died';
  if (deadlock) return 'deadlock';
  if (isFinished(session.parent) && isFinished(session.child)) return 'finished';
  return 'playing';
}

/**
 * True while a process is blocked or sleeping and something will end the wait on its own
 * (a sleep, the other process working): then the screen counts seconds. While a process
 * waits for the user's line, or the two are deadlocked, the wait is open-ended: no clock,
 * no CPU (a tick re-renders the whole screen), and the state says since when instead.
 */
export function needsClock(state: ConversationState, deadlock: Deadlock | null = findDeadlock(state)): boolean {
  const session = state.session;
  if (!session || session.status !== 'open') return false;
  // A reader that spins burns CPU while anyone types: its seconds and CPU are counted.
  if (PROCS.some((p) => spinning(session[p]))) return true;
  if (typingProcs(state).length > 0 || deadlock) return false;
  return PROCS.some((p) => {
    const doing = session[p].activity?.doing;
    return !session[p].exit && (doing === 'reading' || doing === 'sleeping');
  });
}

/** A reader spinning now (shm-busy): in its read, with a thread that checks memory in a loop, not stopped for want of messages; or one waiting in Atomics.wait (threads), whose thread /proc is asked about the same way. */
export function spinning(p: ProcState): boolean {
  return !p.exit && p.activity?.doing === 'reading' && p.spin !== null && p.spin.idleCpuMs === null;
}

/** The wall-clock time (ms since the epoch) of a monotonic instant, if a session has said how the two relate. */
export function wallTimeOf(state: ConversationState, at: number): number | null {
  return state.wallOffsetUs === null ? null : Math.floor((at + state.wallOffsetUs) / 1000);
}

export function secondsSince(state: ConversationState, p: ProcState): number {
  return Math.max(0, Math.floor((state.now - p.since) / 1_000_000));
}
