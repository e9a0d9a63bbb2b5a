// The child of the textbook exercise, ported faithfully:
//   for each turn: line = keyboard(); write(fd 4, line); [sleep]; read(fd 3, buf); print("from Parent: " buf)
// Its I/O is synchronous on blocking fds, so read() really blocks this process, and the
// gap between its write() and its read() is as short as the C child's (the read path is
// warmed first): that gap decides who wins a shared pipe. It reports every call on stdout.
// A worker thread watches a lifeline socket: when the parent dies, even while this
// thread is blocked in read() on a pipe that will never reach EOF, the child dies too.
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { Worker } from 'node:worker_threads';
import { CHILD_FDS, LineSplitter, encodeLine, parseControl } from './ipc/child-protocol.js';
import { errnoCode, nowUs, type FdInfo, type LinkEvent, type ProcActivity } from './ipc/events.js';
import { FrameDecoder, MAX_MESSAGE_BYTES, encodeFrame, type Frame } from './ipc/framing.js';

const STDIN = 0;
const STDOUT = 1;
const READ_BUFFER = Buffer.alloc(MAX_MESSAGE_BYTES + 64);
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function parseArgs(argv: string[]): { turns: number; delayMs: number; firstTurn: number; echo: boolean; traced: boolean } {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    const n = i === -1 ? fallback : Number(argv[i + 1]);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return { turns: value('--turns', 3), delayMs: value('--delay-ms', 0), firstTurn: Math.max(1, value('--first-turn', 1)), echo: argv.includes('--echo'), traced: !argv.includes('--untraced') };
}

function watchParent(): void {
  const code = `
    const net = require('node:net');
    const die = () => process.kill(process.pid, 'SIGKILL');
    const lifeline = new net.Socket({ fd: ${CHILD_FDS.lifeline}, readable: true, writable: false });
    lifeline.on('data', () => {}).on('end', die).on('error', die);`;
  new Worker(code, { eval: true }).unref();
}

/** Benchmark only (--untraced): the same calls, without the report of each one. */
let traced = true;

/** Reports events on stdout; `make` is called only when traced, so --untraced skips building them too. */
function report(make: () => LinkEvent[]): void {
  if (traced) send(make());
}

function send(events: LinkEvent[]): void {
  if (events.length > 0) writeAll(STDOUT, Buffer.from(events.map(encodeLine).join('')));
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let off = 0; off < bytes.length; ) {
    try {
      off += fs.writeSync(fd, bytes, off);
    } catch (error) {
      if (errnoCode(error) !== 'EAGAIN') throw error;
    }
  }
}

/** One write(2) of the frame (blocking fd: the kernel takes it whole or blocks). */
function writeOnce(fd: number, bytes: Buffer, offset: number): number | string {
  try {
    return fs.writeSync(fd, bytes, offset);
  } catch (error) {
    return errnoCode(error);
  }
}

/** One read(2); returns the byte count, 0 at end of file, or the errno code. */
function readOnce(fd: number): number | string {
  try {
    return fs.readSync(fd, READ_BUFFER, 0, READ_BUFFER.length, null);
  } catch (error) {
    return errnoCode(error);
  }
}

function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
}

/** Run each call path once on harmless fds so that the first real call costs what later ones do. */
function warmUp(): void {
  const zero = fs.openSync('/dev/zero', 'r');
  const sink = fs.openSync('/dev/null', 'w');
  for (let i = 0; i < 200; i++) {
    readOnce(zero);
    writeOnce(sink, READ_BUFFER.subarray(0, 16), 0);
    encodeLine(activity({ doing: 'reading', fd: CHILD_FDS.read }));
    encodeLine(syscall('read', zero, 16, 16, 0));
  }
  sleep(0.001);
  fs.closeSync(zero);
  fs.closeSync(sink);
}

function activity(doing: ProcActivity): LinkEvent {
  return { type: 'activity', proc: 'child', activity: doing, at: nowUs() };
}

