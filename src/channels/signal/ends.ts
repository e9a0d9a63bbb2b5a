// Signals (the chapter's kill and sigaction, here sigtimedwait): a signal carries its
// number and nothing else, so each bit of the framed line is one signal (bits.ts), sent
// with tgkill, and one SIGRTMIN ends the message. Each process waits for them on the
// thread that makes its calls (the child's main thread, the parent's call thread), which
// blocks SIGUSR1, SIGUSR2 and SIGRTMIN in its own mask and takes them with sigtimedwait:
// a Node handler (process.on('SIGUSR1')) runs only on the main thread's event loop, which
// neither thread returns to during a call. No other thread of ours blocks them, so a
// signal sent to the process rather than to that thread would be taken elsewhere (Node's
// debugger for SIGUSR1, death for SIGUSR2): every signal of ours goes to one thread.
// The child sends to the parent's call thread, whose TID it gets in its arguments (the
// thread is bound before the fork: childSignalsCallThread); the parent sends to the PID
// the kernel names as the sender (si_pid), the child's main thread, whose TID is its PID.
//
// With acknowledgements (`signal`) the receiver answers each bit with SIGRTMIN+1 and the
// sender waits for it before the next: every bit arrives. (Answered with SIGUSR1, the
// answer to a message's last signal merged with the first bit of the reply, a 0 in every
// frame, whenever that bit came first: `race --wiring signal` then hung with both
// processes in rt_sigtimedwait.) Without them (`signal-no-acks`)
// the sender sends them back to back: signals of one kind that arrive while one is pending
// merge into one, and pending SIGUSR1 is taken before SIGUSR2 whatever the order sent, so
// bits are lost and the text comes out garbled. The reader says how many bits it took.
// A thread waiting in sigtimedwait cannot be woken by anything of ours but a signal, so
// it waits LOOK_MS at a time and looks at its gate in between: every way out closes the
// parent's gate, and its wait returns ECANCELED; the child is killed.
import { isMainThread } from 'node:worker_threads';
import { loadLibc } from '../../kernel/libc.js';
import { SIGUSR1, SIGUSR2, type Signals, type TakenSignal } from '../../kernel/signals.js';
import { errnoCode, type Proc, type ReadNote } from '../../ipc/events.js';
import { NO_GATE, numberArg, type CallResult, type ChannelEnds, type Gate, type ProcessCalls } from '../channel-ends.js';
import type { Wiring } from '../names.js';
import { BitCollector, bitsOf } from './bits.js';

/** How long a thread waits in sigtimedwait before it looks at its gate again (how long the way out may wait for it). */
const LOOK_MS = 50;

export function waitSite(): string {
  return 'sigtimedwait(SIGUSR1, SIGUSR2, SIGRTMIN)';
}

export function sendSite(to: string, acks: boolean): string {
  return `tgkill(${to}, SIGUSR1|SIGUSR2)${acks ? ' + ack' : ''}`;
}

/** The thread a process sends to: a PID (its thread group) and one of its threads. */
interface Peer {
  pid: number;
  tid: number;
}

/** The message one process reads and writes as signals, on the thread that calls them. */
function signalCalls(proc: Proc, signals: Signals, parentTid: number | null, acks: boolean, gate: Gate): ProcessCalls {
  const message = [SIGUSR1, SIGUSR2, signals.rtmin];
  // The answer to a bit is a real-time signal of its own: it never merges with a bit of
  // the other's next message, and a sender waiting for it leaves such a bit pending.
  const ack = [signals.rtmin + 1];
  // The parent's UI thread only names the calls; the thread that makes them holds the
  // signals pending, where sigtimedwait takes them. A call thread kept from an earlier
  // link may still hold some of its signals: they are taken now, and dropped.
  if (proc === 'child' || !isMainThread) {
    signals.block([...message, ...ack]);
    while (signals.take([...message, ...ack], 0)) continue;
  }
  let peer: Peer | null = proc === 'child' && parentTid !== null ? { pid: process.ppid, tid: parentTid } : null;

  /** The next signal of `set`, or 'stopped' once the gate is closed. */
  const take = (set: readonly number[]): TakenSignal | 'stopped' => {
    for (;;) {
      const signal = signals.take(set, LOOK_MS);
      if (signal) {
        // The parent answers whoever the kernel says sent it: the child's main thread (TID = PID).
        if (proc === 'parent') peer = { pid: signal.pid, tid: signal.pid };
        return signal;
      }
      if (gate.closed()) return 'stopped';
    }
  };
  /** One tgkill to the peer's thread; null, or the errno code. */
  const send = (signo: number): string | null => {
    if (!peer) return 'ESRCH';
    try {
      signals.send(peer.pid, peer.tid, signo);
      return null;
    } catch (error) {
      return errnoCode(error);
    }
  };
  /** One signal of the message, and with acknowledgements the answer to it. */
  const sendBit = (signo: number): string | null => {
    const error = send(signo);
    if (error !== null || !acks) return error;
    return take(ack) === 'stopped' ? 'ECANCELED' : null;
  };

  return {
    read: { fd: -1, on: waitSite() },
    write: { fd: -1, on: sendSite(proc === 'child' ? `TID ${parentTid ?? '?'}` : 'child', acks) },
    readInKernel: { call: 'rt_sigtimedwait', arg: null },
    readInto: (buffer, note?: (note: ReadNote) => void): CallResult => {
      const bits = new BitCollector();
      const senders = new Set<number>();
      for (;;) {
        const signal = take(message);
        if (signal === 'stopped') return 'ECANCELED';
        senders.add(signal.pid);
        if (signal.signo !== signals.rtmin) bits.push(signal.signo === SIGUSR2 ? 1 : 0);
        const error = acks ? send(signals.rtmin + 1) : null;
        if (error !== null) return error;
        if (signal.signo === signals.rtmin) break;
      }
      note?.({ kind: 'bits', received: bits.count, senders: [...senders] });
      return bits.frameInto(buffer);
    },
    writeFrom: (buffer, offset): CallResult => {
      const bytes = buffer.subarray(offset);
      for (const bit of bitsOf(bytes)) {
        const error = sendBit(bit === 1 ? SIGUSR2 : SIGUSR1);
        if (error !== null) return error;
      }
      return sendBit(signals.rtmin) ?? bytes.length;
    },
  };
}

async function linuxSignals(): Promise<Signals> {
  const { signals } = await loadLibc();
  if (!signals) throw new Error(`the signal channel needs Linux (sigtimedwait and tgkill); this is ${process.platform}`);
  return signals;
}

export function signalEnds(acks: boolean, toggleTo: Wiring): ChannelEnds {
  return {
    async make() {
      await linuxSignals();
      return { pipes: [], parentRead: -1, parentWrite: -1, childStdio: ['ignore', 'ignore'], childArgs: [], remove: null, shutdown: null, wakeFd: null, named: null };
    },
    group: 'signals',
    childArgs: [],
    processCalls: async (proc, argv, gate = NO_GATE) => signalCalls(proc, await linuxSignals(), proc === 'child' ? numberArg(argv, '--parent-tid') : null, acks, gate),
    endsBlockedRead: 'a stop flag it checks',
    shared: false,
    hazards: { stolen: false, lost: false, torn: false, garbled: !acks },
    pipes: 0,
    pipesOption: null,
    toggleTo,
    raceOn: 'one-pipe',
    openToOthers: false,
    childSignalsCallThread: true,
    raceCountsBits: true,
  };
}

export const signalChannelEnds = signalEnds(true, 'signal-no-acks');
