import { describe, expect, it } from 'vitest';
import { StreamChecker } from '../../src/experiments/stream-check.js';
import { firstMessage, retag } from '../../src/experiments/writer-message.js';

const SIZE = 64;
const message = (writer: number, k: number): Buffer => {
  const buffer = firstMessage(writer, SIZE);
  retag(buffer, writer, k);
  return buffer;
};

describe('the reader attributes every byte to its writer', () => {
  it('messages that follow each other whole, in any order of writers, are all whole', () => {
    const checker = new StreamChecker(2, 2, SIZE);
    const stream = Buffer.concat([message(1, 1), message(0, 1), message(0, 2), message(1, 2)]);
    // Split the reads anywhere: a read boundary is not a writer boundary.
    checker.push(stream.subarray(0, 70));
    checker.push(stream.subarray(70));
    expect(checker.finish()).toMatchObject({ bytes: 4 * SIZE, whole: 4, torn: 0, firstTorn: null });
  });

  it("a message with another writer's bytes inside it is torn, and the evidence says whose bytes sit where", () => {
    const checker = new StreamChecker(2, 1, SIZE);
    const a = message(0, 1);
    checker.push(Buffer.concat([a.subarray(0, 40), message(1, 1), a.subarray(40)]));
    const verdict = checker.finish();
    expect(verdict).toMatchObject({ whole: 1, torn: 1 });
    expect(verdict.firstTorn).toEqual({
      pieces: [
        { writer: 0, message: 1, messageOffset: 0, streamOffset: 0, length: 40 },
        { writer: 0, message: 1, messageOffset: 40, streamOffset: 40 + SIZE, length: SIZE - 40 },
      ],
      intruders: [{ writer: 1, message: 1, messageOffset: 0, streamOffset: 40, length: SIZE }],
    });
  });

  it('a split inside the tag is found too', () => {
    const checker = new StreamChecker(2, 1, SIZE);
    const a = message(0, 1);
    checker.push(Buffer.concat([a.subarray(0, 3), message(1, 1), a.subarray(3)]));
    expect(checker.finish()).toMatchObject({ whole: 1, torn: 1 });
  });

  it('a byte no writer wrote, or bytes missing at the end, are errors, not counts', () => {
    const stray = new StreamChecker(1, 1, SIZE);
    expect(() => stray.push(Buffer.from('?'))).toThrow(/byte 0 of the stream \(0x3f\) is the next byte of no writer/);
    const short = new StreamChecker(1, 1, SIZE);
    short.push(message(0, 1).subarray(0, 10));
    expect(() => short.finish()).toThrow(/writer 1 delivered 10 of 64 bytes/);
  });
});
