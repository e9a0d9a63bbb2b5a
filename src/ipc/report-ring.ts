// The child's reports of its calls, in memory it shares with the parent. Between its
// keyboard read and its read of the channel the C child makes only write() (and the
// sleep), and so must ours: it cannot write a report to stdout there, nor wake a thread
// to do it. It stores each report in this ring (memory stores, no system call) and the
// parent takes them out. One producer (the child's main thread) and one consumer (the
// parent's main thread): the child publishes a record by storing the ring's write
// position (Atomics.store) after the record's bytes; the parent reads up to that position
// and stores its read position, which frees the space. Every report goes through the
// ring, so the parent sees them in the one order the child made them.
//
// The header also holds a doorbell flag (the child writes one byte to its stdout when it
// sets it, outside that gap, so that the parent drains at once; the parent clears it
// before draining) and how many keyboard lines the child had taken when it last published
// everything it would before blocking: the parent looks on a timer until that count
// reaches the lines it sent (report-reader.ts).
//
// A write's report is prepared before the write (its JSON, with the bytes it carries)
// and published after it with three numbers: the result and the two times. The parent
// adds those to the JSON, so the child does no encoding between its write and its read.
import { parseEvent } from './child-protocol.js';
import type { LinkEvent } from './events.js';

/** What a record holds. */
export const RecordKind = {
  /** JSON lines, complete. */
  Lines: 0,
  /** A JSON array: a call's event, then what follows it; completed with the call's result and times. */
  Call: 1,
  /** A JSON array of events, each stamped with the record's end time when published. */
  Timed: 2,
} as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];

export interface RingRecord {
  kind: RecordKind;
  text: string;
  result: number;
  start: number;
  end: number;
}

const WRITTEN = 0;
const READ = 1;
const BELL = 2;
const HEARD = 3;
/** The header's bytes from here hold the child's step gate (step-gate.ts): the ring is the one memory both processes map. */
export const STEP_GATE_BYTE = 16;
const HEADER_BYTES = 64;
/** length, kind, then three float64 numbers: result, start, end. */
const RECORD_HEADER = 32;
/** A length that says: the rest of the ring is empty, go on at its start. */
const WRAP = -1;

/** The ring's size: a header and a power-of-two data area (positions count modulo 2^32). */
export function ringBytes(dataBytes: number): number {
  if (dataBytes < 4096 || (dataBytes & (dataBytes - 1)) !== 0) throw new RangeError(`a report ring's data area must be a power of two from 4096 bytes, not ${dataBytes}`);
  return HEADER_BYTES + dataBytes;
}

const align8 = (n: number): number => (n + 7) & ~7;

/** The header and data area over a buffer of ringBytes(n) bytes, from either side. */
class RingMemory {
  protected readonly header: Int32Array;
  protected readonly ints: Int32Array;
  protected readonly numbers: Float64Array;
  protected readonly bytes: Buffer;
  protected readonly capacity: number;

  constructor(buffer: ArrayBuffer) {
    this.capacity = buffer.byteLength - HEADER_BYTES;
    ringBytes(this.capacity);
    this.header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.ints = new Int32Array(buffer, HEADER_BYTES);
    this.numbers = new Float64Array(buffer, HEADER_BYTES);
    this.bytes = Buffer.from(buffer, HEADER_BYTES);
  }

  protected offset(position: number): number {
    return position & (this.capacity - 1);
  }
}

/** The child's side. */
export class ReportRingWriter extends RingMemory {
  /** Where the next prepared record goes. */
  private pending: number;
  /** End positions of prepared records not yet published, oldest first; and where each begins. */
  private readonly ends: number[] = [];
  private readonly starts: number[] = [];

  constructor(buffer: ArrayBuffer) {
    super(buffer);
    this.pending = Atomics.load(this.header, WRITTEN);
  }

  /** Bytes free for new records, as the parent has drained so far. */
  get free(): number {
    return this.capacity - ((this.pending - Atomics.load(this.header, READ)) >>> 0);
  }

