// The status bar: the mode in words, the turn, the counters since start and the running
// tally of the current wiring over all its conversations (how many of the messages read on
// it were stolen), both knobs, and the keys that work right now: while typing, or for the
// one key after Esc (then the line says so first); Tab only when both processes wait.
// "auto-play" while it plays. In step mode the key line starts with the keys that let each
// process's held call go, naming the call (F5 parent: read(fd 23)), and F4 to leave it.
// Always exactly two lines, each fitted to the width by shortening or dropping the
// least important items (fit-items.ts): a wrapped status bar would push the screen.
import { channelEnds } from '../../channels/ends-registry.js';
import { callText, type Proc, type Wiring } from '../../ipc/events.js';
import type { ConversationState } from '../state/model.js';
import { wiringTally } from '../state/tallies.js';
import { displayedTurn } from '../state/turns.js';
import { fitItems, type Item } from './fit-items.js';
import { seg, type Line } from '../text/styled-lines.js';
import type { Tone } from '../text/theme.js';
import { RELEASE_KEYS, formatDuration, wiringWords, type Ui } from './phrases.js';

const SEPARATOR: Line = [seg(' · ', 'dim')];

function item(id: string, tone: Tone | undefined, ...forms: (string | null)[]): Item {
  return { id, forms: forms.map((f) => (f === null ? null : [seg(f, tone)])) };
}

/** What gives way first when the status bar is too wide; the mode and the turn never go. */
const INFO_STEPS = ['stolen', 'delivered', 'auto', 'knobs', 'delivered', 'outOfTurn', 'outside', 'knobs', 'outOfTurn', 'outside', 'auto', 'knobs'];

const TYPING_KEYS = ['toggle', 'keys', 'other', 'scroll', 'help', 'quit'] as const;
const COMMAND_KEYS = ['mode', 'toggle', 'delays', 'trace', 'fds', 'restart', 'help', 'quit', 'type'] as const;
/** Which keys go first when the key line is too wide (each is also in the help). */
const KEY_STEPS = ['fds', 'trace', 'scroll', 'other', 'delays', 'type'];
/** In step mode the keys that let calls go stay, shortened; the others give way first. */
const STEP_KEY_STEPS = ['fds', 'trace', 'scroll', 'other', 'delays', 'type', 'keys', 'toggle', 'parent', 'child', 'help', 'restart', 'keys'];

/** The call a process is held before, as the screen names it; null when it is not held. */
function heldCall(state: ConversationState, proc: Proc): string | null {
  const a = state.session?.[proc].activity;
  return a?.doing === 'held' && !state.session?.[proc].exit ? callText(a.call, a) : null;
}

/** Step mode's keys, first on the key line: each process's, with the call it would let go, and F4 to leave. */
function stepKeys(t: Ui, state: ConversationState, typing: boolean): Item[] {
  if (!typing) return [item('stepKeys', 'key', t.step.commandKeys)];
  const letGo = (proc: Proc): Item => {
    const call = heldCall(state, proc);
    return item(proc, call === null ? 'dim' : 'key', t.step.letGo(RELEASE_KEYS[proc], t.procLower[proc], call), t.step.letGoShort(RELEASE_KEYS[proc], call));
  };
  return [letGo('parent'), letGo('child'), item('stepOff', 'key', t.step.stepOff)];
}

export function statusLines(t: Ui, state: ConversationState, wiring: Wiring, typing: boolean, width: number, autoPlaySpeed: number | null = null, canSwitch = false): Line[] {
  const s = t.status;
  const { childDelayMs, parentDelayMs } = state.knobs;
  const child = formatDuration(t, childDelayMs);
  const parent = formatDuration(t, parentDelayMs);
  const { delivered, outOfTurn, outside } = state.counters;
  const tally = wiringTally(state, wiring);
  const turn = displayedTurn(state);
  const stepping = state.step.on;
  const info: Item[] = [
    item('mode', channelEnds(wiring).hazards.stolen ? 'danger' : 'ok', `[${wiringWords(t, wiring)}]`),
    ...(stepping ? [item('step', 'warn', `[${t.step.status}]`)] : []),
    ...(autoPlaySpeed !== null ? [item('auto', 'key', s.autoPlay(autoPlaySpeed), s.autoPlayShort(autoPlaySpeed), null)] : []),
    item('turn', 'title', turn.parentTurn === null ? s.turn(turn.turn, state.turns) : s.turnApart(turn.turn, state.turns, turn.parentTurn)),
    item('delivered', 'ok', s.delivered(delivered), s.deliveredShort(delivered), null),
    item('stolen', tally.stolen > 0 ? 'danger' : 'plain', s.tally(wiringWords(t, wiring), tally.stolen, tally.read), s.tallyShort(tally.stolen, tally.read)),
    ...(outOfTurn > 0 ? [item('outOfTurn', 'warn', s.outOfTurn(outOfTurn), s.outOfTurnShort(outOfTurn), null)] : []),
    // Lines no process of ours wrote (forged with our tag, or untagged): only another process can put them there.
    ...(outside > 0 ? [item('outside', 'danger', s.fromOutside(outside), s.fromOutsideShort(outside), null)] : []),
    item('knobs', undefined, s.knobs(child, parent), s.knobsShort(child, parent), s.knobsTiny(child, parent), null),
  ];
  const names = typing ? TYPING_KEYS.filter((name) => name !== 'other' || canSwitch) : COMMAND_KEYS;
  const words: Record<string, string> = typing ? s.typingKeys : s.commandKeys;
  const keys: Item[] = names.map((name) => item(name, name === 'mode' ? 'warn' : 'key', words[name] ?? name, ...(stepping && name === 'keys' ? [t.step.escShort] : []), null));
  if (!stepping) return [fitItems(info, INFO_STEPS, width, SEPARATOR), fitItems(keys, KEY_STEPS, width, SEPARATOR)];
  // After Esc the line still says COMMAND KEY first.
  const lead = typing ? [] : keys.slice(0, 1);
  const rest = typing ? keys : keys.slice(1);
  return [fitItems(info, INFO_STEPS, width, SEPARATOR), fitItems([...lead, ...stepKeys(t, state, typing), ...rest], STEP_KEY_STEPS, width, SEPARATOR)];
}
