// `pipe-chat race`: the textbook's single turn, repeated many times over one link.
// Each trial: the parent is already blocked in read(2) (a thread of this process sits
// in it, as /proc shows, before the child's keyboard line goes out); the child writes
// "Who are you?", sleeps for the delay, then reads. On one shared pipe whoever reads
// first takes the bytes: the trial counts as stolen when the child reads back its own
// message, and as delivered when the parent gets it and answers. After a steal the
// kernel is asked whether the parent's read is still blocked on the empty pipe (that
// count is measured, not assumed), and the read is then ended with the parent's own
// wake-up bytes, so the next trial starts clean. Nothing is simulated: each outcome is
// what a real read(2) in a real process returned.
import { channelEnds } from '../channels/ends-registry.js';
import type { WiredLinkEvent, Wiring } from '../ipc/events.js';
import type { RaceCounts } from './report-schema.js';
import type { Frame } from '../ipc/framing.js';
import { canSeeKernelCalls, isInCall, type KernelCall } from '../kernel/kernel-calls.js';
import { PipeLink, type PendingRead } from '../ipc/link.js';
import { processCpuMs, threadCpuMs } from '../kernel/thread-cpu.js';

export const QUESTION = 'Who are you?';
export const ANSWER = 'Thank you';

export interface RaceSettings {
  wiring: Wiring;
  trials: number;
  /** The child's sleep between its write and its read. */
  delayMs: number;
  /** The parent's wait before it starts reading. */
  parentDelayMs?: number;
  childScript?: string;
  /** A trial that settles in no outcome within this time is an error. */
  trialTimeoutMs?: number;
  /** Called after each trial with how many are done (for a progress line). */
  onTrial?: (done: number) => void;
  /** Stops the race before its next trial (the chat's in-panel sweep: Esc cancels); race() then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The counts every race report has (stolen: the child read back its own message; delivered: the parent read it and answered), then the race's own. */
export interface RaceResult extends RaceCounts {
  /** Kernel pipes in the wiring: 2, 1, or 0 for a socket. */
  pipes: 0 | 1 | 2;
  delayMs: number;
  parentDelayMs: number;
  /**
   * Trials that ended with the parent's read(2) still blocked on an empty pipe: on Linux,
   * a thread of the parent seen in read() on its fd in /proc; elsewhere, a read that had
   * not returned. Each such read is then ended with the parent's own bytes.
   */
  parentBlocked: number;
  /** The call the parent reads with, as /proc names it (read, msgrcv, semtimedop); null for a reader that spins. */
  parentCall: KernelCall | null;
  /** Each process's CPU time over the race (user + system, /proc/PID/stat), where the reader spins. */
  cpuMs?: { parent: number; child: number };
  /** Trials where, with no parent delay, /proc showed the parent waiting in that call before the child's line went out. */
  waitingBeforeSend: number;
  /**
   * Trials in which the first message read was not the child's (bytes an outside process
   * wrote into a named pipe): counted neither stolen nor delivered.
   */
  disturbed: number;
  durationMs: number;
  trialsPerSecond: number;
  childPid: number;
  /** Signals: the bits of the trials' messages the child sent (its tgkill calls) and those the parent never took; messages that arrived garbled. */
  bitsSent?: number;
  bitsLost?: number;
  garbled?: number;
}

type Outcome = { stolen: boolean; delivered: boolean; parentBlocked: boolean; waitingBeforeSend: boolean; disturbed?: boolean };

function nextChildRead(link: PipeLink<WiredLinkEvent>): Promise<Frame> {
  return new Promise((resolve, reject) => {
    const stop = link.subscribe((event) => {
      if (event.type === 'message' && event.proc === 'child') {
        stop();
        resolve(event.frame);
      } else if (event.type === 'exit') {
        stop();
        reject(new Error(`the child exited during a trial (${event.signal ?? `code ${event.code}`}): ${link.childStderr.trim()}`));
      }
    });
  });
}

/** Polls until `ready` holds, yielding to the event loop between looks; false after `ms`. */
async function pollFor(ready: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return true;
}

/** The parent's read is blocked in the kernel: /proc shows the thread in read(fd) or msgrcv(queue) (Linux), or the read has not returned. */
function parentReadBlocked(link: PipeLink<WiredLinkEvent>): boolean {
  const inKernel = link.readInKernel;
  return link.readPending && (inKernel === null || !canSeeKernelCalls() || isInCall('self', inKernel.call, inKernel.arg));
}

async function trial(link: PipeLink<WiredLinkEvent>, parentDelayMs: number, timeoutMs: number): Promise<Outcome> {
  const childRead = nextChildRead(link);
  const parentRead: Promise<PendingRead> = (async () => {
    if (parentDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, parentDelayMs));
    return link.read();
  })();
  // Like the C program of the same shape: the parent's thread is already in read() when
  // the child's keyboard line goes out (a delayed parent reads later, by design).
  let waitingBeforeSend = false;
  if (parentDelayMs === 0) {
    await parentRead;
    waitingBeforeSend = await pollFor(() => parentReadBlocked(link), 1000);
  }
  link.typeForChild(QUESTION);

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`a trial settled in no outcome within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const first = await Promise.race([
      childRead.then((frame) => ({ reader: 'child' as const, frame })),
      parentRead.then((pending) => pending.frame).then((frame) => ({ reader: 'parent' as const, frame })),
      timeout,
    ]);
    if (first.reader === 'parent') {
      if (first.frame === null) throw new Error('the parent read no message of the child');
      if (first.frame.writer !== 'child') {
        // Someone else's bytes: the child's own message is then read back by the child.
        await Promise.race([childRead, timeout]);
        return { stolen: false, delivered: false, parentBlocked: false, waitingBeforeSend, disturbed: true };
      }
      await link.write(ANSWER);
      await Promise.race([childRead, timeout]);
      return { stolen: false, delivered: true, parentBlocked: parentReadBlocked(link), waitingBeforeSend };
    }
    // The child took the bytes. The parent's read was made (or is made after its delay) on
    // a pipe that nobody will write to: ask the kernel whether it is blocked there.
    const pending = await Promise.race([parentRead, timeout]);
    const parentBlocked = await pollFor(() => parentReadBlocked(link), 1000);
    pending.cancel();
    await Promise.race([link.wakeRead(), timeout]);
    return { stolen: first.frame.writer === 'child', delivered: false, parentBlocked, waitingBeforeSend, disturbed: first.frame.writer !== 'child' };
  } finally {
    clearTimeout(timer);
  }
}

/** The race's link: a child that plays turns for as long as it is given lines, with the race's delay. */
function openRaceLink(settings: RaceSettings, childArgs: string[] = []): Promise<PipeLink<WiredLinkEvent>> {
  return PipeLink.open({
    wiring: settings.wiring,
    turns: 0,
    childDelayMs: settings.delayMs,
    ...(childArgs.length > 0 ? { childArgs } : {}),
    ...(settings.childScript ? { childScript: settings.childScript } : {}),
  });
}

/** What every race reports last, the same way: how long it took since `started`, and the link's child. */
/** What a race measured: its counts, and, where it measured them, the rest (none measured: 0, null). */
type Measured = Pick<RaceResult, 'delivered' | 'parentCall'> &
  Partial<Pick<RaceResult, 'stolen' | 'lost' | 'torn' | 'parentDelayMs' | 'parentBlocked' | 'waitingBeforeSend' | 'disturbed' | 'cpuMs' | 'bitsSent' | 'bitsLost' | 'garbled'>>;

/** A race's result, in the one order of its fields (the JSON's and the CSV's), with its timing from `started`. */
function resultOf(settings: RaceSettings, link: PipeLink<WiredLinkEvent>, started: number, m: Measured): RaceResult {
  const durationMs = performance.now() - started;
  return {
    wiring: settings.wiring,
    trials: settings.trials,
    stolen: m.stolen ?? 0,
    delivered: m.delivered,
    lost: m.lost ?? 0,
    torn: m.torn ?? 0,
    pipes: channelEnds(settings.wiring).pipes,
    delayMs: settings.delayMs,
    parentDelayMs: m.parentDelayMs ?? 0,
    parentBlocked: m.parentBlocked ?? 0,
    parentCall: m.parentCall,
    waitingBeforeSend: m.waitingBeforeSend ?? 0,
    disturbed: m.disturbed ?? 0,
    ...(m.cpuMs ? { cpuMs: m.cpuMs } : {}),
    durationMs: Math.round(durationMs),
    trialsPerSecond: Math.round((settings.trials / durationMs) * 1000),
    childPid: link.childPid,
    ...(m.bitsSent === undefined ? {} : { bitsSent: m.bitsSent, bitsLost: m.bitsLost, garbled: m.garbled }),
  };
}

export async function race(settings: RaceSettings): Promise<RaceResult> {
  if (channelEnds(settings.wiring).raceStreams) return streamRace(settings);
  if (channelEnds(settings.wiring).raceCountsBits) return bitRace(settings);
  const link = await openRaceLink(settings);
  const parentDelayMs = settings.parentDelayMs ?? 0;
  let stolen = 0;
  let delivered = 0;
  let parentBlocked = 0;
  let waitingBeforeSend = 0;
  let disturbed = 0;
  // A message torn by another writer's bytes fails the reader's frame check.
  let torn = 0;
  const stopCounting = link.subscribe((event) => {
    if (event.type === 'frame-error') torn++;
  });
  const started = performance.now();
  try {
    for (let i = 0; i < settings.trials; i++) {
      settings.signal?.throwIfAborted();
      const outcome = await trial(link, parentDelayMs, settings.trialTimeoutMs ?? 10_000 + settings.delayMs + parentDelayMs);
      if (outcome.stolen) stolen++;
      if (outcome.delivered) delivered++;
      if (outcome.parentBlocked) parentBlocked++;
      if (outcome.waitingBeforeSend) waitingBeforeSend++;
      if (outcome.disturbed) disturbed++;
      settings.onTrial?.(i + 1);
    }
  } finally {
    stopCounting();
    await link.close();
  }
  return resultOf(settings, link, started, {
    stolen,
    delivered,
    // A trial another process's bytes disturbed is counted there, not as lost.
    lost: settings.trials - stolen - delivered - disturbed,
    torn,
    parentDelayMs,
    parentBlocked,
    parentCall: link.readInKernel?.call ?? null,
    waitingBeforeSend,
    disturbed,
  });
}

/**
 * Each side's CPU time from here on (the child's start-up is not the race's): each
 * process's, from /proc/PID/stat; where the child is a thread of this process (threads),
 * each thread's, from /proc/PID/task/TID/stat: the child's Worker, and the parent's
 * reader from its first read (the process's own total would count both, and the UI).
 */
function raceCpu(link: PipeLink): { childDone(): void; spent(): { parent: number; child: number } } {
  const pid = process.pid;
  const tid = link.childPid === pid ? link.childTid : null;
  const child = (): number => (tid === null ? processCpuMs(link.childPid) : threadCpuMs(pid, tid)) ?? 0;
  let parentTid: number | null = null;
  let parentAtStart = tid === null ? (processCpuMs(pid) ?? 0) : 0;
  const parent = (): number => (tid === null ? processCpuMs(pid) : parentTid === null ? null : threadCpuMs(pid, parentTid)) ?? parentAtStart;
  const stop = link.subscribe((event) => {
    if (tid === null || parentTid !== null || event.type !== 'read-note' || event.proc !== 'parent' || (event.note.kind !== 'spinning' && event.note.kind !== 'waiting')) return;
    parentTid = event.note.tid;
    parentAtStart = threadCpuMs(pid, parentTid) ?? 0;
  });
  const childAtStart = child();
  let childSpent = 0;
  return {
    childDone: () => void (childSpent = child() - childAtStart),
    spent: () => {
      stop();
      return { parent: Math.round(parent() - parentAtStart), child: Math.round(childSpent) };
    },
  };
}

/**
 * The race on a box a writer overwrites (shm-busy): the child writes every message right
 * after the previous one (its delay is the gap) and never reads; the parent's spinning
 * reader reads on, one message after another. What it never saw (its box's sequence
 * number jumped) is counted lost, a copy a write came into torn, each by the reader
 * itself; and each process's CPU time is measured from /proc.
 */
async function streamRace(settings: RaceSettings): Promise<RaceResult> {
  const link = await openRaceLink(settings, ['--stream']);
  let lost = 0;
  let torn = 0;
  let delivered = 0;
  const stopCounting = link.subscribe((event) => {
    if (event.type === 'read-note' && event.proc === 'parent' && event.note.kind === 'missed') {
      lost += event.note.lost;
      torn += event.note.torn;
    }
  });
  const started = performance.now();
  const cpu = raceCpu(link);
  try {
    for (let i = 0; i < settings.trials; i++) link.typeForChild(QUESTION);
    const timeoutMs = settings.trialTimeoutMs ?? 10_000 + settings.delayMs;
    for (let seq = 0; seq < settings.trials; ) {
      settings.signal?.throwIfAborted();
      const pending = link.read();
      let timer: NodeJS.Timeout | undefined;
      const frame = await Promise.race([
        pending.frame,
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no message came within ${timeoutMs} ms`)), timeoutMs))),
      ]).finally(() => clearTimeout(timer));
      if (frame === null) throw new Error(`the parent's read ended: ${link.childStderr.trim()}`);
      if (frame.writer === 'child') delivered++;
      seq = frame.seq;
      settings.onTrial?.(seq);
    }
    cpu.childDone();
  } finally {
    stopCounting();
    await link.close();
  }
  return resultOf(settings, link, started, { delivered, lost, torn, parentCall: null, cpuMs: cpu.spent() });
}

