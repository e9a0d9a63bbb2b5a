// The child reports every call it makes, but between its write() and its read() the C
// child makes no other call, and neither may ours: a report written to stdout there
// would widen the window in which the parent can win the race. So the child's main
// thread only puts each report into shared memory and wakes a reporter thread (one
// futex wake at most); the reporter thread writes it to stdout. One report is in the
// mailbox at a time, so reports reach the parent in the order they were made.
//
// Waking a thread asleep in Atomics.wait can take two futex calls (V8 signals a
// condition variable, then releases a mutex the woken thread wants), and a reporter
// that spun on a CPU to avoid that would take the CPU the parent's reader needs in
// the race. So after each record the reporter dozes: short timed waits (a quarter of
// a millisecond) for a few milliseconds, during which the main thread can publish a
// write's report without waking anyone (no call at all between write and read); only
// then does it sleep for good, saying so in the mailbox. Every other report wakes it at
// once (a futex wake, outside that gap). At rest it costs no CPU.
//
// A write's report is prepared before the write (its JSON, with the bytes it carries)
// and published after it with three numbers: the result and the two times. The
// reporter thread adds those to the JSON; the main thread does no encoding in between.

const PUBLISHED = 0;
const CONSUMED = 1;
const LENGTH = 2;
const KIND = 3;
/** 1 while the reporter sleeps without a timeout: a publish must wake it. */
const ASLEEP = 4;
const HEADER_INTS = 6; // an even count keeps the numbers that follow 8-byte aligned
const NUMBERS = 3; // result, start, end
const DATA_OFFSET = HEADER_INTS * 4 + NUMBERS * 8;
/** The reporter's doze: timed waits this long, this many times, before it sleeps for good. */
const DOZE_MS = 0.25;
const DOZES = 12;

/** What a record holds: JSON lines as they are, or a call's event to be completed with its result and times. */
export const RecordKind = {
  Lines: 0,
  Call: 1,
  /** Made only to warm the path: the reporter thread drops it. */
  Warm: 2,
} as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];

export interface Mailbox {
  buffer: SharedArrayBuffer;
}

export function createMailbox(bytes = 1 << 20): Mailbox {
  return { buffer: new SharedArrayBuffer(DATA_OFFSET + bytes) };
}

/** The main thread's side. */
export class MailboxWriter {
  private readonly header: Int32Array;
  private readonly numbers: Float64Array;
  private readonly data: Buffer;
  private prepared = false;

  constructor(mailbox: Mailbox) {
    this.header = new Int32Array(mailbox.buffer, 0, HEADER_INTS);
    this.numbers = new Float64Array(mailbox.buffer, HEADER_INTS * 4, NUMBERS);
    this.data = Buffer.from(mailbox.buffer, DATA_OFFSET);
  }

  /** Waits until the reporter thread has taken the last record (waking it from its doze: never called between write and read). */
  flush(): void {
    for (;;) {
      const consumed = Atomics.load(this.header, CONSUMED);
      if (consumed === Atomics.load(this.header, PUBLISHED)) return;
      Atomics.notify(this.header, PUBLISHED);
      Atomics.wait(this.header, CONSUMED, consumed);
    }
  }

  /** Fills the mailbox without publishing (the call has not happened yet). Returns false if it does not fit. */
  prepare(text: string, kind: RecordKind): boolean {
    this.flush();
    const length = this.data.write(text, 0, 'utf8');
    if (length >= this.data.length - 4) return false;
    this.header[LENGTH] = length;
    this.header[KIND] = kind;
    this.prepared = true;
    return true;
  }

  /**
   * Hands the prepared record over, with the call's result and times. Quietly (between a
   * write and a read): memory stores, and a wake only if the reporter sleeps for good;
   * otherwise the reporter is woken at once.
   */
  publish(result = 0, start = 0, end = 0, quiet = false): void {
    if (!this.prepared) return;
    this.prepared = false;
    this.numbers[0] = result;
    this.numbers[1] = start;
    this.numbers[2] = end;
    Atomics.add(this.header, PUBLISHED, 1);
    if (!quiet || Atomics.load(this.header, ASLEEP) === 1) Atomics.notify(this.header, PUBLISHED);
  }
}

export interface TakenRecord {
  kind: RecordKind;
  text: string;
  result: number;
  start: number;
  end: number;
}

/** The reporter thread's side: blocks (futex wait) until a record is published. */
export class MailboxReader {
  private readonly header: Int32Array;
  private readonly numbers: Float64Array;
  private readonly data: Buffer;

  constructor(mailbox: Mailbox) {
    this.header = new Int32Array(mailbox.buffer, 0, HEADER_INTS);
    this.numbers = new Float64Array(mailbox.buffer, HEADER_INTS * 4, NUMBERS);
    this.data = Buffer.from(mailbox.buffer, DATA_OFFSET);
  }

  take(): TakenRecord {
    const consumed = Atomics.load(this.header, CONSUMED);
    // Each wake starts a doze.
    while (Atomics.load(this.header, PUBLISHED) === consumed) {
      for (let doze = 0; doze < DOZES && Atomics.load(this.header, PUBLISHED) === consumed; doze++) {
        Atomics.wait(this.header, PUBLISHED, consumed, DOZE_MS);
      }
      if (Atomics.load(this.header, PUBLISHED) !== consumed) break;
      // Say so before the last look: a publish after it sees ASLEEP and wakes us (both are seq-cst).
      Atomics.store(this.header, ASLEEP, 1);
      if (Atomics.load(this.header, PUBLISHED) === consumed) Atomics.wait(this.header, PUBLISHED, consumed);
      Atomics.store(this.header, ASLEEP, 0);
    }
    return {
      kind: this.header[KIND] as RecordKind,
      text: this.data.toString('utf8', 0, this.header[LENGTH]),
      result: this.numbers[0] ?? 0,
      start: this.numbers[1] ?? 0,
      end: this.numbers[2] ?? 0,
    };
  }

  /** Frees the mailbox for the next record. */
  done(): void {
    Atomics.add(this.header, CONSUMED, 1);
    Atomics.notify(this.header, CONSUMED);
  }
}
