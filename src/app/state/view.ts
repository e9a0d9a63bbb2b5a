// One derived snapshot of the conversation per state change: the wiring shown, the
// pipes' contents, who is deadlocked, the phase, who waits at a keyboard and whether the
// clock runs. App computes it once per state (useMemo) and hands it down, so a frame
// walks the pipes' bytes and the deadlock graph once, not once per view that asks.
import type { Proc, Wiring } from '../../ipc/events.js';
import { findDeadlock, type Deadlock } from './deadlock.js';
import type { ConversationState } from './model.js';
import { needsClock, phaseOf, type Phase } from './phase.js';
import { waitsBesideOurBytes } from './outside-takers.js';
import { pipeViews, type PipeView } from './pipes.js';
import { typingProcs } from './turns.js';

export interface ConversationView {
  /** The wiring on screen: the session's, or before the first one opens, the one asked for. */
  wiring: Wiring;
  pipes: PipeView[];
  deadlock: Deadlock | null;
  phase: Phase;
  typing: Proc[];
  clockRuns: boolean;
  /** A process of ours waits in read() beside bytes of ours nobody of ours read: /proc can tell whether an outside process took them. */
  waitsBesideOurBytes: boolean;
}

export function deriveView(state: ConversationState, requestedWiring: Wiring): ConversationView {
  const pipes = pipeViews(state);
  const deadlock = findDeadlock(state, pipes);
  return {
    wiring: state.session?.wiring ?? requestedWiring,
    pipes,
    deadlock,
    phase: phaseOf(state, deadlock),
    typing: typingProcs(state),
    clockRuns: needsClock(state, deadlock),
    waitsBesideOurBytes: waitsBesideOurBytes(state, pipes),
  };
}