/**
 * The race on signals: one trial is one message. The parent waits in sigtimedwait (as
 * /proc shows) before the child's line goes out; the child sends it bit by bit, and the
 * parent answers once it has read it (whole or garbled), so that the child goes on to the
 * next. The trial's bits are counted, never guessed: those the child sent (8 a byte, one
 * tgkill each that returned) and those the parent's read took (what sigtimedwait returned,
 * as the read said); a message is delivered only when every bit arrived and it is the
 * line written, and garbled otherwise.
 */
async function bitRace(settings: RaceSettings): Promise<RaceResult> {
  const link = await openRaceLink(settings);
  let sent = 0;
  let taken = 0;
  const stopCounting = link.subscribe((event) => {
    if (event.type === 'syscall' && event.proc === 'child' && event.call === 'write' && typeof event.result === 'number') sent = event.result * 8;
    if (event.type === 'read-note' && event.proc === 'parent' && event.note.kind === 'bits') taken = event.note.received;
  });
  let delivered = 0;
  let bitsSent = 0;
  let bitsLost = 0;
  let waitingBeforeSend = 0;
  const timeoutMs = settings.trialTimeoutMs ?? 10_000 + settings.delayMs;
  const started = performance.now();
  try {
    for (let i = 0; i < settings.trials; i++) {
      settings.signal?.throwIfAborted();
      const childRead = nextChildRead(link);
      // Awaited below; a trial that fails before then (the child is killed at close) leaves no rejection unheard.
      childRead.catch(() => {});
      const parentRead = link.read();
      if (await pollFor(() => parentReadBlocked(link), 1000)) waitingBeforeSend++;
      link.typeForChild(QUESTION);
      const frame = await withTimeout(parentRead.frame, timeoutMs);
      if (frame === null) throw new Error(`the parent's read ended: ${link.childStderr.trim()}`);
      // The child's write is reported when the parent looks at the child's reports: by the answer's end at the latest.
      await withTimeout(link.write(ANSWER), timeoutMs);
      await withTimeout(childRead, timeoutMs);
      bitsSent += sent;
      bitsLost += sent - taken;
      if (frame.writer === 'child' && frame.text === QUESTION && taken === sent) delivered++;
      settings.onTrial?.(i + 1);
    }
  } finally {
    stopCounting();
    await link.close();
  }
  return resultOf(settings, link, started, { delivered, parentCall: link.readInKernel?.call ?? null, waitingBeforeSend, bitsSent, bitsLost, garbled: settings.trials - delivered });
}

/** `promise`, or a rejection after `ms`. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`a trial settled in no outcome within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