function syscall(call: 'read' | 'write', fd: number, requested: number, result: number | string, offset: number, data: Buffer = READ_BUFFER): LinkEvent {
  const moved = typeof result === 'number' ? data.subarray(offset, offset + result) : data.subarray(0, 0);
  return { type: 'syscall', proc: 'child', call, fd, requested, result, data: moved.toString('base64'), at: nowUs() };
}

function describeFd(fd: number, end: 'read' | 'write'): FdInfo {
  const stat = fs.fstatSync(fd);
  return { fd, end, isFifo: stat.isFIFO(), inode: stat.ino };
}

class Keyboard {
  private readonly lines: string[] = [];
  private readonly splitter = new LineSplitter();
  private readonly chunk = Buffer.alloc(64 * 1024);
  // A read may end inside a UTF-8 character: the decoder keeps its first bytes for the next read.
  private readonly utf8 = new StringDecoder('utf8');

  constructor(private readonly onDelay: (ms: number) => void) {}

  /** Blocks until the next keyboard line; null when the parent closed our stdin. */
  next(): string | null {
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) {
        const control = parseControl(line);
        if (control?.type === 'keyboard') return control.text;
        if (control?.type === 'delay') this.onDelay(control.ms);
        continue;
      }
      const n = fs.readSync(STDIN, this.chunk, 0, this.chunk.length, null);
      if (n === 0) return null;
      this.lines.push(...this.splitter.push(this.utf8.write(this.chunk.subarray(0, n))));
    }
  }
}

/** The child's own ends of the pipe(s), and the frames it has read but not yet used. */
const decoder = new FrameDecoder();
const received: Frame[] = [];

/** write(2) until the whole frame is in the pipe; `then` is what the child does next, reported with the write. */
function writeFrame(frame: Buffer, then: ProcActivity): void {
  report(() => [activity({ doing: 'writing', fd: CHILD_FDS.write })]);
  for (let off = 0; off < frame.length; ) {
    const result = writeOnce(CHILD_FDS.write, frame, off);
    const wroteAll = typeof result === 'number' && off + result >= frame.length;
    // One report for the write and what comes next keeps the write-to-read gap short.
    report(() => [syscall('write', CHILD_FDS.write, frame.length - off, result, off, frame), ...(wroteAll ? [activity(then)] : [])]);
    if (typeof result !== 'number') process.exit(1);
    off += result;
  }
}

/** read(2) until a whole frame has arrived (or take one a previous read already brought). */
function readFrame(): Frame {
  while (received.length === 0) {
    const result = readOnce(CHILD_FDS.read);
    report(() => [syscall('read', CHILD_FDS.read, READ_BUFFER.length, result, 0)]);
    if (typeof result !== 'number') process.exit(1);
    if (result === 0) process.exit(0);
    const { frames, errors } = decoder.push(READ_BUFFER.subarray(0, result));
    received.push(...frames);
    report(() => errors.map((error) => ({ type: 'frame-error', proc: 'child', error: error.message, at: nowUs() })));
  }
  const frame = received.shift() as Frame;
  report(() => [{ type: 'message', proc: 'child', frame, at: nowUs() }]);
  return frame;
}

/** The exercise: keyboard, write, [sleep], read, print; turn after turn. */
function converse(options: ReturnType<typeof parseArgs>): void {
  let delayMs = options.delayMs;
  const keyboard = new Keyboard((ms) => (delayMs = ms));
  for (let turn = options.firstTurn; options.turns === 0 || turn <= options.turns; turn++) {
    report(() => [activity({ doing: 'typing' })]);
    const line = keyboard.next();
    if (line === null) process.exit(0);
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

/** For the benchmark: send every message straight back, over the same calls the exercise makes. */
function echo(): never {
  for (;;) {
    const frame = readFrame();
    writeFrame(encodeFrame('child', frame.seq, frame.text), { doing: 'reading', fd: CHILD_FDS.read });
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  traced = options.traced;
  watchParent();
  warmUp();
  send([{
    type: 'hello',
    proc: 'child',
    pid: process.pid,
    fds: [describeFd(CHILD_FDS.read, 'read'), describeFd(CHILD_FDS.write, 'write')],
    at: nowUs(),
  }]);
  if (options.echo) echo();
  converse(options);
  process.exit(0);
}

main();
