// Where each process is in the textbook's program, from the same real events that drive
// the rest of the screen: the child blocked in read(2) sits on its read(...) line, a
// process at its keyboard on its fgets line, on every channel; a reader without waiting
// sits on its loop, spinning (or stopped at its gate after the spin limit), not blocked.
// Pure, so every state of every wiring is tested without rendering.
import type { CallSite, Proc } from '../../ipc/events.js';
import type { SourceLine } from '../views/source-program.js';
import type { Spot } from '../../channels/step-points.js';
import type { ProcState, SessionState } from './model.js';
import { procTurn } from './turns.js';

/** The turns of every program's loop (source-program.ts: for (i = 0; i < 3; i++)). */
const LOOP_TURNS = 3;

/** What the mark beside a line says the process is doing. */
export type MarkState =
  | { kind: 'starting' | 'typing' | 'awaits' | 'done' | 'exited' }
  | ({ kind: 'writing' | 'reading' | 'spinning' } & CallSite)
  /** A reader in Atomics.wait (threads): in futex once /proc has shown its thread there. */
  | ({ kind: 'waiting'; inFutex: boolean } & CallSite)
  /** A reader without waiting that stopped for want of messages: parked at its gate, in that call. */
  | { kind: 'spin-stopped'; parkedIn: string }
  /** Step mode: waiting at its gate before the call on this line. */
  | ({ kind: 'held'; call: 'read' | 'write' } & CallSite)
  | { kind: 'sleeping'; ms: number };

export interface SourceMark {
  proc: Proc;
  pid: number | null;
  /** The index of the marked line in the program. */
  line: number;
  state: MarkState;
  /** The kernel has the process stopped (state T) where it is. */
  stopped: boolean;
}

function spotAndState(proc: Proc, p: ProcState, awaitsChildLine: boolean): { spot: Spot; state: MarkState } {
  const a = p.activity;
  if (p.exit) return { spot: 'end', state: { kind: 'exited' } };
  if (p.eof || p.error || a?.doing === 'done') return { spot: 'end', state: { kind: 'done' } };
  if (proc === 'parent' && awaitsChildLine) return { spot: 'read', state: { kind: 'awaits' } };
  if (!a) return { spot: 'fork', state: { kind: 'starting' } };
  switch (a.doing) {
    case 'typing':
      return { spot: 'fgets', state: { kind: 'typing' } };
    case 'writing':
      return { spot: 'write', state: { kind: 'writing', fd: a.fd, ...(a.on === undefined ? {} : { on: a.on }) } };
    case 'sleeping':
      return { spot: 'sleep', state: { kind: 'sleeping', ms: a.ms } };
    case 'reading': {
      const site = { fd: a.fd, ...(a.on === undefined ? {} : { on: a.on }) };
      const spin = p.spin;
      if (!spin) return { spot: 'read', state: { kind: 'reading', ...site } };
      // A reader that spins is in no call the kernel makes it wait in: its loop runs.
      if (spin.idleCpuMs !== null) return { spot: 'read', state: { kind: 'spin-stopped', parkedIn: spin.parkedIn ?? '?' } };
      return { spot: 'read', state: spin.waits ? { kind: 'waiting', inFutex: spin.inFutex === true, ...site } : { kind: 'spinning', ...site } };
    }
    case 'held':
      return { spot: a.call, state: { kind: 'held', call: a.call, fd: a.fd, ...(a.on === undefined ? {} : { on: a.on }) } };
  }
}

/** The line of `spot` in `proc`'s part of the program (shared lines for fork and end); a sleep with no sleep line sits before the read, or after the write where the process never reads (pipe1's child). */
function lineOf(program: SourceLine[], proc: Proc, spot: Spot, pastLoop: boolean): number {
  const at = (s: Spot) => (l: SourceLine) => l.spot === s && (l.proc === undefined || l.proc === proc);
  // Past the loop's three turns, a process that reads again is on its read after the loop (pipe1's parent: the read that gives end of file).
  const find = (s: Spot) => {
    const first = program.findIndex(at(s));
    if (!pastLoop || s !== 'read' || first < 0) return first;
    return program.reduce((last, l, i) => (at(s)(l) ? i : last), first);
  };
  const fallbacks: Spot[] = spot === 'sleep' ? ['read', 'write', 'fork'] : ['fork'];
  return [spot, ...fallbacks].map(find).find((at) => at >= 0) ?? -1;
}

export function sourceMarks(program: SourceLine[], session: SessionState): SourceMark[] {
  return (['parent', 'child'] as const).map((proc) => {
    const p = session[proc];
    const { spot, state } = spotAndState(proc, p, session.parentAwaitsChildLine);
    return { proc, pid: p.pid, line: lineOf(program, proc, spot, procTurn(session, proc) > LOOP_TURNS), state, stopped: p.stopped };
  });
}
