// The conversation as the UI knows it, changed only by actions. The reducer never
// performs I/O and reads no clock, so the whole story (three clean turns, a stolen
// message, a deadlock) can be replayed and tested from a list of events. The session's
// lifecycle is kept here; the message rules and the trace have files of their own.
import { callText, type Proc, type ReadNote, type WiredLinkEvent } from '../../ipc/events.js';
import { disownUnwritten, messageRead, messageWritten } from './message-rules.js';
import { NO_COUNTS, newProc, withProc, type Action, type ConversationState, type Divider, type Note, type SessionState, type SpinState } from './model.js';
import { markTaken, withOutsideWriteEnds } from './outside-takers.js';
import { wiringTally } from './tallies.js';
import { traceCall } from './trace.js';
import { trimHistory } from './transcript.js';

function later(now: number, at: number): number {
  return Math.max(now, at);
}

export function reduce(state: ConversationState, action: Action): ConversationState {
  switch (action.type) {
    case 'session-starting': {
      const session: SessionState = {
        id: action.session,
        wiring: action.wiring,
        path: null,
        firstTurn: action.firstTurn,
        reason: action.reason,
        startedAt: action.at,
        status: 'opening',
        error: null,
        pipes: [],
        parent: newProc(action.parentPid, action.at),
        child: newProc(null, action.at),
        writes: [],
        reads: [],
        queued: {},
        outsideWriteEnds: [],
        parentAwaitsChildLine: false,
        untagged: 0,
      };
      const divider: Divider = {
        id: `d${action.session}`,
        session: action.session,
        at: action.at,
        reason: action.reason,
        wiring: action.wiring,
        firstTurn: action.firstTurn,
        childPid: null,
      };
      // Each new conversation lets go of the oldest ones, so a long lesson costs the same per key as a fresh one.
      return trimHistory({
        ...state,
        session,
        dividers: [...state.dividers, divider],
        tallyFrom: state.tallyFrom[action.wiring] ? state.tallyFrom : { ...state.tallyFrom, [action.wiring]: { wallMs: Math.floor(action.wallAt / 1000), base: NO_COUNTS } },
        now: later(state.now, action.at),
        origin: state.origin ?? action.at,
        wallOffsetUs: action.wallAt - action.at,
      });
    }
    case 'session-opened': {
      const session = current(state, action.session);
      if (!session) return state;
      return {
        ...state,
        session: {
          ...session,
          status: 'open',
          path: action.path,
          pipes: action.pipes,
          parent: { ...session.parent, fds: action.parentFds },
          child: { ...session.child, pid: action.childPid, fds: session.child.fds.length > 0 ? session.child.fds : action.childFds },
        },
        dividers: state.dividers.map((d) => (d.session === action.session ? { ...d, childPid: action.childPid } : d)),
        now: later(state.now, action.at),
      };
    }
    case 'session-failed': {
      const session = current(state, action.session);
      if (!session) return state;
      return { ...state, session: { ...session, status: 'failed', error: action.problem }, now: later(state.now, action.at) };
    }
    case 'keyboard-line': {
      const session = current(state, action.session);
      if (!session) return state;
      return {
        ...state,
        session: withProc(session, action.proc, (p) => ({ ...p, keyboardPending: true })),
        now: later(state.now, action.at),
      };
    }
    case 'parent-awaits-child-line': {
      const session = current(state, action.session);
      if (!session) return state;
      return { ...state, session: { ...session, parentAwaitsChildLine: action.waiting }, now: later(state.now, action.at) };
    }
    case 'proc-stopped': {
      const session = current(state, action.session);
      if (!session) return state;
      // A look at /proc made just before the process exited may arrive after its exit: an exited process is never stopped.
      return { ...state, session: withProc(session, action.proc, (p) => ({ ...p, stopped: action.stopped && !p.exit })), now: later(state.now, action.at) };
    }
    case 'knob-changed':
      return { ...state, knobs: { ...state.knobs, [action.knob]: action.ms } };
    case 'step-mode':
      return { ...state, step: { on: action.on, refused: action.refused } };
    case 'outside-holders': {
      if (!current(state, action.session)) return state;
      const seen = { ...state, now: later(state.now, action.at) };
      const next = markTaken(withOutsideWriteEnds(seen, action.holders), action.holders);
      // A look that changes nothing leaves the state as it was: no redraw every second.
      return next === seen ? state : next;
    }
    case 'tally-reset':
      return { ...state, tallyFrom: { ...state.tallyFrom, [action.wiring]: { wallMs: action.wallMs, base: wiringTally(state, action.wiring) } } };
    case 'tick':
      return action.at > state.now ? { ...state, now: action.at } : state;
    case 'spin-cpu': {
      const session = current(state, action.session);
      if (!session) return state;
      return { ...state, session: withProc(session, action.proc, (p) => (p.spin?.tid === action.tid ? { ...p, spin: { ...p.spin, cpuMs: action.cpuMs, cpuShare: action.share, inFutex: action.inFutex } } : p)) };
    }
    case 'link-event': {
      const session = current(state, action.session);
      if (!session) return state;
      return reduceEvent({ ...state, now: later(state.now, action.event.at) }, session, action.event);
    }
  }
}

