// The status bar: the mode in words, the turn, the counters since start and the running
// tally of the current wiring over all its conversations (how many of the messages read on
// it were stolen), both knobs, and the keys that work right now: while typing, or for the
// one key after Esc (then the line says so first); Tab only when both processes wait.
// "auto-play" while it plays.
// Always exactly two lines, each fitted to the width by shortening or dropping the
// least important items (fit-items.ts): a wrapped status bar would push the screen.
import { channelEnds } from '../../channels/ends-registry.js';
import type { Wiring } from '../../ipc/events.js';
import type { ConversationState } from '../state/model.js';
import { wiringTally } from '../state/tallies.js';
import { displayedTurn } from '../state/turns.js';
import { fitItems, type Item } from './fit-items.js';
import { seg, type Line } from '../text/styled-lines.js';
import type { Tone } from '../text/theme.js';
import { formatDuration, wiringWords, type Ui } from './phrases.js';

const SEPARATOR: Line = [seg(' · ', 'dim')];

function item(id: string, tone: Tone | undefined, ...forms: (string | null)[]): Item {
  return { id, forms: forms.map((f) => (f === null ? null : [seg(f, tone)])) };
}

/** What gives way first when the status bar is too wide; the mode and the turn never go. */
const INFO_STEPS = ['stolen', 'delivered', 'auto', 'knobs', 'delivered', 'outOfTurn', 'outside', 'garbled', 'knobs', 'outOfTurn', 'outside', 'garbled', 'auto', 'knobs'];

const TYPING_KEYS = ['toggle', 'keys', 'other', 'scroll', 'help', 'quit'] as const;
const COMMAND_KEYS = ['mode', 'toggle', 'delays', 'trace', 'fds', 'restart', 'help', 'quit', 'type'] as const;
/** Which keys go first when the key line is too wide (each is also in the help). */
const KEY_STEPS = ['fds', 'trace', 'scroll', 'other', 'delays', 'type'];

export function statusLines(t: Ui, state: ConversationState, wiring: Wiring, typing: boolean, width: number, autoPlaySpeed: number | null = null, canSwitch = false): Line[] {
  const s = t.status;
  const { childDelayMs, parentDelayMs } = state.knobs;
  const child = formatDuration(t, childDelayMs);
  const parent = formatDuration(t, parentDelayMs);
  const { delivered, outOfTurn, outside } = state.counters;
  const tally = wiringTally(state, wiring);
  const turn = displayedTurn(state);
  const info: Item[] = [
    item('mode', channelEnds(wiring).hazards.stolen ? 'danger' : 'ok', `[${wiringWords(t, wiring)}]`),
    ...(autoPlaySpeed !== null ? [item('auto', 'key', s.autoPlay(autoPlaySpeed), s.autoPlayShort(autoPlaySpeed), null)] : []),
    item('turn', 'title', turn.parentTurn === null ? s.turn(turn.turn, state.turns) : s.turnApart(turn.turn, state.turns, turn.parentTurn)),
    item('delivered', 'ok', s.delivered(delivered), s.deliveredShort(delivered), null),
    item('stolen', tally.stolen > 0 ? 'danger' : 'plain', s.tally(wiringWords(t, wiring), tally.stolen, tally.read), s.tallyShort(tally.stolen, tally.read)),
    ...(outOfTurn > 0 ? [item('outOfTurn', 'warn', s.outOfTurn(outOfTurn), s.outOfTurnShort(outOfTurn), null)] : []),
    // Lines no process of ours wrote (forged with our tag, or untagged): only another process can put them there.
    ...(outside > 0 ? [item('outside', 'danger', s.fromOutside(outside), s.fromOutsideShort(outside), null)] : []),
    // Messages signals brought with bits lost.
    ...(tally.garbled > 0 ? [item('garbled', 'danger', s.garbled(tally.garbled, tally.read), s.garbledShort(tally.garbled), null)] : []),
    item('knobs', undefined, s.knobs(child, parent), s.knobsShort(child, parent), s.knobsTiny(child, parent), null),
  ];
  const names = typing ? TYPING_KEYS.filter((name) => name !== 'other' || canSwitch) : COMMAND_KEYS;
  const words: Record<string, string> = typing ? s.typingKeys : s.commandKeys;
  const keys: Item[] = names.map((name) => item(name, name === 'mode' ? 'warn' : 'key', words[name] ?? name, null));
  return [fitItems(info, INFO_STEPS, width, SEPARATOR), fitItems(keys, KEY_STEPS, width, SEPARATOR)];
}
