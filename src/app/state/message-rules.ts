// The conversation's rules: each message written is recorded, and each message read gets
// its verdict (delivered, stolen when a process reads back its own message, out of turn,
// untagged, forged, garbled when signals lost some of its bits) and is counted.
//
// Who wrote a message is never taken from the tag it carries: any process that can open
// a named pipe can write `C1:...` into it. The kernel does not record writers, but our
// processes report every write they make, so a line read is ours only when our writer
// reported writing exactly that line with that tag. A line read before that report has
// arrived (the two processes report on different paths) is 'pending' until it does; it
// becomes 'outside' (forged) when our writer's reports show it never wrote it: it wrote
// other bytes under that tag, or has already reported a later message, or has ended.
import type { Proc } from '../../ipc/events.js';
import type { Frame } from '../../ipc/framing.js';
import { withProc, type ConversationState, type MessageRecord, type SessionState, type SignalTake, type Verdict } from './model.js';

type ReadFrame = { writer: Proc | null; seq: number; text: string; bytes: number };

function blankMessage(id: string, session: number, writer: Proc | null, seq: number, text: string, bytes: number, attribution: MessageRecord['attribution']): MessageRecord {
  return { id, session, writer, seq, text, bytes, writtenAt: null, reader: null, readAt: null, expected: null, verdict: null, attribution };
}

function ourId(session: number, writer: Proc, seq: number): string {
  return `${session}:${writer}${seq}`;
}

function replaceMessage(state: ConversationState, id: string, change: (m: MessageRecord) => MessageRecord): ConversationState {
  return { ...state, messages: state.messages.map((m) => (m.id === id ? change(m) : m)) };
}

/** The counter a verdict adds to, once the message's writer is known. */
function counted(counters: ConversationState['counters'], verdict: Verdict | null, by = 1): ConversationState['counters'] {
  const next = { ...counters };
  if (verdict === 'stolen') next.stolen += by;
  else if (verdict === 'delivered') next.delivered += by;
  else if (verdict === 'out-of-turn') {
    next.delivered += by;
    next.outOfTurn += by;
  } else if (verdict === 'forged' || verdict === 'untagged') next.outside += by;
  return next;
}

/**
 * A message read as signals, judged against what its writer wrote: whole (every bit of it
 * arrived: delivered), or garbled, with what was read (a bit lost in the last byte, the
 * newline the reader puts back, garbles nothing that shows, and is still counted).
 */
function judgeSignals(m: MessageRecord, take: SignalTake): MessageRecord {
  const whole = take.tagged && take.text === m.text && take.bytes === m.bytes && take.bits === m.bytes * 8;
  return { ...m, verdict: whole ? 'delivered' : 'garbled', received: whole ? undefined : take };
}

/** The process every signal of the reader's last read came from, as the kernel named it (si_pid), when that is the other process; null elsewhere. */
function signalSender(session: SessionState, reader: Proc): Proc | null {
  const bits = session[reader].bits;
  const other: Proc = reader === 'parent' ? 'child' : 'parent';
  const pid = session[other].pid;
  return bits && pid !== null && bits.senders.length > 0 && bits.senders.every((sender) => sender === pid) ? other : null;
}

/**
 * A message read as signals: the kernel named its sender in every signal's siginfo, so it
 * is that process's message of the reader's turn, even when lost bits garbled its tag. It
 * is judged once what was written is known: whole, or garbled.
 */
function signalRead(state: ConversationState, session: SessionState, reader: Proc, writer: Proc, frame: ReadFrame, at: number): ConversationState {
  const expected = session.firstTurn + session[reader].reads;
  const take: SignalTake = { text: frame.text, bytes: frame.bytes, bits: session[reader].bits?.received ?? 0, tagged: frame.writer === writer && frame.seq === expected };
  const id = ourId(session.id, writer, expected);
  const read = { reader, readAt: at, expected };
  const written = state.messages.find((m) => m.id === id && m.attribution === 'ours' && m.reader === null);
  let next: ConversationState;
  if (written) {
    next = replaceMessage(state, id, (m) => judgeSignals({ ...m, ...read }, take));
    next = { ...next, counters: counted(next.counters, next.messages.find((m) => m.id === id)?.verdict ?? null) };
  } else {
    // Its writer's report has not arrived: judged and counted once it does.
    next = { ...state, messages: [...state.messages, { ...blankMessage(id, session.id, writer, expected, frame.text, frame.bytes, 'pending'), ...read, received: take }] };
  }
  return { ...next, session: withProc(session, reader, (p) => ({ ...p, reads: p.reads + 1 })) };
}

/** The verdict a read gets if the tag it carries is true. */
function verdictOf(frame: ReadFrame, reader: Proc, expected: number): Verdict {
  if (frame.writer === null) return 'untagged';
  if (frame.writer === reader) return 'stolen';
  return frame.seq === expected ? 'delivered' : 'out-of-turn';
}

