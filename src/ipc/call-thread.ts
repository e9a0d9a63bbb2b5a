// The parent's call thread, from the UI thread's side. The parent's blocking calls on a
// channel are made on a thread of its own (call-thread.ts, built beside the child's
// entry), one at a time, so that the UI thread only draws: while the parent waits, that
// thread sits in the call the screen names. Each call is timed on that thread, and a
// write asked with `thenRead` is followed there by the read at once, as the C parent's
// loop reads right after it writes: the UI thread, busy drawing, cannot delay it, and
// nothing comes between the two calls, not even a system call to tell the UI thread.
//
// Protocol: the UI thread binds the thread to a link's calls (`bind`: the parent's fds, or
// the channel's own calls from its arguments), then asks for one call at a time; each
// call's reply comes back as a message, in order. A chained write that wrote it all
// publishes its reply in shared memory instead (a sequence number stored last), which the
// UI thread polls for while that write is in flight, and the read's reply follows as a
// message. A read lands in a buffer both threads share (looked at only after its reply).
// A read that says what it does while it reads (a spinning reader) sends 'note' messages,
// which are no reply; a call that stopped on its own waits at the gate (ipc/gate.ts),
// opened by the UI thread, and closed for good on the way out. In step mode a call first
// waits at the step gate (ipc/step-gate.ts) and says so with a 'held' message (no reply
// either), until the UI thread lets it go.
// A thread costs tens of milliseconds to start: once its link is closed and its calls
// have returned, one thread waits, unreferenced, for the next link (a race or a sweep
// opens one after another); any other ends.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CallResult } from '../channels/channel-ends.js';
import type { ReadNote } from './events.js';
import type { Wiring } from '../channels/names.js';
import { MAX_MESSAGE_BYTES } from './framing.js';
import { closeGate, GATE_BYTES, openGate, stepWordsOf } from './gate.js';
import { letGo, setStepping, type StepWords } from './step-gate.js';

export type CallRequest =
  | { type: 'bind'; wiring: Wiring | null; argv: readonly string[]; readFd: number; writeFd: number; memory: SharedArrayBuffer | null; readBuffer: SharedArrayBuffer; chained: SharedArrayBuffer; gate: SharedArrayBuffer }
  | { type: 'unbind' }
  | { type: 'read' }
  | { type: 'write'; bytes: Uint8Array; offset: number; thenRead: boolean; seq: number };

export type CallDone =
  | { type: 'bound'; error: string | null; tid: number | null }
  | { type: 'read'; result: CallResult; start: number; end: number }
  | { type: 'write'; result: CallResult; start: number; end: number }
  | { type: 'note'; note: ReadNote }
  /** Step mode: the call asked for waits at the step gate on thread `tid`, not yet made; then it goes ('going'). */
  | { type: 'held'; call: 'read' | 'write'; tid: number }
  | { type: 'going'; call: 'read' | 'write' };

/** A call as the thread that made it saw it: its result, when it was entered and when it returned (µs, the process's monotonic clock). */
export interface TimedCall {
  result: CallResult;
  start: number;
  end: number;
}

/** A write, and the read that started the moment it returned (null when none did). */
export interface WriteThenRead {
  write: TimedCall;
  read: Promise<TimedCall> | null;
}

/** What the thread's calls are made on: the parent's fds, or the channel's own calls (processCalls) from these arguments. */
export interface CallBinding {
  wiring: Wiring | null;
  argv: readonly string[];
  readFd: number;
  writeFd: number;
  /** The channel's shared memory (the threads' variable), for its calls; null elsewhere. */
  memory: SharedArrayBuffer | null;
}

/** The call thread's entry, built beside the child's. */
export function callThreadScript(childScript: string): string {
  return path.join(path.dirname(childScript), 'call-thread.js');
}

/**
 * The thread runs two small functions: it needs little of V8's default reservations
 * (a thread with them adds about 780 MB of virtual memory to the parent; with these
 * about 330 MB), which matters under a limit such as `ulimit -v`.
 */
const CALL_THREAD_LIMITS = { codeRangeSizeMb: 8, maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 };

/** The thread kept for the next link, per entry script. */
const idle = new Map<string, Worker>();

/** Threads started and not yet running their own code: each settles on 'online', or on 'exit' when it never ran. */
const starting = new Set<Promise<void>>();

/** The thread that waits for a link, or a new one (started now, while the caller makes the channel). */
export function takeThread(script: string): Worker {
  const kept = idle.get(script);
  idle.delete(script);
  const worker = kept ?? startThread(script);
  worker.ref();
  return worker;
}

function startThread(script: string): Worker {
  const worker = new Worker(script, { resourceLimits: CALL_THREAD_LIMITS });
  const running = new Promise<void>((resolve) => {
    worker.once('online', resolve);
    // No 'error' listener here: a thread that fails to start is its link's to hear (dropThread).
    worker.once('exit', () => resolve());
  }).then(() => void starting.delete(running));
  starting.add(running);
  return worker;
}

