// The counts a summary and the status bar show: messages read, delivered, stolen, out of
// turn and garbled, for this conversation or for every conversation on one wiring (the
// conversations the bounded history no longer keeps are counted in state.dropped).
import type { Wiring } from '../../ipc/events.js';
import type { ConversationState, MessageRecord } from './model.js';

export interface Counts {
  /** Messages read in all. */
  read: number;
  delivered: number;
  stolen: number;
  outOfTurn: number;
  /** Lines read that no process of ours wrote (forged or untagged). */
  outside: number;
  /** Messages that arrived with bits lost (signals). */
  garbled: number;
}

export const NO_COUNTS: Counts = { read: 0, delivered: 0, stolen: 0, outOfTurn: 0, outside: 0, garbled: 0 };

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    read: a.read + b.read,
    delivered: a.delivered + b.delivered,
    stolen: a.stolen + b.stolen,
    outOfTurn: a.outOfTurn + b.outOfTurn,
    outside: a.outside + b.outside,
    garbled: a.garbled + b.garbled,
  };
}

export function countOf(messages: MessageRecord[]): Counts {
  // A line read before its writer's report is counted once it is attributed.
  const read = messages.filter((m) => m.reader !== null && m.attribution !== 'pending');
  return {
    read: read.length,
    delivered: read.filter((m) => m.verdict === 'delivered' || m.verdict === 'out-of-turn').length,
    stolen: read.filter((m) => m.verdict === 'stolen').length,
    outOfTurn: read.filter((m) => m.verdict === 'out-of-turn').length,
    outside: read.filter((m) => m.attribution === 'outside').length,
    garbled: read.filter((m) => m.verdict === 'garbled').length,
  };
}

/** This conversation's own figures, for its summary. */
export function conversationCounts(state: ConversationState): Counts {
  const id = state.session?.id;
  return countOf(state.messages.filter((m) => m.session === id));
}

/** The running tally of one wiring, over every conversation that used it ("one pipe: stolen 4 of 9"), those no longer kept included. */
export function wiringTally(state: ConversationState, wiring: Wiring): Counts {
  const sessions = new Set(state.dividers.filter((d) => d.wiring === wiring).map((d) => d.session));
  return addCounts(state.dropped.tally[wiring], countOf(state.messages.filter((m) => sessions.has(m.session))));
}
