// How the child reports each call: into the report ring it shares with the parent
// (ipc/report-ring.ts), with memory stores only, so that between its keyboard read and
// its read of the channel it makes no call that the C child does not make, and no other
// thread of it runs. Before it blocks anywhere else it rings the doorbell (one byte on
// its stdout, once until the parent has drained), so the parent takes the reports at
// once; inside that gap the parent finds them on its timer.
// Where the parent gave no ring (no memfd_create: macOS), the same records go into a ring
// of the child's own that it empties to stdout, as lines, at once: there the write's
// report is a write(1) between the two calls.
import fs from 'node:fs';
import { CHILD_FDS, REPORT_RING_AT, REPORT_RING_FLAG, encodeLine } from '../ipc/child-protocol.js';
import { nowUs, type CallSite, type LinkEvent, type ProcActivity } from '../ipc/events.js';
import { RecordKind, ReportRingReader, ReportRingWriter, eventsOf, ringBytes, type RingRecord } from '../ipc/report-ring.js';
import type { Libc } from '../kernel/libc.js';
import type { Mapping } from '../kernel/mapped-memory.js';
import { MAX_MESSAGE_BYTES } from '../ipc/framing.js';
import { READ_BUFFER, childStdio, sleep, writeAll } from './syscalls.js';

/** Room enough for everything reported between a keyboard read and the read that follows (a frame's bytes, base64, and its events). */
const TURN_BYTES = 4 * MAX_MESSAGE_BYTES;
const DOORBELL = Buffer.from('\n');
const ROOM_WAIT_MS = 1;

/** Where records go: the parent's ring, or one of our own (read by ownReader) emptied by `drainOwn`. */
let ownReader: ReportRingReader | null = null;
let ring: ReportRingWriter = ownRing();
let drainOwn: ((records: RingRecord[]) => void) | null = toStdout;
let traced = true;
let linesHeard = 0;

function ownRing(): ReportRingWriter {
  const buffer = new ArrayBuffer(ringBytes(1 << 20));
  ownReader = new ReportRingReader(buffer);
  return new ReportRingWriter(buffer);
}

function toStdout(records: RingRecord[]): void {
  const lines = records.flatMap(eventsOf).map(encodeLine).join('');
  if (lines) writeAll(childStdio.doorbell, Buffer.from(lines));
}

/**
 * Maps the ring the parent handed over at fd 6 (and closes that fd), or, in a child
 * thread, views the parent's own mapping of it at the address given (the same pages, in
 * the same process); else keeps our own. The mapping, or null.
 */
export function openReports(libc: Libc): Mapping | null {
  const at = process.argv.indexOf(REPORT_RING_AT);
  if (at !== -1) {
    const address = BigInt(process.argv[at + 1] ?? '');
    const buffer = libc.sysv.viewAt(address, Number(process.argv[at + 2]));
    ring = new ReportRingWriter(buffer);
    drainOwn = null;
    ownReader = null;
    // The parent's mapping: the parent unmaps it, never this thread.
    return { buffer, address, unmap: () => {} };
  }
  if (!process.argv.includes(REPORT_RING_FLAG)) return null;
  const bytes = fs.fstatSync(CHILD_FDS.reports).size;
  const mapping = libc.memory.map(CHILD_FDS.reports, bytes);
  fs.closeSync(CHILD_FDS.reports);
  ring = new ReportRingWriter(mapping.buffer);
  drainOwn = null;
  ownReader = null;
  return mapping;
}

/** A variant of the child (for the benchmark) may make the same calls without reporting them. */
export function setTraced(on: boolean): void {
  traced = on;
}

/** Reports events; `make` is called only when traced. Memory stores only, while the ring has room. */
export function report(make: () => LinkEvent[]): void {
  if (traced) send(make());
}

/** Reports events, traced or not (the hello). */
export function send(events: LinkEvent[]): void {
  if (events.length === 0) return;
  const text = events.map(encodeLine).join('');
  if (Buffer.byteLength(text) + 64 > ring.largest && events.length > 1) {
    for (const event of events) send([event]);
    return;
  }
  put(text, RecordKind.Lines);
  ring.publish();
  afterPublish();
}

/** Waits (ringing, outside the turn) until the ring takes the record; one that can never fit is dropped with a line saying so. */
function put(text: string, kind: RecordKind): void {
  while (!ring.prepare(text, kind)) {
    if (Buffer.byteLength(text) + 64 > ring.largest) {
      ring.prepare(encodeLine({ type: 'frame-error', proc: 'child', error: `a report of ${Buffer.byteLength(text)} bytes does not fit the report ring`, at: nowUs() }), RecordKind.Lines);
      return;
    }
    flush();
    sleep(ROOM_WAIT_MS);
  }
}

function afterPublish(): void {
  if (drainOwn && ownReader) drainOwn(ownReader.take());
}

/** Before a blocking call outside the turn: says what has been heard, and rings the parent's doorbell unless it is ringing already. */
export function flush(): void {
  ring.heard(linesHeard);
  if (!drainOwn && ring.ring()) writeAll(childStdio.doorbell, DOORBELL);
}

/** Just before the read that ends a turn: everything of the turn is published (a store, no call; the parent's timer stops on it). */
export function turnReported(): void {
  ring.heard(linesHeard);
}

/** The child took a keyboard line: a turn begins. */
export function lineHeard(): void {
  linesHeard++;
}

/** Before the keyboard read: room in the ring for the whole turn, so that nothing in it waits. */
export function roomForTurn(): void {
  while (ring.free < TURN_BYTES) {
    flush();
    sleep(ROOM_WAIT_MS);
  }
}

/**
 * Prepares a call's report before the call (as if it succeeds whole); false if it is not
 * reported that way (untraced, or no room). publishCall() publishes it after the call.
 */
export function prepareCall(events: LinkEvent[]): boolean {
  return traced && ring.prepare(JSON.stringify(events), RecordKind.Call);
}

export function publishCall(result: number, start: number, end: number): void {
  ring.publish(result, start, end);
  afterPublish();
}

/** The call did not go as prepared: its report is made afresh. */
export function discardCall(): void {
  ring.discard();
}

/**
 * Runs `calls` with a ring of this thread's own that it empties and drops: the call paths
 * get warm (their first run costs hundreds of microseconds), and no warm-up report
 * reaches the parent.
 */
export function warmingUp(calls: () => void): void {
  const saved = { ring, drainOwn, ownReader };
  ring = ownRing();
  drainOwn = () => {};
  try {
    calls();
  } finally {
    ({ ring, drainOwn, ownReader } = saved);
  }
}

/** Ends the process once the parent has been told of every report. */
export function finish(code: number): never {
  flush();
  process.exit(code);
}

export function activity(doing: ProcActivity): LinkEvent {
  return { type: 'activity', proc: 'child', activity: doing, at: nowUs() };
}

export function syscall(call: 'read' | 'write', site: CallSite, requested: number, result: number | string, offset: number, start: number, data: Buffer = READ_BUFFER): LinkEvent {
  const moved = typeof result === 'number' ? data.subarray(offset, offset + result) : data.subarray(0, 0);
  return { type: 'syscall', proc: 'child', call, ...site, requested, result, data: moved.toString('base64'), start, at: nowUs() };
}
