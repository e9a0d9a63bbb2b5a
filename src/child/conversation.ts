// The child of the textbook exercise, ported faithfully:
//   for each turn: line = keyboard(); write(fd 4, line); [sleep]; read(fd 3, buf); print("from Parent: " buf)
// Its I/O is synchronous on blocking fds, so read() really blocks this process, and
// between its write() and its read() it makes no other call than the C child does (the
// report of the write is prepared before it and handed over after it without a call;
// the paths are warmed first): that gap decides who wins a shared pipe.
// On a socket fd 3 is the child's end of the socketpair, read and written: a socket is
// two-way, and Node cannot dup it into fd 4.
import fs from 'node:fs';
import { CHILD_FDS, encodeLine } from '../ipc/child-protocol.js';
import { describeFd, nowUs, type ProcActivity } from '../ipc/events.js';
import { FrameDecoder, encodeFrame, type Frame } from '../ipc/framing.js';
import { Keyboard } from './keyboard.js';
import { activity, finish, prepareCall, publishCall, report, send, sendThroughReporter, setTraced, syscall, warmingUp } from './reports.js';
import { READ_BUFFER, readOnce, sleep, writeOnce } from './syscalls.js';

export interface ChildOptions {
  turns: number;
  delayMs: number;
  firstTurn: number;
  /** A socket: fd 3 both ways. */
  oneFd: boolean;
  /** Report every call (a benchmark variant turns it off). */
  traced: boolean;
  /** A benchmark variant: send every message straight back instead of playing turns. */
  echo: boolean;
}

/** The fd the child writes its messages to: fd 4, or fd 3 itself on a socket. */
let writeFd: number = CHILD_FDS.write;
const decoder = new FrameDecoder();
/** Frames a read brought that the child has not used yet. */
const received: Frame[] = [];

/**
 * One write(2) of the frame from `offset`, and what the child does next. The report is
 * prepared before the call as if the rest went in whole (a blocking pipe takes it whole
 * or blocks) and published after it.
 */
function writeCall(fd: number, frame: Buffer, offset: number, then: ProcActivity): number | string {
  const rest = frame.length - offset;
  const prepared = prepareCall([syscall('write', fd, rest, rest, offset, 0, frame), activity(then)]);
  const start = nowUs();
  const result = writeOnce(fd, frame, offset);
  const end = nowUs();
  if (prepared && result === rest) publishCall(result, start, end);
  else report(() => [{ ...syscall('write', fd, rest, result, offset, start, frame), at: end }, ...(result === rest ? [activity(then)] : [])]);
  return result;
}

/** write(2) until the whole frame is in the pipe; `then` is what the child does next, reported with the write. */
function writeFrame(frame: Buffer, then: ProcActivity): void {
  sendThroughReporter([activity({ doing: 'writing', fd: writeFd })]);
  for (let off = 0; off < frame.length; ) {
    const result = writeCall(writeFd, frame, off, then);
    if (typeof result !== 'number') finish(1);
    off += result;
  }
}

/** read(2) until a whole frame has arrived (or take one a previous read already brought). */
function readFrame(): Frame {
  while (received.length === 0) {
    const start = nowUs();
    const result = readOnce(CHILD_FDS.read);
    report(() => [syscall('read', CHILD_FDS.read, READ_BUFFER.length, result, 0, start)]);
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
      writeCall(sink, frame, 0, { doing: 'reading', fd: CHILD_FDS.read });
      const start = nowUs();
      const result = readOnce(zero);
      encodeLine(syscall('read', zero, 16, result, 0, start));
    }
  });
  sleep(0.001);
  fs.closeSync(zero);
  fs.closeSync(sink);
}

/** The exercise: keyboard, write, [sleep], read, print; turn after turn. */
function converse(options: ChildOptions): void {
  let delayMs = options.delayMs;
  const keyboard = new Keyboard((ms) => (delayMs = ms));
  for (let turn = options.firstTurn; options.turns === 0 || turn <= options.turns; turn++) {
    report(() => [activity({ doing: 'typing' })]);
    const line = keyboard.next();
    if (line === null) finish(0);
    let frame: Buffer;
    try {
      frame = encodeFrame('child', turn, line);
    } catch (error) {
      // Refused before any write: report it and wait for another line for this turn.
      report(() => [{ type: 'frame-error', proc: 'child', error: error instanceof Error ? error.message : String(error), at: nowUs() }]);
      turn--;
      continue;
    }
    writeFrame(frame, delayMs > 0 ? { doing: 'sleeping', ms: delayMs } : { doing: 'reading', fd: CHILD_FDS.read });
    if (delayMs > 0) {
      sleep(delayMs);
      report(() => [activity({ doing: 'reading', fd: CHILD_FDS.read })]);
    }
    readFrame();
  }
  report(() => [activity({ doing: 'done' })]);
}

/** Every message straight back, over the same calls the exercise makes. */
function echo(): never {
  for (;;) {
    const frame = readFrame();
    writeFrame(encodeFrame('child', frame.seq, frame.text), { doing: 'reading', fd: CHILD_FDS.read });
  }
}

/** Says hello (its pid and fds, as fstat sees them), then plays. */
export function runChild(options: ChildOptions): never {
  setTraced(options.traced);
  if (options.oneFd) writeFd = CHILD_FDS.read;
  warmUp();
  send([{ type: 'hello', proc: 'child', pid: process.pid, fds: [describeFd(CHILD_FDS.read, 'read'), describeFd(writeFd, 'write')], at: nowUs() }]);
  if (options.echo) echo();
  converse(options);
  finish(0);
}
