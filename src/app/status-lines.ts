// The status bar: the mode in words, the turn, both knobs, the counters since start,
// and the keys that work right now (typing or keys mode); "auto-play" while it plays.
import type { PipeMode } from '../ipc/events.js';
import type { ConversationState } from './conversation-reducer.js';
import { conversationTurn } from './conversation-selectors.js';
import { pack, seg, type Line } from './lines.js';
import { modeWords, type Ui } from './words.js';

export function statusLines(t: Ui, state: ConversationState, mode: PipeMode, typing: boolean, width: number, autoPlaySpeed: number | null = null): Line[] {
  const s = t.status;
  const items: Line[] = [
    [seg(`[${modeWords(t, mode)}]`, mode === 'one' ? 'danger' : 'ok')],
    ...(autoPlaySpeed !== null ? [[seg(s.autoPlay(autoPlaySpeed), 'key')]] : []),
    [seg(s.turn(conversationTurn(state), state.turns), 'title')],
    [seg(s.delivered(state.counters.delivered), 'ok')],
    [seg(s.stolen(state.counters.stolen), state.counters.stolen > 0 ? 'danger' : 'plain')],
    ...(state.counters.outOfTurn > 0 ? [[seg(s.outOfTurn(state.counters.outOfTurn), 'warn')]] : []),
    [seg(s.childDelay(s.ms(state.knobs.childDelayMs)))],
    [seg(s.parentDelay(s.ms(state.knobs.parentDelayMs)))],
  ];
  const info = pack(items, width, [seg(' · ', 'dim')]);
  const keys = pack(
    (typing ? s.typingKeys : s.commandKeys).split(' · ').map((k) => [seg(k, 'key')]),
    width,
    [seg(' · ', 'dim')],
  );
  return [...info, ...keys];
}
