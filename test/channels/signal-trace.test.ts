// The trace of a write on signals lists its tgkill calls, a byte a line: the byte, its
// bits, and the signal each bit went as, then the SIGRTMIN that ends the message.
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../src/app/state/model.js';
import { signalTraceDetail } from '../../src/channels/signal/trace-detail.js';

const write = (bytes: string, result: number | string): TraceEntry => ({
  id: 0, session: 1, start: 0, at: 1, proc: 'child', pid: 2, call: 'write', fd: -1, on: 'tgkill(TID 3, SIGUSR1|SIGUSR2) + ack', result, requested: bytes.length, head: Buffer.from(bytes),
});
const text = (lines: ReturnType<typeof signalTraceDetail>): string[] => lines.map((l) => l.map((s) => s.text).join('').trim());

describe("a signal write's trace", () => {
  it('lists the tgkill calls of each byte, then the end', () => {
    expect(text(signalTraceDetail(write('C\n', 2), 80))).toEqual([
      'C  01000011  tgkill USR1 USR2 USR1 USR1 USR1 USR1 USR2 USR2',
      '␊  00001010  tgkill USR1 USR1 USR1 USR1 USR2 USR1 USR2 USR1',
      'tgkill RTMIN',
    ]);
  });

  it('lists none for a write that failed, and nothing under a read', () => {
    expect(signalTraceDetail(write('C1:hi\n', 'ESRCH'), 80)).toEqual([]);
    expect(signalTraceDetail({ ...write('C1:hi\n', 6), call: 'read' }, 80)).toEqual([]);
  });
});