  /** The most a record (with a wrap before it) can take: larger ones never fit. */
  get largest(): number {
    return this.capacity / 2;
  }

  /** Writes a record without publishing it (the call has not happened yet). False if there is no room for it now. */
  prepare(text: string, kind: RecordKind): boolean {
    const length = Buffer.byteLength(text);
    const size = align8(RECORD_HEADER + length);
    const at = this.offset(this.pending);
    const skip = at + size > this.capacity ? this.capacity - at : 0;
    if (size > this.largest || skip + size > this.free) return false;
    if (skip > 0) {
      this.ints[at / 4] = WRAP;
      this.pending = (this.pending + skip) | 0;
    }
    const start = this.offset(this.pending);
    this.ints[start / 4] = length;
    this.ints[start / 4 + 1] = kind;
    this.bytes.write(text, start + RECORD_HEADER, length, 'utf8');
    this.starts.push(start);
    this.pending = (this.pending + size) | 0;
    this.ends.push(this.pending);
    return true;
  }

  /** Publishes the oldest prepared record with its call's result and times: memory stores only. */
  publish(result = 0, start = 0, end = 0): void {
    const at = this.starts.shift();
    const until = this.ends.shift();
    if (at === undefined || until === undefined) return;
    this.numbers[at / 8 + 1] = result;
    this.numbers[at / 8 + 2] = start;
    this.numbers[at / 8 + 3] = end;
    Atomics.store(this.header, WRITTEN, until);
  }

  /** Drops the prepared records not published (the call did not go as prepared). */
  discard(): void {
    this.pending = Atomics.load(this.header, WRITTEN);
    this.starts.length = 0;
    this.ends.length = 0;
  }

  /** Says how many keyboard lines the child has taken: everything it made until now is published. */
  heard(lines: number): void {
    Atomics.store(this.header, HEARD, lines);
  }

  /** Sets the doorbell; true if it was not set already (then the caller rings it). */
  ring(): boolean {
    return Atomics.exchange(this.header, BELL, 1) === 0;
  }
}

/** The parent's side. */
export class ReportRingReader extends RingMemory {
  /** The keyboard lines the child had taken when it last published all it had. */
  get heard(): number {
    return Atomics.load(this.header, HEARD);
  }

  /** Every record published since the last take, in order; their space is then free. */
  take(): RingRecord[] {
    Atomics.store(this.header, BELL, 0);
    const written = Atomics.load(this.header, WRITTEN);
    let read = Atomics.load(this.header, READ);
    const records: RingRecord[] = [];
    while (read !== written) {
      const at = this.offset(read);
      const length = this.ints[at / 4] ?? 0;
      if (length === WRAP) {
        read = (read + this.capacity - at) | 0;
        continue;
      }
      records.push({
        kind: (this.ints[at / 4 + 1] ?? 0) as RecordKind,
        text: this.bytes.toString('utf8', at + RECORD_HEADER, at + RECORD_HEADER + length),
        result: this.numbers[at / 8 + 1] ?? 0,
        start: this.numbers[at / 8 + 2] ?? 0,
        end: this.numbers[at / 8 + 3] ?? 0,
      });
      read = (read + align8(RECORD_HEADER + length)) | 0;
    }
    Atomics.store(this.header, READ, read);
    return records;
  }
}

/** A record's events, completed with what was published after it was prepared. */
export function eventsOf(record: RingRecord): LinkEvent[] {
  // Lines end in '\n': the empty string after the last is no event (and JSON.parse's throw on it cost more than the parse of every line before it).
  if (record.kind === RecordKind.Lines) return record.text.split('\n').flatMap((line) => (line === '' ? [] : (parseEvent(line) ?? [])));
  let events: LinkEvent[];
  try {
    events = JSON.parse(record.text) as LinkEvent[];
  } catch {
    return [];
  }
  return events.map((event, i) => {
    if (record.kind === RecordKind.Call && i === 0 && event.type === 'syscall') return { ...event, result: record.result, start: record.start, at: record.end };
    return { ...event, at: record.end };
  });
}
