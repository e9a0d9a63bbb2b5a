// The conversation's rules: the bytes a process wrote are re-framed into the messages
// they carry, and each message read gets its verdict (delivered, stolen when a process
// reads back its own message, out of turn, untagged) and is counted.
import type { LinkEvent, Proc } from '../../ipc/events.js';
import { parseFrame } from '../../ipc/framing.js';
import { withProc, type ConversationState, type MessageRecord, type SessionState, type Verdict } from './model.js';

/** A write: the bytes are now in the pipe; whole frames among them are messages written. */
export function framesWritten(state: ConversationState, session: SessionState, event: Extract<LinkEvent, { type: 'syscall' }>, bytes: Buffer): ConversationState {
  let next = state;
  let written: SessionState = { ...session, writes: [...session.writes, { at: event.at, proc: event.proc, fd: event.fd, bytes }] };
  let pending = Buffer.concat([session.partialWrites[event.proc], bytes]);
  for (let nl = pending.indexOf(0x0a); nl !== -1; nl = pending.indexOf(0x0a)) {
    const frame = parseFrame(pending.subarray(0, nl + 1));
    pending = pending.subarray(nl + 1);
    const writer = frame.writer ?? event.proc;
    const id = `${session.id}:${writer}${frame.seq}`;
    next = upsertMessage(next, id, (m) => ({
      ...(m ?? blankMessage(id, session.id, writer, frame.seq, frame.text, frame.bytes)),
      writtenAt: event.at,
    }));
    written = withProc(written, event.proc, (p) => ({ ...p, writes: p.writes + 1 }));
  }
  written = { ...written, partialWrites: { ...written.partialWrites, [event.proc]: Buffer.from(pending) } };
  return { ...next, session: written };
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