/**
 * Resolves once every call thread started so far runs its own code (or ended without).
 * V8's flags are the whole process's: changed before a thread started, or while it
 * started, they made its start cost 80-150 ms of CPU instead of 30-60 (Node 20, the
 * chat's start): the full-screen UI changes them after this (cli.tsx).
 */
export async function threadsRunning(): Promise<void> {
  await Promise.all(starting);
}

/**
 * A thread no link will use (the link could not be made): ended. Its own failure to start
 * (EMFILE with too few fds, which Node 22 and 24 report as an 'error' event after the
 * link gave up) is no news then, and must not end the program as an unheard event.
 */
export function dropThread(worker: Worker): void {
  worker.on('error', () => {});
  void worker.terminate();
}

/** Kept for the next link if none is; otherwise ended (resolves once it has). */
async function giveBack(script: string, worker: Worker): Promise<void> {
  if (idle.has(script)) {
    await worker.terminate();
    return;
  }
  worker.unref();
  idle.set(script, worker);
}

const FAILED: TimedCall = { result: 'EIO', start: 0, end: 0 };

/** A call held by step mode when the way out began: it was never made (no read or write returns ECANCELED with no times). */
export const NOT_MADE: TimedCall = { result: 'ECANCELED', start: 0, end: 0 };
export function wasNotMade(call: TimedCall): boolean {
  return call.result === NOT_MADE.result && call.start === 0 && call.end === 0;
}

/** A chained write's reply in shared memory: a sequence number (Int32 at 0), then result, start and end (Float64 from byte 8). */
export const CHAINED_BYTES = 32;
export function chainedSlot(shared: SharedArrayBuffer): { seq: Int32Array; values: Float64Array } {
  return { seq: new Int32Array(shared, 0, 1), values: new Float64Array(shared, 8, 3) };
}

/** How often the UI thread looks for a chained write's reply: at once, then backing off to this. */
const POLL_MAX_MS = 16;

export class CallThread {
  /** Where every read lands; read it only after the read's reply. */
  readonly readBuffer: Buffer;
  /** The replies still to come, in the order the thread sends them. */
  private readonly replies: ((done: CallDone) => void)[] = [];
  private dead: string | null = null;
  private released = false;
  private readonly slot: ReturnType<typeof chainedSlot>;
  private seq = 0;
  /** A chained write in flight: its reply is polled for in the slot, unless a message brings it (it did not write it all). */
  private chained: { seq: number; resolve: (reply: WriteThenRead) => void; read: Promise<TimedCall> } | null = null;
  /** The gate (ipc/gate.ts) a call that stopped on its own waits at on the thread. */
  private readonly gate: Int32Array;
  /** Hears what a read says while it reads (a spinning reader's notes), which is no reply. */
  private noteListener: ((note: ReadNote) => void) | null = null;
  /** Step mode's gate, in the same buffer as the gate. */
  private readonly step: StepWords;
  /** Hears that a call waits at the step gate (a tid), or goes on from it (null), which is no reply. */
  private heldListener: ((call: 'read' | 'write', tid: number | null) => void) | null = null;
  /** The thread's TID, as it said once bound (Linux); null elsewhere. */
  tid: number | null = null;

  private constructor(
    private readonly script: string,
    private readonly worker: Worker,
    shared: SharedArrayBuffer,
    chained: SharedArrayBuffer,
    gate: SharedArrayBuffer,
  ) {
    this.readBuffer = Buffer.from(shared);
    this.slot = chainedSlot(chained);
    this.gate = new Int32Array(gate);
    this.step = stepWordsOf(this.gate);
    worker.on('message', this.onReply);
    worker.on('error', this.onDeath);
    worker.on('exit', this.onExit);
  }

  /** Binds `worker` (from takeThread) to a link's calls; rejects, giving the thread back, when they cannot be made there. */
  static async bind(script: string, worker: Worker, binding: CallBinding): Promise<CallThread> {
    const shared = new SharedArrayBuffer(MAX_MESSAGE_BYTES + 64);
    const chained = new SharedArrayBuffer(CHAINED_BYTES);
    const gate = new SharedArrayBuffer(GATE_BYTES);
    const thread = new CallThread(script, worker, shared, chained, gate);
    const bound = await new Promise<CallDone>((resolve) => {
      thread.replies.push(resolve);
      thread.post({ type: 'bind', ...binding, readBuffer: shared, chained, gate });
    });
    const error = bound.type === 'bound' ? bound.error : `the call thread answered ${bound.type}`;
    if (error !== null) {
      await thread.release();
      throw new Error(`the parent's call thread could not make its calls: ${error}`);
    }
    if (bound.type === 'bound') thread.tid = bound.tid;
    return thread;
  }

  /** One blocking read, on the thread. */
  read(): Promise<TimedCall> {
    return this.ask({ type: 'read' }).then((done) => (done.type === 'read' ? done : FAILED));
  }

