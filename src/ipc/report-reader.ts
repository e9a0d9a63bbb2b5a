// The parent's side of the child's report ring (report-ring.ts). It makes the ring (an
// anonymous memfd that the child gets at fd 6; both map it) and takes the child's reports
// out when the child rings (a byte on its stdout) and, while a keyboard line it sent has
// not been heard of, every POLL_MS on a timer: the child is then in its turn, between its
// keyboard read and its read of the channel, where it makes no call to ring. The timer
// stops once the child says it has published everything of that line's turn, so at rest
// (no line in flight) nothing runs.
import fs from 'node:fs';
import type { LinkEvent } from './events.js';
import { ReportRingReader, eventsOf, ringBytes } from './report-ring.js';
import type { Libc } from '../kernel/libc.js';
import type { Mapping } from '../kernel/mapped-memory.js';

/** How often the parent looks while a turn is in flight: 500 looks a second, each a few loads when nothing is new. */
export const POLL_MS = 2;
/** The data area: room for several turns of the largest messages (64 KiB, base64 in the reports). */
const RING_DATA_BYTES = 2 << 20;

export class ReportReader {
  private readonly reader: ReportRingReader;
  private linesSent = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    /** The memfd to hand the child; the caller closes it once the child is forked. */
    readonly fd: number,
    private readonly mapping: Mapping,
    private readonly onEvent: (event: LinkEvent) => void,
  ) {
    this.reader = new ReportRingReader(mapping.buffer);
  }

  /** A new ring, or null where there is no memfd_create (the child then reports on stdout as lines). */
  static create(libc: Libc, onEvent: (event: LinkEvent) => void): ReportReader | null {
    const bytes = ringBytes(RING_DATA_BYTES);
    const fd = libc.memory.createShared('pipe-chat-reports', bytes);
    if (fd === null) return null;
    try {
      return new ReportReader(fd, libc.memory.map(fd, bytes), onEvent);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  /** True while the timer runs (a keyboard line's turn not yet reported). */
  get polling(): boolean {
    return this.timer !== null;
  }

  /** The child rang: take what it published. */
  rang(): void {
    this.drain();
  }

  /** A keyboard line went to the child: look on the timer until its turn is reported. */
  lineSent(): void {
    if (this.closed) return;
    this.linesSent++;
    this.timer ??= setInterval(() => this.tick(), POLL_MS).unref();
  }

  /** The child is gone: its last reports, then the ring is unmapped. */
  close(): void {
    if (this.closed) return;
    this.drain();
    this.stop();
    this.closed = true;
    this.mapping.unmap();
  }

  private tick(): void {
    // Read before draining: everything the count covers was published before it.
    const heard = this.reader.heard;
    this.drain();
    if (heard >= this.linesSent) this.stop();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private drain(): void {
    if (this.closed) return;
    for (const record of this.reader.take()) for (const event of eventsOf(record)) this.onEvent(event);
  }
}
