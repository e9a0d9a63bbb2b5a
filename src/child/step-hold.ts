// The child's step gate: in step mode it waits there before each call it makes on the
// channel, until the user lets that one call go (ipc/step-gate.ts). Its words are in the
// report ring's header, the one memory it shares with the parent, and it waits with
// futex(2) on its own address of them: /proc/PID/task/PID/syscall then shows syscall 202,
// not a read or write on the channel. It says where it is held, and that it goes on,
// through its reports, rung at once: the parent's screen and its key follow them.
import type { CallSite } from '../ipc/events.js';
import { STEP_GATE_BYTE } from '../ipc/report-ring.js';
import { holdHere, holdsBefore, sharedStepWords, type StepWords } from '../ipc/step-gate.js';
import type { Libc } from '../kernel/libc.js';
import type { Mapping } from '../kernel/mapped-memory.js';
import { ownTid } from '../kernel/thread-cpu.js';
import { activity, flush, report } from './reports.js';

let gate: StepWords | null = null;

/** The gate in the ring the parent handed over; none without a ring or futex(2) (then the child is never held). */
export function openStepGate(libc: Libc, ring: Mapping | null): void {
  gate = ring ? sharedStepWords(libc.memory, ring, STEP_GATE_BYTE) : null;
}

/** In step mode, where its channel has a step point: says the child is held before `call` on `site`, waits until let go, then says it makes the call. Otherwise one memory load. */
export function holdBefore(call: 'read' | 'write', site: CallSite): void {
  if (!gate || !holdsBefore(gate, call)) return;
  holdHere(gate, () => {
    report(() => [activity({ doing: 'held', call, gate: 'futex', tid: ownTid() ?? process.pid, ...site })]);
    flush();
  });
  report(() => [activity(call === 'read' ? { doing: 'reading', ...site } : { doing: 'writing', ...site })]);
  flush();
}
