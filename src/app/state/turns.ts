// Whose turn it is: the turn each process is in, the conversation's turn, the turn the
// status bar shows, whether a process has finished, and who waits at its keyboard.
import { channelEnds } from '../../channels/ends-registry.js';
import type { Proc } from '../../ipc/events.js';
import type { ConversationState, ProcState, SessionState } from './model.js';

export const PROCS: readonly Proc[] = ['parent', 'child'];

export function other(proc: Proc): Proc {
  return proc === 'parent' ? 'child' : 'parent';
}

/**
 * The turn each process is in: the child's ends when it reads an answer, the parent's when
 * it writes one; on a one-way channel (pipe1), where nobody answers, the child's when it
 * writes its line and the parent's when it reads it.
 */
export function procTurn(session: SessionState, proc: Proc): number {
  if (channelEnds(session.wiring).oneWay) return session.firstTurn + (proc === 'child' ? session.child.writes : session.parent.reads);
  return session.firstTurn + (proc === 'child' ? session.child.reads : session.parent.writes);
}

/** The conversation's turn: the turn neither process has finished yet. */
export function conversationTurn(state: ConversationState): number {
  const session = state.session;
  if (!session) return 1;
  const turn = Math.min(procTurn(session, 'parent'), procTurn(session, 'child'));
  return Math.max(1, Math.min(state.turns, turn));
}

/**
 * The turn the status bar shows: the child's, because the child opens every turn and the
 * user types its line first, so it follows the conversation as the user sees it (after a
 * steal the child has moved on while the parent still waits). When the parent is in
 * another turn, that is shown too: "turn 2/3 (parent at 1)".
 */
export function displayedTurn(state: ConversationState): { turn: number; parentTurn: number | null } {
  const session = state.session;
  if (!session) return { turn: 1, parentTurn: null };
  const clamp = (k: number) => Math.max(1, Math.min(state.turns, k));
  const turn = clamp(procTurn(session, 'child'));
  const parentTurn = clamp(procTurn(session, 'parent'));
  return { turn, parentTurn: parentTurn === turn ? null : parentTurn };
}

export function isFinished(p: ProcState): boolean {
  return p.exit !== null || p.eof || p.error !== null || p.activity?.doing === 'done';
}

/** Which processes wait at their keyboard for a line from the user. */
export function typingProcs(state: ConversationState): Proc[] {
  const session = state.session;
  if (!session || session.status !== 'open') return [];
  return PROCS.filter((p) => session[p].activity?.doing === 'typing' && !session[p].keyboardPending && !session[p].exit).sort((a, b) =>
    a === 'child' ? -1 : b === 'child' ? 1 : 0,
  );
}
