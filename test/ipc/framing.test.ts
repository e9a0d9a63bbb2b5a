import { describe, expect, it } from 'vitest';
import { FrameDecoder, MAX_MESSAGE_BYTES, MessageTooLongError, encodeFrame } from '../../src/ipc/framing.js';

function feed(decoder: FrameDecoder, chunks: Buffer[]) {
  return chunks.map((chunk) => decoder.push(chunk)).reduce(
    (all, r) => ({ frames: [...all.frames, ...r.frames], errors: [...all.errors, ...r.errors] }),
    { frames: [], errors: [] } as ReturnType<FrameDecoder['push']>,
  );
}

describe('framing', () => {
  it('tags each frame with its writer and sequence number', () => {
    expect(encodeFrame('child', 1, 'Who are you?').toString()).toBe('C1:Who are you?\n');
    const { frames } = new FrameDecoder().push(encodeFrame('parent', 2, 'I am your parent'));
    expect(frames).toEqual([{ writer: 'parent', seq: 2, text: 'I am your parent', bytes: 20 }]);
  });

  it('reassembles a frame read one byte at a time, UTF-8 split inside characters', () => {
    const text = '안녕하세요 👋 parent';
    const wire = encodeFrame('child', 3, text);
    const chunks = [...wire].map((byte) => Buffer.from([byte]));
    const decoder = new FrameDecoder();
    const { frames } = feed(decoder, chunks);
    expect(frames.map((f) => f.text)).toEqual([text]);
    // Nothing was left behind: the next frame comes out alone.
    expect(decoder.push(encodeFrame('parent', 1, 'next')).frames.map((f) => f.text)).toEqual(['next']);
  });

  it('returns every frame of a read that took several, and keeps the partial tail', () => {
    const wire = Buffer.concat([encodeFrame('child', 1, 'one'), encodeFrame('parent', 1, 'two'), encodeFrame('child', 2, 'thr')]);
    const decoder = new FrameDecoder();
    const first = decoder.push(wire.subarray(0, wire.length - 3));
    expect(first.frames.map((f) => f.text)).toEqual(['one', 'two']);
    expect(decoder.push(wire.subarray(wire.length - 3)).frames.map((f) => f.text)).toEqual(['thr']);
  });

  it('carries a 64 KiB message whole, and refuses one byte more with a clear error', () => {
    const max = 'x'.repeat(MAX_MESSAGE_BYTES);
    const wire = encodeFrame('child', 1, max);
    const decoder = new FrameDecoder();
    const { frames } = feed(decoder, [wire.subarray(0, 4096), wire.subarray(4096, 65536), wire.subarray(65536)]);
    expect(frames[0]?.text.length).toBe(MAX_MESSAGE_BYTES);
    expect(() => encodeFrame('child', 1, `${max}x`)).toThrow(MessageTooLongError);
    expect(() => encodeFrame('child', 1, `${max}x`)).toThrow(/65537 bytes; the limit is 65536 bytes \(64 KiB\)/);
  });

  it('reports an oversized frame from the wire and decodes the next one', () => {
    const decoder = new FrameDecoder();
    const huge = Buffer.alloc(MAX_MESSAGE_BYTES + 100, 0x61);
    const { frames, errors } = feed(decoder, [huge.subarray(0, 40000), huge.subarray(40000), Buffer.from('\nC2:ok\n')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/limit is 65536 bytes/);
    expect(frames.map((f) => f.text)).toEqual(['ok']);
  });

  it('keeps bytes without a tag as a frame of unknown writer', () => {
    const { frames } = new FrameDecoder().push(Buffer.from('hello\n'));
    expect(frames).toEqual([{ writer: null, seq: 0, text: 'hello', bytes: 6 }]);
  });

  it('refuses a newline inside a message', () => {
    expect(() => encodeFrame('parent', 1, 'a\nb')).toThrow(/newline/);
  });
});
