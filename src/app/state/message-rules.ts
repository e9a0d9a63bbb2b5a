// The conversation's rules: each message written is recorded, and each message read gets its verdict (delivered, stolen when a process
// reads back its own message, out of turn, untagged) and is counted.
import type { Proc } from '../../ipc/events.js';
import type { Frame } from '../../ipc/framing.js';
import { withProc, type ConversationState, type MessageRecord, type SessionState, type Verdict } from './model.js';

/** A whole message `proc` wrote (framed in src/ipc): now in the pipe, unread. */
export function messageWritten(state: ConversationState, session: SessionState, proc: Proc, frame: Frame, at: number): ConversationState {
  const writer = frame.writer ?? proc;
  const id = `${session.id}:${writer}${frame.seq}`;
  const next = upsertMessage(state, id, (m) => ({ ...(m ?? blankMessage(id, session.id, writer, frame.seq, frame.text, frame.bytes)), writtenAt: at }));
  return { ...next, session: withProc(session, proc, (p) => ({ ...p, writes: p.writes + 1 })) };
}

function blankMessage(id: string, session: number, writer: Proc | null, seq: number, text: string, bytes: number): MessageRecord {
  return { id, session, writer, seq, text, bytes, writtenAt: null, reader: null, readAt: null, expected: null, verdict: null };
}

function upsertMessage(state: ConversationState, id: string, change: (m: MessageRecord | undefined) => MessageRecord): ConversationState {
  const index = state.messages.findIndex((m) => m.id === id);
  if (index === -1) return { ...state, messages: [...state.messages, change(undefined)] };
  const messages = state.messages.slice();
  messages[index] = change(messages[index]);
  return { ...state, messages };
}

export function messageRead(
  state: ConversationState,
  session: SessionState,
  reader: Proc,
  frame: { writer: Proc | null; seq: number; text: string; bytes: number },
  at: number,
): ConversationState {
  const readerState = session[reader];
  const expected = session.firstTurn + readerState.reads;
  const verdict: Verdict =
    frame.writer === null ? 'untagged' : frame.writer === reader ? 'stolen' : frame.seq === expected ? 'delivered' : 'out-of-turn';
  const id = frame.writer === null ? `${session.id}:?${session.untagged}` : `${session.id}:${frame.writer}${frame.seq}`;
  const next = upsertMessage(state, id, (m) => ({
    ...(m ?? blankMessage(id, session.id, frame.writer, frame.seq, frame.text, frame.bytes)),
    reader,
    readAt: at,
    expected,
    verdict,
  }));
  const counters = { ...state.counters };
  if (verdict === 'stolen') counters.stolen++;
  else if (verdict === 'delivered') counters.delivered++;
  else if (verdict === 'out-of-turn') {
    counters.delivered++;
    counters.outOfTurn++;
  }
  return {
    ...next,
    counters,
    session: {
      ...withProc(session, reader, (p) => ({ ...p, reads: p.reads + 1 })),
      untagged: session.untagged + (frame.writer === null ? 1 : 0),
    },
  };
}
