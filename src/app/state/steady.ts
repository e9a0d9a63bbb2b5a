// The clock's tick moves only `now`, and only a pane's state shows seconds: every other
// block of the screen is drawn from a state that the tick leaves as it was, so it is not
// laid out again once a second while a process waits.
import type { ConversationState } from './model.js';

/** `next` differs from `last` in nothing but the time (its clock ticked): draw from `last`. */
export function onlyClockMoved(last: ConversationState, next: ConversationState): boolean {
  if (last === next) return true;
  for (const key of Object.keys(next) as (keyof ConversationState)[]) if (key !== 'now' && last[key] !== next[key]) return false;
  return true;
}
