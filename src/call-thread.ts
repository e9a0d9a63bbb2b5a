// The parent's call thread: a thread of the parent's own process that makes the parent's
// blocking calls on a channel, one at a time, as the C parent's main thread does, so that
// the UI thread only draws. Each call is timed here, on the thread that makes it, and
// when the parent's program reads right after it writes (its loop: write, then read),
// the read starts here the moment the write returns, with no other call between them.
// The call paths are run first on /dev/null and /dev/zero, so that compiling them does
// not happen (and make calls of its own) between a write and its read.
// In step mode each call first waits at the thread's step gate (ipc/step-gate.ts), having
// told the UI thread where it is held, until the user lets it go.
// Started by ipc/call-thread.ts; the protocol is described there.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { ProcessCalls } from './channels/channel-ends.js';
import { CHAINED_BYTES, NOT_MADE, chainedSlot, type CallDone, type CallRequest } from './ipc/call-thread.js';
import { nowUs } from './ipc/events.js';
import { fdCalls } from './ipc/fd-calls.js';
import { GATE_BYTES, gateOn, stepWordsOf } from './ipc/gate.js';
import { holdHere, holdsBefore, type StepWords } from './ipc/step-gate.js';
import type { Gate } from './channels/channel-ends.js';
import { ownTid } from './kernel/thread-cpu.js';

interface Bound {
  calls: ProcessCalls;
  readBuffer: Buffer;
  slot: ReturnType<typeof chainedSlot>;
  post: (done: CallDone) => void;
  gate: Gate;
  step: StepWords;
  /** This thread, as /proc/PID/task/TID names it. */
  tid: number;
}

/** Step mode: the call waits at the step gate, the UI thread told so, until let go (true, said too) or the way out (false). */
function mayGo(to: Bound, call: 'read' | 'write'): boolean {
  if (!holdsBefore(to.step, call)) return true;
  if (!holdHere(to.step, () => to.post({ type: 'held', call, tid: to.tid }), to.gate.closed)) return false;
  to.post({ type: 'going', call });
  return true;
}

function read(to: Bound): void {
  if (!mayGo(to, 'read')) return to.post({ type: 'read', ...NOT_MADE });
  const start = nowUs();
  const result = to.calls.readInto(to.readBuffer, (note) => to.post({ type: 'note', note }));
  const end = nowUs();
  to.post({ type: 'read', result, start, end });
}

function write(to: Bound, bytes: Buffer, offset: number, thenRead: boolean, seq: number): void {
  if (!mayGo(to, 'write')) return to.post({ type: 'write', ...NOT_MADE });
  const start = nowUs();
  const result = to.calls.writeFrom(bytes, offset);
  const end = nowUs();
  if (!thenRead || result !== bytes.length - offset) return to.post({ type: 'write', result, start, end });
  // Published without a system call (the sequence number last), and straight into the read.
  to.slot.values.set([result, start, end]);
  Atomics.store(to.slot.seq, 0, seq);
  read(to);
}

/**
 * Each call path run 1000 times on /dev/null and /dev/zero: with 200, V8 optimized the
 * path (with step mode's check in it) during the 20th turn, and woke its compiler thread
 * (a futex call, under strace) between a write and its read.
 */
function warmUp(): void {
  const zero = fs.openSync('/dev/zero', 'r');
  const sink = fs.openSync('/dev/null', 'w');
  const words = new Int32Array(new SharedArrayBuffer(GATE_BYTES));
  const warm: Bound = { calls: fdCalls(zero, sink), readBuffer: Buffer.alloc(64), slot: chainedSlot(new SharedArrayBuffer(CHAINED_BYTES)), post: () => {}, gate: gateOn(words), step: stepWordsOf(words), tid: 0 };
  const bytes = Buffer.from('warm-up\n');
  for (let seq = 1; seq <= 1000; seq++) write(warm, bytes, 0, true, seq);
  fs.closeSync(zero);
  fs.closeSync(sink);
}

let bound: Bound | null = null;
const post = (done: CallDone): void => parentPort?.postMessage(done);

async function bind(request: Extract<CallRequest, { type: 'bind' }>): Promise<void> {
  try {
    const make = request.wiring === null ? null : (await import('./channels/ends-registry.js')).channelEnds(request.wiring).processCalls;
    const words = new Int32Array(request.gate);
    const gate = gateOn(words);
    const calls = make ? await make('parent', request.argv, gate, request.memory ?? undefined) : fdCalls(request.readFd, request.writeFd);
    bound = { calls, readBuffer: Buffer.from(request.readBuffer), slot: chainedSlot(request.chained), post, gate, step: stepWordsOf(words), tid: ownTid() ?? process.pid };
    post({ type: 'bound', error: null, tid: ownTid() });
  } catch (error) {
    post({ type: 'bound', error: error instanceof Error ? error.message : String(error), tid: null });
  }
}

const unbound: CallDone = { type: 'read', result: 'EBADF', start: 0, end: 0 };

warmUp();
parentPort?.on('message', (request: CallRequest) => {
  if (request.type === 'bind') void bind(request);
  else if (request.type === 'unbind') bound = null;
  else if (!bound) post(request.type === 'read' ? unbound : { ...unbound, type: 'write' });
  else if (request.type === 'read') read(bound);
  else write(bound, Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength), request.offset, request.thenRead, request.seq);
});
