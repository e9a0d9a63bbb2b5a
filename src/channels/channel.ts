// A channel, whole: what every folder under src/channels/ declares, and what the rest of
// the program asks for by the channel's name instead of branching on it. The process half
// (ends) is loaded before the first fork; the words are in the catalogues (ui.channels);
// the view parts are pure functions from the conversation's state to exact-width lines.
import type { ProcFdsSnapshot } from '../app/hooks/use-proc-fds.js';
import type { OutsideHolder } from '../app/state/outside-takers.js';
import type { ConversationState } from '../app/state/model.js';
import type { PipeView } from '../app/state/pipes.js';
import type { Line } from '../app/text/styled-lines.js';
import type { Ui } from '../app/views/phrases.js';
import type { Spot } from '../app/views/source-program.js';
import type { ChannelEnds } from './channel-ends.js';
import type { ChannelWords, Lang } from './channel-words.js';
import type { Wiring } from './names.js';

/** The textbook's C program for the channel: its file, its declaration, the calls that make it. */
export interface ChannelSource {
  file: string;
  decl: string;
  make: readonly string[];
}

/** A point where step mode may stop a process: before the call on that line of the source. */
export interface StepPoint {
  proc: 'parent' | 'child';
  spot: Spot;
}

export interface Channel {
  name: Wiring;
  ends: ChannelEnds;
  words: Record<Lang, ChannelWords>;
  /** The middle column: the kernel object(s) between the panes, drawn from what the kernel says. */
  drawing(t: Ui, state: ConversationState, width: number, height: number, views: PipeView[]): Line[];
  /** The fd panel: each process's fds on the channel, as /proc shows them. */
  kernelView(t: Ui, state: ConversationState, snapshot: ProcFdsSnapshot, width: number, height: number, scroll: number): Line[];
  /** Lines the channel adds under its drawing, source or fds (the named pipe: its path and the outside processes); none for most. */
  notes(t: Ui, state: ConversationState, holders: OutsideHolder[], width: number): Line[];
  source: ChannelSource;
  stepPoints: readonly StepPoint[];
}

/** The step points every channel of the exercise has: each process at its keyboard, its write, its read; the child's sleep when its delay is set. */
export const EXERCISE_STEP_POINTS: readonly StepPoint[] = [
  { proc: 'child', spot: 'fgets' },
  { proc: 'child', spot: 'write' },
  { proc: 'child', spot: 'sleep' },
  { proc: 'child', spot: 'read' },
  { proc: 'parent', spot: 'read' },
  { proc: 'parent', spot: 'fgets' },
  { proc: 'parent', spot: 'write' },
];