  /** One blocking write of `bytes` from `offset`; with `thenRead`, a read follows it there at once when it wrote them all. */
  write(frame: Buffer, offset: number, thenRead: boolean): Promise<WriteThenRead> {
    const seq = ++this.seq;
    // A message carries the whole ArrayBuffer under a view: a short Buffer shares Node's
    // 8 KiB pool, which was copied to the thread with every frame. The frame's bytes get an
    // ArrayBuffer of their own, handed over (transferred) instead.
    const bytes = new Uint8Array(frame);
    if (!thenRead || this.dead !== null || this.released) {
      return this.ask({ type: 'write', bytes, offset, thenRead: false, seq }).then((done) => ({ write: done.type === 'write' ? done : FAILED, read: null }));
    }
    return new Promise((resolve) => {
      // Its next message is the read's reply, or the write's own when it did not write it all (then no read follows).
      let answered: (done: CallDone) => void = () => {};
      const read = new Promise<TimedCall>((then) => (answered = (done) => then(done.type === 'read' ? done : FAILED)));
      this.chained = { seq, resolve, read };
      this.replies.push((done) => {
        if (done.type === 'write' && this.chained?.seq === seq) {
          this.chained = null;
          resolve({ write: done, read: null });
          return;
        }
        this.takeChained();
        answered(done);
      });
      this.post({ type: 'write', bytes, offset, thenRead: true, seq });
      this.pollChained(0);
    });
  }

  /** What a read says while it reads (a spinning reader: spinning, stopped, messages missed) goes to `listener`. */
  onNote(listener: (note: ReadNote) => void): void {
    this.noteListener = listener;
  }

  /** A call held at the step gate on thread `tid`, and its going on from there (tid null), go to `listener`. */
  onHeld(listener: (call: 'read' | 'write', tid: number | null) => void): void {
    this.heldListener = listener;
  }

  /** Step mode: the calls that wait at the step gate before they are made (step-gate.ts holdsOf); 0: off, a held call goes at once. */
  setStepping(holds: number): void {
    setStepping(this.step, holds);
  }

  /** Lets the call held at the step gate go; false when none is held. */
  letGo(): boolean {
    return letGo(this.step);
  }

  /** A call waiting at the thread's gate goes on (a key in the UI); nothing when none waits there. */
  openGate(): void {
    openGate(this.gate);
  }

  /** On the way out: a call waiting at the gate, or looping without waiting in the kernel, returns. */
  closeGate(): void {
    closeGate(this.gate);
  }

  /** After the link's calls have all returned: the thread waits for the next link, or ends. A thread with a call still in it is left alone. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.worker.off('message', this.onReply);
    this.worker.off('error', this.onDeath);
    this.worker.off('exit', this.onExit);
    if (this.dead !== null) return;
    if (this.replies.length > 0) {
      this.worker.unref();
      return;
    }
    this.worker.postMessage({ type: 'unbind' } satisfies CallRequest);
    await giveBack(this.script, this.worker);
  }

  private ask(request: CallRequest): Promise<CallDone> {
    return new Promise((resolve) => {
      this.expect(resolve);
      this.post(request);
    });
  }

  /** A call asked of a dead thread, or once released (the thread may serve the next link by then), is answered at once with EIO. */
  private expect(reply: (done: CallDone) => void): void {
    if (this.dead !== null || this.released) reply({ type: 'read', ...FAILED });
    else this.replies.push(reply);
  }

  /** A write's bytes (their own ArrayBuffer) are handed over, not copied. */
  private post(request: CallRequest): void {
    if (this.dead === null && !this.released) this.worker.postMessage(request, request.type === 'write' ? [request.bytes.buffer as ArrayBuffer] : []);
  }

  /** The chained write's reply, if the thread has published it: handed on (true), or not yet there (false). */
  private takeChained(): boolean {
    const chained = this.chained;
    if (!chained) return true;
    if (Atomics.load(this.slot.seq, 0) !== chained.seq) return false;
    this.chained = null;
    const [result = 0, start = 0, end = 0] = this.slot.values;
    chained.resolve({ write: { result, start, end }, read: chained.read });
    return true;
  }

  private pollChained(waitedMs: number): void {
    if (this.takeChained() || this.dead !== null) return;
    const next = Math.min(POLL_MAX_MS, Math.max(1, waitedMs * 2));
    if (waitedMs === 0) setImmediate(() => this.pollChained(0.5));
    else setTimeout(() => this.pollChained(next), next);
  }

  private readonly onReply = (done: CallDone): void => {
    if (done.type === 'note') return this.noteListener?.(done.note);
    if (done.type === 'held') return this.heldListener?.(done.call, done.tid);
    if (done.type === 'going') return this.heldListener?.(done.call, null);
    this.replies.shift()?.(done);
  };

  /** A thread that died answers every call still owed with EIO. */
  private readonly onDeath = (error: unknown): void => {
    this.dead = error instanceof Error ? error.message : String(error);
    const chained = this.chained;
    this.chained = null;
    chained?.resolve({ write: FAILED, read: null });
    for (const reply of this.replies.splice(0)) reply({ type: 'read', ...FAILED });
  };

  private readonly onExit = (code: number): void => this.onDeath(new Error(`the call thread exited with code ${code}`));
}
