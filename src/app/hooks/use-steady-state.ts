// The state the blocks without seconds are drawn from: the same object across clock ticks.
import { useRef } from 'react';
import type { ConversationState } from '../state/model.js';
import { onlyClockMoved } from '../state/steady.js';

export function useSteadyState(state: ConversationState): ConversationState {
  const last = useRef(state);
  if (!onlyClockMoved(last.current, state)) last.current = state;
  return last.current;
}
