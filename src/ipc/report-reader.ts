// The parent's side of the child's report ring (report-ring.ts). It makes the ring (an
// anonymous memfd that the child gets at fd 6; both map it) and takes the child's reports
// out when the child rings (a byte on its stdout) and, while a keyboard line it sent has
// not been heard of, on a timer: the child is then in its turn, between its keyboard read
// and its read of the channel, where it makes no call to ring. The timer looks every
// POLL_MS while records come, and backs off to every MAX_POLL_MS through a long sleep of
// the child's (the textbook's sleep(2)); it stops once the child says it has published
// everything of that line's turn, so at rest (no line in flight) nothing runs.
// The ring's header also holds the child's step gate (step-gate.ts): this side turns step
// mode on and off and lets the child's held call go, with futex(2) on the shared word.
import fs from 'node:fs';
import type { LinkEvent } from './events.js';
import { ReportRingReader, STEP_GATE_BYTE, eventsOf, ringBytes } from './report-ring.js';
import { letGo, setStepping, sharedStepWords, type StepWords } from './step-gate.js';
import type { Libc } from '../kernel/libc.js';
import type { Mapping } from '../kernel/mapped-memory.js';

/** How often the parent looks while a turn is in flight and records come: 500 looks a second (about 4% of a core here). */
export const POLL_MS = 2;
/** The longest wait between looks, each look with nothing new doubling the wait: about 30 looks a second through a long sleep. */
export const MAX_POLL_MS = 32;
/** The data area: room for several turns of the largest messages (64 KiB, base64 in the reports). */
const RING_DATA_BYTES = 2 << 20;

export class ReportReader {
  private readonly reader: ReportRingReader;
  private linesSent = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The child's step gate; null where futex(2) cannot be called. */
  private readonly step: StepWords | null;

  private constructor(
    /** The memfd to hand the child; the caller closes it once the child is forked. */
    readonly fd: number,
    private readonly mapping: Mapping,
    private readonly onEvent: (event: LinkEvent) => void,
    libc: Libc,
  ) {
    this.reader = new ReportRingReader(mapping.buffer);
    this.step = sharedStepWords(libc.memory, mapping, STEP_GATE_BYTE);
  }

  /** A new ring, or null where no memfd can be made (no memfd_create, or `ulimit -f` below its size): the child then reports on stdout as lines. */
  static create(libc: Libc, onEvent: (event: LinkEvent) => void): ReportReader | null {
    const bytes = ringBytes(RING_DATA_BYTES);
    const fd = libc.memory.createShared('pipe-chat-reports', bytes);
    if (fd === null) return null;
    try {
      return new ReportReader(fd, libc.memory.map(fd, bytes), onEvent, libc);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  /** Where the ring is mapped in this process and its size: a child thread views it there (child-thread.ts). */
  get ringAt(): { address: bigint; bytes: number } {
    return { address: this.mapping.address, bytes: this.mapping.buffer.byteLength };
  }

  /** True while the timer runs (a keyboard line's turn not yet reported). */
  get polling(): boolean {
    return this.timer !== null;
  }

  /** The child rang, or the parent is about to report a call of its own: take what the child published. */
  take(): void {
    this.drain();
  }

  /** A keyboard line went to the child: look on the timer until its turn is reported. */
  lineSent(): void {
    if (this.closed) return;
    this.linesSent++;
    if (!this.timer) this.lookIn(POLL_MS);
  }

  /** The child can be held before its calls (step mode): Linux, with its futex(2). */
  get canStep(): boolean {
    return this.step !== null;
  }

  /** Step mode: the calls the child waits at its step gate before (step-gate.ts holdsOf); 0: off, a held call goes at once. */
  setStepping(holds: number): void {
    if (this.step && !this.closed) setStepping(this.step, holds);
  }

  /** Lets the child's held call go; false when it is not held. */
  letGo(): boolean {
    return this.step !== null && !this.closed && letGo(this.step);
  }

  /** The child is gone: its last reports, then the ring is unmapped. */
  close(): void {
    if (this.closed) return;
    this.drain();
    this.stop();
    this.closed = true;
    this.mapping.unmap();
  }

  private lookIn(ms: number): void {
    this.timer = setTimeout(() => this.look(ms), ms).unref();
  }

  private look(waited: number): void {
    // Read before draining: everything the count covers was published before it.
    const heard = this.reader.heard;
    const took = this.drain();
    this.timer = null;
    if (heard < this.linesSent) this.lookIn(took > 0 ? POLL_MS : Math.min(waited * 2, MAX_POLL_MS));
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Emits what the child published since the last look; the count of records taken. */
  private drain(): number {
    if (this.closed) return 0;
    const records = this.reader.take();
    for (const record of records) for (const event of eventsOf(record)) this.onEvent(event);
    return records.length;
  }
}
