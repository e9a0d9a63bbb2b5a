// The child of the textbook exercise, ported faithfully:
//   for each turn: line = keyboard(); write(fd 4, line); [sleep]; read(fd 3, buf); print("from Parent: " buf)
// Its I/O is synchronous on blocking fds, so read() really blocks this process, and
// between its write() and its read() it makes no other call than the C child does (at
// most one futex wake, for the reporter thread; the paths are warmed first): that gap
// decides who wins a shared pipe. Every call is reported, stamped at entry and at
// return, by a reporter thread that writes the reports to stdout (report-mailbox.ts).
// A second thread watches a lifeline socket: when the parent dies, even while this
// thread is blocked in read() on a pipe that will never reach EOF, the child dies too.
// On a socket (--one-fd) fd 3 is the child's end of the socketpair, read and written:
// a socket is two-way, and Node cannot dup it into fd 4.
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { CHILD_FDS, LineSplitter, encodeLine, parseControl } from './ipc/child-protocol.js';
import { describeFd, errnoCode, nowUs, type LinkEvent, type ProcActivity } from './ipc/events.js';
import { FrameDecoder, MAX_MESSAGE_BYTES, encodeFrame, type Frame } from './ipc/framing.js';
import { MailboxReader, MailboxWriter, RecordKind, createMailbox, type Mailbox, type TakenRecord } from './ipc/report-mailbox.js';

const STDIN = 0;
const STDOUT = 1;
const READ_BUFFER = Buffer.alloc(MAX_MESSAGE_BYTES + 64);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** The fd the child writes its messages to: fd 4, or fd 3 itself on a socket (--one-fd). */
let WRITE_FD: number = CHILD_FDS.write;

function parseArgs(argv: string[]): { turns: number; delayMs: number; firstTurn: number; echo: boolean; traced: boolean; oneFd: boolean } {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    const n = i === -1 ? fallback : Number(argv[i + 1]);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return { turns: value('--turns', 3), delayMs: value('--delay-ms', 0), firstTurn: Math.max(1, value('--first-turn', 1)), echo: argv.includes('--echo'), traced: !argv.includes('--untraced'), oneFd: argv.includes('--one-fd') };
}

type ThreadRole = { role: 'lifeline' } | { role: 'reporter'; mailbox: Mailbox };

function startThread(data: ThreadRole): void {
  new Worker(new URL(import.meta.url), { workerData: data }).unref();
}

/** The lifeline thread: the parent never writes to fd 5, so its end of file means the parent is gone. */
async function watchParent(): Promise<void> {
  const net = await import('node:net');
  const die = (): void => void process.kill(process.pid, 'SIGKILL');
  new net.Socket({ fd: CHILD_FDS.lifeline, readable: true, writable: false }).on('data', () => {}).on('end', die).on('error', die);
}

/** The reporter thread: takes each record from the mailbox, completes it, writes it to stdout. */
function runReporter(mailbox: Mailbox): never {
  const reader = new MailboxReader(mailbox);
  for (;;) {
    const record = reader.take();
    if (record.kind !== RecordKind.Warm) writeAll(STDOUT, Buffer.from(completeRecord(record)));
    reader.done();
  }
}

/** A call's record carries its events without the call's result and times: they arrive with it. */
function completeRecord(record: TakenRecord): string {
  if (record.kind !== RecordKind.Call) return record.text;
  const [call, ...after] = JSON.parse(record.text) as LinkEvent[];
  if (call?.type !== 'syscall') return '';
  const done: LinkEvent[] = [{ ...call, result: record.result, start: record.start, at: record.end }, ...after.map((e) => ({ ...e, at: record.end }))];
  return done.map(encodeLine).join('');
}

/** Benchmark only (--untraced): the same calls, without the report of each one. */
let traced = true;
const mailbox = isMainThread ? createMailbox() : null;
const reports = mailbox ? new MailboxWriter(mailbox) : null;

/** Reports events (through the reporter thread, in order); `make` is called only when traced. */
function report(make: () => LinkEvent[]): void {
  if (traced) send(make());
}

function send(events: LinkEvent[]): void {
  if (events.length === 0 || !reports) return;
  const text = events.map(encodeLine).join('');
  if (reports.prepare(text, RecordKind.Lines)) {
    reports.publish();
  } else {
    reports.flush();
    writeAll(STDOUT, Buffer.from(text));
  }
}

/** Ends the process once every report has been handed to the reporter thread. */
function finish(code: number): never {
  reports?.flush();
  process.exit(code);
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
  const frame = encodeFrame('child', 1, 'warm');
  for (let i = 0; i < 200; i++) {
    writeCall(sink, frame, 0, { doing: 'reading', fd: CHILD_FDS.read }, RecordKind.Warm);
    const start = nowUs();
    const result = readOnce(zero);
    encodeLine(syscall('read', zero, 16, result, 0, start));
  }
  sleep(0.001);
  fs.closeSync(zero);
  fs.closeSync(sink);
}

function activity(doing: ProcActivity): LinkEvent {
  return { type: 'activity', proc: 'child', activity: doing, at: nowUs() };
}

function syscall(call: 'read' | 'write', fd: number, requested: number, result: number | string, offset: number, start: number, data: Buffer = READ_BUFFER): LinkEvent {
  const moved = typeof result === 'number' ? data.subarray(offset, offset + result) : data.subarray(0, 0);
  return { type: 'syscall', proc: 'child', call, fd, requested, result, data: moved.toString('base64'), start, at: nowUs() };
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

/**
 * One write(2) of the frame from `offset`, and what the child does next. The report is
 * prepared before the call as if the rest went in whole (a blocking pipe takes it whole
 * or blocks) and published after it: between this write and the next call the main
 * thread makes no system call but the reporter's futex wake.
 */
function writeCall(fd: number, frame: Buffer, offset: number, then: ProcActivity, kind: RecordKind = RecordKind.Call): number | string {
  const rest = frame.length - offset;
  const prepared =
    traced && (reports?.prepare(JSON.stringify([syscall('write', fd, rest, rest, offset, 0, frame), activity(then)]), kind) ?? false);
  const start = nowUs();
  const result = writeOnce(fd, frame, offset);
  const end = nowUs();
  if (prepared && result === rest) reports?.publish(result, start, end);
  else report(() => [{ ...syscall('write', fd, rest, result, offset, start, frame), at: end }, ...(result === rest ? [activity(then)] : [])]);
  return result;
}

/** write(2) until the whole frame is in the pipe; `then` is what the child does next, reported with the write. */
function writeFrame(frame: Buffer, then: ProcActivity): void {
  report(() => [activity({ doing: 'writing', fd: WRITE_FD })]);
  for (let off = 0; off < frame.length; ) {
    const result = writeCall(WRITE_FD, frame, off, then);
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

/** The exercise: keyboard, write, [sleep], read, print; turn after turn. */
function converse(options: ReturnType<typeof parseArgs>): void {
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
  if (options.oneFd) WRITE_FD = CHILD_FDS.read;
  startThread({ role: 'lifeline' });
  if (mailbox) startThread({ role: 'reporter', mailbox });
  warmUp();
  send([{
    type: 'hello',
    proc: 'child',
    pid: process.pid,
    fds: [describeFd(CHILD_FDS.read, 'read'), describeFd(WRITE_FD, 'write')],
    at: nowUs(),
  }]);
  if (options.echo) echo();
  converse(options);
  finish(0);
}

if (isMainThread) main();
else {
  const data = workerData as ThreadRole;
  if (data.role === 'reporter') runReporter(data.mailbox);
  else void watchParent();
}
