// The counts a summary and the status bar show: messages read, delivered, stolen, out of
// turn and garbled, for this conversation or for every conversation on one wiring (the
// conversations the bounded history no longer keeps are counted in state.dropped).
import type { Wiring } from '../../ipc/events.js';
import { NO_COUNTS, type ConversationState, type Counts, type MessageRecord } from './model.js';

const FIELDS = ['read', 'delivered', 'stolen', 'outOfTurn', 'outside', 'garbled'] as const;

function combine(a: Counts, b: Counts, sign: 1 | -1): Counts {
  const sum = { ...a };
  for (const f of FIELDS) sum[f] = a[f] + sign * b[f];
  return sum;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return combine(a, b, 1);
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

/** The tally the status line shows: the wiring's since its first conversation or since the key that reset it, and that time (wall-clock ms; null before any conversation on it). */
export function shownTally(state: ConversationState, wiring: Wiring): { counts: Counts; sinceMs: number | null } {
  const from = state.tallyFrom[wiring];
  return { counts: combine(wiringTally(state, wiring), from?.base ?? NO_COUNTS, -1), sinceMs: from?.wallMs ?? null };
}
