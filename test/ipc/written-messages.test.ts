import { describe, expect, it } from 'vitest';
import type { LinkEvent } from '../../src/ipc/events.js';
import { encodeFrame } from '../../src/ipc/framing.js';
import { WrittenMessages } from '../../src/ipc/written-messages.js';

const write = (proc: 'parent' | 'child', bytes: Buffer, at: number): LinkEvent => ({
  type: 'syscall', proc, call: 'write', fd: 4, requested: bytes.length, result: bytes.length, data: bytes.toString('base64'), start: at - 1, at,
});

describe('the messages each process wrote', () => {
  it('come out whole, once the write that completes each frame has returned, per writer', () => {
    const written = new WrittenMessages();
    const big = encodeFrame('child', 1, 'a message in two writes');
    const both = Buffer.concat([encodeFrame('parent', 1, 'one'), encodeFrame('parent', 2, 'two')]);
    expect(written.after(write('child', big.subarray(0, 5), 10))).toEqual([]);
    expect(written.after(write('parent', both, 11)).map((e) => e.type === 'written' && `${e.proc} ${e.frame.seq} ${e.frame.text} @${e.at}`)).toEqual([
      'parent 1 one @11',
      'parent 2 two @11',
    ]);
    expect(written.after(write('child', big.subarray(5), 12)).map((e) => e.type === 'written' && `${e.proc} ${e.frame.seq} ${e.frame.text} @${e.at}`)).toEqual([
      'child 1 a message in two writes @12',
    ]);
  });

  it('leave out the parent\'s wake-up bytes, reads, and writes that failed', () => {
    const written = new WrittenMessages();
    expect(written.after(write('parent', encodeFrame('parent', 0, ''), 1))).toEqual([]);
    expect(written.after({ type: 'syscall', proc: 'child', call: 'write', fd: 4, requested: 9, result: 'EPIPE', data: '', start: 1, at: 2 })).toEqual([]);
    const read = { ...write('child', encodeFrame('child', 1, 'x'), 3), call: 'read' as const };
    expect(written.after(read)).toEqual([]);
  });
});
