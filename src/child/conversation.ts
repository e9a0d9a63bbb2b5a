// The child of the textbook exercise, ported faithfully:
//   for each turn: line = keyboard(); write(fd 4, line); [sleep]; read(fd 3, buf); print("from Parent: " buf)
// (on a channel without fds, its own calls: a queue's msgsnd and msgrcv; ProcessCalls).
// Its I/O is synchronous on blocking fds, so read() really blocks this process, and
// between its keyboard read and its read() it makes no other call than the C child does:
// write() and nanosleep() (the reports of the turn go into shared memory, the write's
// prepared before it and published after it with memory stores; the paths are warmed
// first). That gap decides who wins a shared pipe. In step mode the user decides instead:
// the child waits at its step gate before each write and read (child/step-hold.ts);
// outside it, what that costs in the gap is one load from memory.
// On a socket fd 3 is the child's end of the socketpair, read and written: a socket is
// two-way, and Node cannot dup it into fd 4.
import fs from 'node:fs';
import type { Gate, ProcessCalls } from '../channels/channel-ends.js';
import { encodeLine } from '../ipc/child-protocol.js';
import { describeFd, nowUs, type CallSite, type ProcActivity, type ReadNote } from '../ipc/events.js';
import { FrameDecoder, encodeFrame, type Frame } from '../ipc/framing.js';
import { Keyboard } from './keyboard.js';
import { activity, discardCall, finish, flush, lineHeard, prepareCall, publishCall, report, roomForTurn, send, setTraced, syscall, turnReported, warmingUp } from './reports.js';
import { readOnce, writeOnce } from '../ipc/fd-calls.js';
import { ownTid } from '../kernel/thread-cpu.js';
import { READ_BUFFER, childStdio, fdChildCalls, sleep } from './syscalls.js';
import { holdBefore } from './step-hold.js';

export interface ChildOptions {
  turns: number;
  delayMs: number;
  firstTurn: number;
  /** A socket: fd 3 both ways. */
  oneFd: boolean;
  /** The channel's own calls, where they are not read(2)/write(2) on fds 3 and 4. */
  calls: ProcessCalls | null;
  /** Report every call (a benchmark variant turns it off). */
  traced: boolean;
  /** A benchmark variant: speak once, then send every message straight back instead of playing turns. */
  echo: boolean;
  /** The race on a box a writer overwrites: write each keyboard line (then sleep the delay) and never read. */
  stream: boolean;
  /** A one-way channel (pipe1): the child holds only its write end, at fd 4, and never reads (stream is set too). */
  writeOnly: boolean;
}

/** The child's blocking calls: read(2) on fd 3 and write(2) on fd 4 (fd 3 on a socket), or the channel's. */
let calls: ProcessCalls = fdChildCalls(false);
const decoder = new FrameDecoder();
/** Frames a read brought that the child has not used yet. */
const received: Frame[] = [];
/** The child's sleep between its write and its read; the parent changes it through the keyboard's control lines. */
let delayMs = 0;
const keyboard = new Keyboard((ms) => (delayMs = ms));

/** The child's gate: a reader that stopped spinning waits at its keyboard for the parent's word (a key in the UI); false when the parent is gone. */
export const keyboardGate: Gate = {
  wait: () => keyboard.waitForResume(),
  closed: () => false,
  // Read when it is used: a child thread's keyboard is set before its first turn.
  get waitsIn() {
    return `read(fd ${childStdio.keyboard})`;
  },
};

/**
 * What a spinning reader says while it reads, reported as the child's, with the doorbell:
 * a reader that never blocks in the kernel gives the parent no other moment to look, and
 * one that stopped is about to block at its keyboard.
 */
function noteRead(note: ReadNote): void {
  report(() => [{ type: 'read-note', proc: 'child', note, at: nowUs() }]);
  flush();
}

/**
 * One write(2) of the frame from `offset`, and what the child does next. The report is
 * prepared before the call as if the rest went in whole (a blocking pipe takes it whole
 * or blocks) and published after it.
 */
function writeCall(write: ProcessCalls['writeFrom'], site: CallSite, frame: Buffer, offset: number, then: ProcActivity): number | string {
  const rest = frame.length - offset;
  const prepared = prepareCall([syscall('write', site, rest, rest, offset, 0, frame), activity(then)]);
  const start = nowUs();
  const result = write(frame, offset);
  const end = nowUs();
  if (prepared && result === rest) publishCall(result, start, end);
  else {
    if (prepared) discardCall();
    report(() => [{ ...syscall('write', site, rest, result, offset, start, frame), at: end }, ...(result === rest ? [activity(then)] : [])]);
  }
  return result;
}

/**
 * write(2) until the whole frame is in the pipe; `then` is what the child does next,
 * reported with the write. False when the kernel refused the message whole (EINVAL: a
 * queue's msgmax): the child then waits for another line.
 */
