// The child's report ring: records come out whole and in the order they were made, across
// wraps of the ring, none before it is published; a full ring refuses a record until the
// parent drains it. And the parent's reader over a real memfd mapped twice (as parent and
// child map it): it looks on its timer only while a keyboard line's turn is unreported.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LinkEvent } from '../../src/ipc/events.js';
import { RecordKind, ReportRingReader, ReportRingWriter, eventsOf, ringBytes } from '../../src/ipc/report-ring.js';
import { ReportReader } from '../../src/ipc/report-reader.js';
import { loadLibc } from '../../src/kernel/libc.js';
import { waitUntil } from '../support/wait.js';

const line = (n: number): string => `${JSON.stringify({ type: 'activity', proc: 'child', activity: { doing: 'typing' }, at: n })}\n`;
const atOf = (events: LinkEvent[]): number[] => events.map((e) => e.at);

describe('the report ring', () => {
  it('gives every record whole and in order over many wraps, each once it is published', () => {
    const buffer = new ArrayBuffer(ringBytes(4096));
    const writer = new ReportRingWriter(buffer);
    const reader = new ReportRingReader(buffer);
    const seen: number[] = [];
    for (let n = 0; n < 500; n++) {
      expect(writer.prepare(line(n) + 'x'.repeat(n % 300), RecordKind.Lines)).toBe(true);
      expect(reader.take()).toEqual([]);
      writer.publish();
      seen.push(...reader.take().flatMap(eventsOf).map((e) => e.at));
    }
    expect(seen).toEqual([...Array(500).keys()]);
  });

  it('refuses a record while the ring is full, and takes it once the parent has drained', () => {
    const buffer = new ArrayBuffer(ringBytes(4096));
    const writer = new ReportRingWriter(buffer);
    const reader = new ReportRingReader(buffer);
    const big = line(1) + ' '.repeat(1500);
    expect(writer.prepare(big, RecordKind.Lines)).toBe(true);
    writer.publish();
    expect(writer.prepare(big, RecordKind.Lines)).toBe(true);
    writer.publish();
    expect(writer.prepare(big, RecordKind.Lines)).toBe(false);
    expect(reader.take()).toHaveLength(2);
    expect(writer.prepare(big, RecordKind.Lines)).toBe(true);
  });

  it("completes a call's record with the result and times published after the call, and drops a discarded one", () => {
    const buffer = new ArrayBuffer(ringBytes(4096));
    const writer = new ReportRingWriter(buffer);
    const reader = new ReportRingReader(buffer);
    const call = { type: 'syscall', proc: 'child', call: 'write', fd: 4, requested: 16, result: 16, data: '', start: 0, at: 0 };
    const then = { type: 'activity', proc: 'child', activity: { doing: 'reading', fd: 3 }, at: 0 };
    writer.prepare(JSON.stringify([call, then]), RecordKind.Call);
    writer.discard();
    writer.prepare(JSON.stringify([call, then]), RecordKind.Call);
    writer.publish(16, 1000, 1042);
    const events = reader.take().flatMap(eventsOf);
    expect(events).toEqual([
      { ...call, result: 16, start: 1000, at: 1042 },
      { ...then, at: 1042 },
    ]);
    expect(atOf(events)).toEqual([1042, 1042]);
  });

  it('rings the doorbell once until the parent drains', () => {
    const buffer = new ArrayBuffer(ringBytes(4096));
    const writer = new ReportRingWriter(buffer);
    const reader = new ReportRingReader(buffer);
    expect(writer.ring()).toBe(true);
    expect(writer.ring()).toBe(false);
    reader.take();
    expect(writer.ring()).toBe(true);
  });
});

describe("the parent's reader of the ring", () => {
  it.runIf(process.platform === 'linux')('takes what the child publishes in its turn on a timer that stops once the turn is reported, and runs none at rest', async () => {
    const libc = await loadLibc();
    const events: LinkEvent[] = [];
    const reader = ReportReader.create(libc, (event) => events.push(event));
    if (!reader) throw new Error('no memfd_create on Linux');
    const child = libc.memory.map(reader.fd, fs.fstatSync(reader.fd).size);
    fs.closeSync(reader.fd);
    try {
      const writer = new ReportRingWriter(child.buffer);
      expect(reader.polling).toBe(false);
      reader.lineSent();
      expect(reader.polling).toBe(true);
      // The child's turn: records published with no doorbell, then the count of lines heard.
      writer.prepare(line(7), RecordKind.Lines);
      writer.publish();
      await waitUntil(() => events.length === 1, { what: 'the record taken on the timer' });
      expect(reader.polling).toBe(true);
      writer.heard(1);
      await waitUntil(() => !reader.polling, { what: 'the timer to stop' });
      expect(atOf(events)).toEqual([7]);
    } finally {
      reader.close();
      child.unmap();
    }
  });
});
