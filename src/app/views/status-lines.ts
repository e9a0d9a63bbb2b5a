// The status bar: the mode in words, the turn, the running tally of the current wiring
// since its first conversation or since Esc z zeroed it, saying since when (messages
// delivered, and how many of those read were stolen; out of turn and from outside when
// any), both knobs, and the keys that work right now: while typing, or for the one key
// after Esc (then the line says so first); Tab only when both processes wait.
// "auto-play" while it plays. An item that gives way is shortened or dropped, each
// figure always with its label. In step mode the key line starts with the keys that let
// each process's held call go, naming the call (F5 parent: read(fd 23)), and F4 to leave it.
// Always exactly two lines (three when the status is given two: the `big` layout, where
// it says everything in words; four in step mode there, for its keys), each fitted to the width by shortening or dropping the
// least important items (fit-items.ts): a wrapped status bar would push the screen.
import { channelEnds } from '../../channels/ends-registry.js';
import { callText, type Proc, type Wiring } from '../../ipc/events.js';
import type { ConversationState } from '../state/model.js';
import { shownTally } from '../state/tallies.js';
import { displayedTurn } from '../state/turns.js';
import { fitItems, fitItemsOnLines, type Item } from './fit-items.js';
import { seg, type Line } from '../../text/styled-lines.js';
import type { Tone } from '../../text/theme.js';
import { RELEASE_KEYS, formatDuration, timeOfDay, wiringWords, type Ui } from './phrases.js';

const SEPARATOR: Line = [seg(' · ', 'dim')];

function item(id: string, tone: Tone | undefined, ...forms: (string | null)[]): Item {
  return { id, forms: forms.map((f) => (f === null ? null : [seg(f, tone)])) };
}

/** What gives way first when the status bar is too wide; the mode and the turn never go. */
const INFO_STEPS = ['counts', 'knobs', 'counts', 'auto', 'knobs', 'outOfTurn', 'auto', 'knobs', 'counts', 'garbled', 'outside'];

const TYPING_KEYS = ['toggle', 'keys', 'other', 'scroll', 'help', 'quit'] as const;
const COMMAND_KEYS = ['mode', 'toggle', 'delays', 'trace', 'fds', 'restart', 'zero', 'help', 'quit', 'type'] as const;
/** Which keys go first when the key line is too wide (each is also in the help). */
const KEY_STEPS = ['zero', 'fds', 'trace', 'scroll', 'other', 'delays', 'type'];
/** In step mode the keys that let calls go stay, shortened; the others give way first. */
const STEP_KEY_STEPS = ['zero', 'fds', 'trace', 'scroll', 'other', 'delays', 'type', 'keys', 'toggle', 'parent', 'child', 'help', 'restart', 'keys'];

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

export function statusLines(t: Ui, state: ConversationState, wiring: Wiring, typing: boolean, width: number, autoPlaySpeed: number | null = null, canSwitch = false, infoLines = 1): Line[] {
  const s = t.status;
  const { childDelayMs, parentDelayMs } = state.knobs;
  const child = formatDuration(t, childDelayMs);
  const parent = formatDuration(t, parentDelayMs);
  const { counts, sinceMs } = shownTally(state, wiring);
  const { delivered, stolen, read, outOfTurn, outside } = counts;
  // Where no message can be read back by its writer, "stolen 0 of 9" would only be noise.
  const canSteal = channelEnds(wiring).hazards.stolen;
  const turn = displayedTurn(state);
  const stepping = state.step.on;
  const info: Item[] = [
    item('mode', canSteal ? 'danger' : 'ok', `[${wiringWords(t, wiring)}]`),
    ...(stepping ? [item('step', 'warn', `[${t.step.status}]`)] : []),
    ...(autoPlaySpeed !== null ? [item('auto', 'key', s.autoPlay(autoPlaySpeed), s.autoPlayShort(autoPlaySpeed), null)] : []),
    item('turn', 'title', turn.parentTurn === null ? s.turn(turn.turn, state.turns) : s.turnApart(turn.turn, state.turns, turn.parentTurn)),
    item(
      'counts',
      stolen > 0 ? 'danger' : 'plain',
      ...(sinceMs === null ? [] : [canSteal ? s.countsSince(timeOfDay(sinceMs), delivered, stolen, read) : s.deliveredSince(timeOfDay(sinceMs), delivered)]),
      canSteal ? s.counts(delivered, stolen, read) : s.delivered(delivered),
      ...(canSteal ? [s.countsShort(stolen, read)] : []),
      null,
    ),
    ...(outOfTurn > 0 ? [item('outOfTurn', 'warn', s.outOfTurn(outOfTurn), null)] : []),
    // Lines no process of ours wrote (forged with our tag, or untagged): only another process can put them there.
    ...(outside > 0 ? [item('outside', 'danger', s.fromOutside(outside), null)] : []),
    // Messages signals brought with bits lost.
    ...(counts.garbled > 0 ? [item('garbled', 'danger', s.garbled(counts.garbled, read), null)] : []),
    item('knobs', undefined, s.knobs(child, parent), s.knobsShort(child, parent), s.knobsTiny(child, parent), null),
  ];
  const names = typing ? TYPING_KEYS.filter((name) => name !== 'other' || canSwitch) : COMMAND_KEYS;
  const words: Record<string, string> = typing ? s.typingKeys : s.commandKeys;
  const keys: Item[] = names.map((name) => item(name, name === 'mode' ? 'warn' : 'key', words[name] ?? name, ...(stepping && name === 'keys' ? [t.step.escShort] : []), null));
  const status = fitItemsOnLines(info, INFO_STEPS, width, SEPARATOR, infoLines);
  if (!stepping) return [...status, fitItems(keys, KEY_STEPS, width, SEPARATOR)];
  // After Esc the line still says COMMAND KEY first.
  const lead = typing ? [] : keys.slice(0, 1);
  const rest = typing ? keys : keys.slice(1);
  // Given more lines, step mode's keys take as many as the status: each names its process and call in words.
  return [...status, ...fitItemsOnLines([...lead, ...stepKeys(t, state, typing), ...rest], STEP_KEY_STEPS, width, SEPARATOR, infoLines)];
}