function writeFrame(frame: Buffer, then: ProcActivity): boolean {
  report(() => [activity({ doing: 'writing', ...calls.write })]);
  for (let off = 0; off < frame.length; ) {
    holdBefore('write', calls.write);
    const result = writeCall(calls.writeFrom, calls.write, frame, off, then);
    if (typeof result === 'string' && off === 0 && result.startsWith('EINVAL')) return false;
    if (typeof result !== 'number') finish(1);
    off += result;
  }
  return true;
}

/**
 * read(2) until a whole frame has arrived (or take one a previous read already brought).
 * At the end of a turn the first read follows the turn's reports without a doorbell.
 */
function readFrame(endsTurn: boolean): Frame {
  let quiet = endsTurn;
  while (received.length === 0) {
    if (quiet) turnReported();
    else flush();
    quiet = false;
    holdBefore('read', calls.read);
    const start = nowUs();
    const result = calls.readInto(READ_BUFFER, noteRead);
    report(() => [syscall('read', calls.read, READ_BUFFER.length, result, 0, start)]);
    if (typeof result !== 'number') finish(1);
    if (result === 0) finish(0);
    const { frames, errors } = decoder.push(READ_BUFFER.subarray(0, result));
    received.push(...frames);
    report(() => errors.map((error) => ({ type: 'frame-error', proc: 'child', error: error.message, at: nowUs() })));
  }
  const frame = received.shift() as Frame;
  report(() => [{ type: 'message', proc: 'child', frame, at: nowUs() }]);
  return frame;
}

/** Run each call path once on harmless fds so that the first real call costs what later ones do. */
function warmUp(): void {
  const zero = fs.openSync('/dev/zero', 'r');
  const sink = fs.openSync('/dev/null', 'w');
  const frame = encodeFrame('child', 1, 'warm');
  warmingUp(() => {
    for (let i = 0; i < 200; i++) {
      writeCall((buffer, offset) => writeOnce(sink, buffer, offset), { fd: sink }, frame, 0, { doing: 'reading', ...calls.read });
      const start = nowUs();
      const result = readOnce(zero, READ_BUFFER);
      encodeLine(syscall('read', { fd: zero }, 16, result, 0, start));
    }
  });
  sleep(0.001);
  fs.closeSync(zero);
  fs.closeSync(sink);
}

/** The exercise: keyboard, write, [sleep], read, print; turn after turn. */
function converse(options: ChildOptions): void {
  delayMs = options.delayMs;
  for (let turn = options.firstTurn; options.turns === 0 || turn <= options.turns; turn++) {
    report(() => [activity({ doing: 'typing' })]);
    roomForTurn();
    flush();
    const line = keyboard.next();
    if (line === null) finish(0);
    lineHeard();
    let frame: Buffer;
    try {
      frame = encodeFrame('child', turn, line);
    } catch (error) {
      // Refused before any write: report it and wait for another line for this turn.
      report(() => [{ type: 'frame-error', proc: 'child', error: error instanceof Error ? error.message : String(error), at: nowUs() }]);
      turn--;
      continue;
    }
    const next: ProcActivity = delayMs > 0 ? { doing: 'sleeping', ms: delayMs } : options.stream ? { doing: 'typing' } : { doing: 'reading', ...calls.read };
    if (!writeFrame(frame, next)) {
      turn--;
      continue;
    }
    if (delayMs > 0) {
      sleep(delayMs);
      if (!options.stream) report(() => [activity({ doing: 'reading', ...calls.read })]);
    }
    if (!options.stream) readFrame(true);
  }
  report(() => [activity({ doing: 'done' })]);
}

/**
 * One line first, as the child speaks first in the exercise (on signals the parent learns
 * whom to answer from the first signal it takes: before that its write has no peer), then
 * every message straight back, over the same calls the exercise makes.
 */
function echo(): never {
  // The hello rings the doorbell first: a write that waits for the parent (a signal's answer) must not hold it back.
  flush();
  writeFrame(encodeFrame('child', 1, 'hello'), { doing: 'reading', ...calls.read });
  for (;;) {
    const frame = readFrame(false);
    writeFrame(encodeFrame('child', frame.seq, frame.text), { doing: 'reading', ...calls.read });
  }
}

/** Whether `fd` is open here: a write-only child (pipe1) has no read end at fd 3, unless its unused end was left open. */
function isOpen(fd: number): boolean {
  try {
    fs.fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

/** Says hello (its pid and fds, as fstat sees them), then plays. */
export function runChild(options: ChildOptions): never {
  setTraced(options.traced);
  calls = options.calls ?? fdChildCalls(options.oneFd);
  warmUp();
  // A channel without fds (a queue) has none to describe; TCP's child has the socket it connected.
  const fds = calls.read.fd < 0 ? [] : [...(options.writeOnly && !isOpen(calls.read.fd) ? [] : [describeFd(calls.read.fd, 'read')]), describeFd(calls.write.fd, 'write')];
  send([{ type: 'hello', proc: 'child', pid: process.pid, tid: ownTid() ?? process.pid, fds, at: nowUs() }]);
  if (options.echo) echo();
  converse(options);
  finish(0);
}