/** A pending read that its writer's reports prove it never wrote: forged, and counted as a line from outside. */
function disown(state: ConversationState, m: MessageRecord): ConversationState {
  const next = replaceMessage(state, m.id, (old) => ({ ...old, attribution: 'outside', verdict: 'forged' }));
  return { ...next, counters: counted(next.counters, 'forged') };
}

/** Pending reads of `writer`'s tags that its reports now prove it never wrote: up to `seq` (its reports come in order), or all when `seq` is null (it has ended). */
export function disownUnwritten(state: ConversationState, session: number, writer: Proc, seq: number | null): ConversationState {
  const unwritten = state.messages.filter((m) => m.session === session && m.attribution === 'pending' && m.writer === writer && (seq === null || m.seq <= seq));
  return unwritten.reduce(disown, state);
}

/** A whole message `proc` wrote (framed in src/ipc): the line a pending read already took, or ours, now in the channel unread. */
export function messageWritten(state: ConversationState, session: SessionState, proc: Proc, frame: Frame, at: number): ConversationState {
  // A read of signals waits for its writer's turn alone (the kernel named the sender); any other, for these very bytes.
  const pending = state.messages.find((m) => m.session === session.id && m.attribution === 'pending' && m.writer === proc && m.seq === frame.seq && (m.received !== undefined || (m.text === frame.text && m.bytes === frame.bytes)));
  let next: ConversationState;
  if (pending?.received) {
    const take = pending.received;
    next = replaceMessage(state, pending.id, (m) => judgeSignals({ ...m, text: frame.text, bytes: frame.bytes, writtenAt: at, attribution: 'ours' }, take));
    next = { ...next, counters: counted(next.counters, next.messages.find((m) => m.id === pending.id)?.verdict ?? null) };
  } else if (pending) {
    // The read came first: now it is known to be ours, and judged and counted.
    const verdict = pending.reader ? verdictOf(pending, pending.reader, pending.expected ?? 0) : null;
    next = replaceMessage(state, pending.id, (m) => ({ ...m, writtenAt: at, attribution: 'ours', verdict }));
    next = { ...next, counters: counted(next.counters, verdict) };
  } else {
    const id = ourId(session.id, proc, frame.seq);
    next = { ...state, messages: [...state.messages, { ...blankMessage(id, session.id, proc, frame.seq, frame.text, frame.bytes, 'ours'), writtenAt: at }] };
  }
  next = disownUnwritten(next, session.id, proc, frame.seq);
  return { ...next, session: withProc(session, proc, (p) => ({ ...p, writes: p.writes + 1 })) };
}

export function messageRead(state: ConversationState, session: SessionState, reader: Proc, frame: ReadFrame, at: number): ConversationState {
  const sender = signalSender(session, reader);
  if (sender) return signalRead(state, session, reader, sender, frame, at);
  const readerState = session[reader];
  const expected = session.firstTurn + readerState.reads;
  const verdict = verdictOf(frame, reader, expected);
  const read = { reader, readAt: at, expected };
  // A line not (yet) known to be ours is kept under the reader's read count: unique in its session.
  const readId = `${session.id}:${reader}@${readerState.reads}`;
  let next: ConversationState;
  if (frame.writer === null) {
    // Our processes tag every line: an untagged one came from another process.
    const id = `${session.id}:?${session.untagged}`;
    next = { ...state, messages: [...state.messages, { ...blankMessage(id, session.id, null, frame.seq, frame.text, frame.bytes, 'outside'), ...read, verdict }] };
    next = { ...next, counters: counted(next.counters, verdict) };
  } else {
    const id = ourId(session.id, frame.writer, frame.seq);
    const written = state.messages.find((m) => m.id === id && m.attribution === 'ours');
    if (written && written.reader === null && written.text === frame.text && written.bytes === frame.bytes) {
      next = replaceMessage(state, id, (m) => ({ ...m, ...read, verdict }));
      next = { ...next, counters: counted(next.counters, verdict) };
    } else if (written || laterWritten(state, session.id, frame.writer, frame.seq)) {
      // Our writer wrote other bytes under this tag, or already a later line: this one is not its.
      const forged = { ...blankMessage(readId, session.id, frame.writer, frame.seq, frame.text, frame.bytes, 'outside'), ...read, verdict: 'forged' as const };
      next = { ...state, messages: [...state.messages, forged], counters: counted(state.counters, 'forged') };
    } else {
      // Our writer's report has not arrived: judged and counted once it does, or disowned.
      next = { ...state, messages: [...state.messages, { ...blankMessage(readId, session.id, frame.writer, frame.seq, frame.text, frame.bytes, 'pending'), ...read }] };
    }
  }
  return {
    ...next,
    session: {
      ...withProc(session, reader, (p) => ({ ...p, reads: p.reads + 1 })),
      untagged: session.untagged + (frame.writer === null ? 1 : 0),
    },
  };
}

function laterWritten(state: ConversationState, session: number, writer: Proc, seq: number): boolean {
  return state.messages.some((m) => m.session === session && m.attribution === 'ours' && m.writer === writer && m.seq > seq);
}