function current(state: ConversationState, id: number): SessionState | null {
  return state.session && state.session.id === id ? state.session : null;
}

function reduceEvent(state: ConversationState, session: SessionState, event: WiredLinkEvent): ConversationState {
  switch (event.type) {
    case 'hello': {
      const childTid = event.tid !== undefined && event.tid !== event.pid ? event.tid : null;
      return {
        ...state,
        session: withProc(session, 'child', (p) => ({ ...p, pid: event.pid, tid: event.tid ?? null, threadFds: event.threadFds ?? [], fds: event.fds })),
        dividers: childTid === null ? state.dividers : state.dividers.map((d) => (d.session === session.id ? { ...d, childTid } : d)),
      };
    }
    case 'activity':
      return {
        ...state,
        session: withProc(session, event.proc, (p) => ({
          ...p,
          activity: event.activity,
          since: event.at,
          keyboardPending: p.keyboardPending && event.activity.doing === 'typing',
        })),
      };
    case 'syscall':
      return reduceSyscall(state, session, event);
    case 'message':
      return messageRead(state, session, event.proc, event.frame, event.at);
    case 'written':
      return messageWritten(state, session, event.proc, event.frame, event.at);
    case 'frame-error':
      return { ...state, notes: [...state.notes, note(state, session, event.proc, event.at, 'frame-error', event.error)] };
    case 'exit': {
      // An ended child writes nothing more: a line read under its tag that it never reported writing was forged.
      const next = disownUnwritten(state, session.id, 'child', null);
      return { ...next, session: withProc(session, 'child', (p) => ({ ...p, exit: { code: event.code, signal: event.signal }, stopped: false })) };
    }
    case 'queued':
      return { ...state, session: { ...session, queued: { ...session.queued, [event.inode]: event.bytes } } };
    case 'read-note': {
      const n = event.note;
      if (n.kind === 'bits') return { ...state, session: withProc(session, event.proc, (p) => ({ ...p, bits: { received: n.received, senders: n.senders, at: event.at } })) };
      return { ...state, session: withProc(session, event.proc, (p) => ({ ...p, spin: spinNoted(p.spin, n) })) };
    }
  }
}

function spinNoted(spin: SpinState | null, n: Exclude<ReadNote, { kind: 'bits' }>): SpinState {
  const was = spin ?? { tid: 0, waits: false, inFutex: null, idleCpuMs: null, parkedIn: null, lost: 0, torn: 0, cpuMs: null, cpuShare: null };
  switch (n.kind) {
    case 'spinning':
      return { ...was, tid: n.tid, waits: false, inFutex: null, idleCpuMs: null, cpuShare: null };
    case 'waiting':
      return { ...was, tid: n.tid, waits: true, inFutex: null, idleCpuMs: null, cpuShare: null };
    case 'idle':
      return { ...was, idleCpuMs: n.cpuMs, parkedIn: n.parkedIn, cpuMs: n.cpuMs };
    case 'missed':
      return { ...was, lost: was.lost + n.lost, torn: was.torn + n.torn };
  }
}

function note(state: ConversationState, session: SessionState, proc: Proc, at: number, kind: Note['kind'], detail: string): Note {
  return { id: `n${session.id}.${state.notes.length}`, session: session.id, at, proc, kind, detail };
}

function reduceSyscall(state: ConversationState, session: SessionState, event: Extract<WiredLinkEvent, { type: 'syscall' }>): ConversationState {
  const bytes = Buffer.from(event.data, 'base64');
  const next = traceCall(state, session, event, bytes);

  if (typeof event.result === 'string') {
    if (event.result === 'EAGAIN') return next;
    // A message the kernel refused whole (a queue's msgmax): said in the notes, and the process goes on.
    if (event.call === 'write' && event.result.startsWith('EINVAL')) {
      return { ...next, notes: [...next.notes, note(next, session, event.proc, event.at, 'errno', `${callText(event.call, event).split('(')[0] ?? event.call}: ${event.result}`)] };
    }
    return {
      ...next,
      session: withProc(session, event.proc, (p) => ({ ...p, error: event.result as string })),
      notes: [...next.notes, note(next, session, event.proc, event.at, 'errno', `${callText(event.call, event)} = ${event.result}`)],
    };
  }
  if (event.call === 'read') {
    if (event.result === 0) {
      return {
        ...next,
        session: withProc(session, event.proc, (p) => ({ ...p, eof: true })),
        notes: [...next.notes, note(next, session, event.proc, event.at, 'eof', `${callText('read', event)} = 0`)],
      };
    }
    return { ...next, session: { ...session, reads: [...session.reads, { at: event.at, proc: event.proc, fd: event.fd, count: event.result }] } };
  }
  // A write: its bytes are now in the pipe (for the byte count of each pipe); the messages
  // it completed come as 'written' events.
  return { ...next, session: { ...session, writes: [...session.writes, { at: event.at, proc: event.proc, fd: event.fd, bytes }] } };
}
