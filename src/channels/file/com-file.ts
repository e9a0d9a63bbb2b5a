// The shared file, com.txt as the textbook names it: where it lives (../cache-file.ts: a
// private directory of the cache directory), and what its writers put in it. One line per
// direction, each at the start of a slot of its own: slot 0 (offset 0) carries the child's
// messages to the parent, slot 1 (offset SLOT_BYTES) the parent's to the child. A line is
//   SEQ LEN TEXT<spaces> SEQ\n
// SEQ: the writer's count of messages (10 digits); LEN: the framed line's length, its
// newline included (5 digits); TEXT: the framed line without its newline ("C1:hello");
// spaces up to the widest line its writer has written, so that a shorter line covers all
// of the one before it; SEQ again, and the newline. `cat` of the file shows each
// direction's message on a line of its own (the rest of each slot is zeros, which a
// terminal does not show).
// A writer writes its whole line with one pwrite(2) and goes on: nothing makes it wait for
// its reader, so a line nobody read is overwritten (its reader sees SEQ jump: LOST). The
// reader pread(2)s the line's head again and again until SEQ moves, then the whole slot
// in one pread. The kernel copies a pwrite into the page cache and a pread out of it in
// address order, neither waiting for the other: a copy that mixes two lines has two SEQs
// that disagree (or no end at all), and is TORN. Both are counted, never guessed.
import fs from 'node:fs';
import { errnoCode } from '../../ipc/events.js';
import type { CacheFileKind } from '../cache-file.js';
import type { CallResult } from '../channel-ends.js';
import type { SpinSource } from '../spinning-reader.js';

export const COM_FILE: CacheFileKind = { dirPrefix: 'pipe-chat-file-', fileName: 'com.txt' };

const SEQ_DIGITS = 10;
const LEN_DIGITS = 5;
/** "SEQ LEN ": what the reader's spinning pread reads. */
export const HEAD_BYTES = SEQ_DIGITS + 1 + LEN_DIGITS + 1;
/** " SEQ\n" */
const TAIL_BYTES = 1 + SEQ_DIGITS + 1;
/** Room for the longest line: the largest frame (64 KiB of text and its tag), head and tail. */
export const SLOT_BYTES = 68 * 1024;
/** The file's size, made so at the start: both slots, zeros until written. */
export const FILE_BYTES = 2 * SLOT_BYTES;
const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Slot 0: child → parent; slot 1: parent → child. */
export type Slot = 0 | 1;

export function slotOffset(slot: Slot): number {
  return slot * SLOT_BYTES;
}

const digits = (n: number, width: number): string => String(n).padStart(width, '0');

/** The decimal number in `bytes[from, from + width)`; null where any of them is not a digit. */
function numberAt(bytes: Uint8Array, from: number, width: number): number | null {
  let n = 0;
  for (let i = from; i < from + width; i++) {
    const d = (bytes[i] ?? 0) - 0x30;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}

/** A line's head: its SEQ and LEN; null while it is not one (a slot never written holds zeros). */
function headOf(bytes: Uint8Array): { seq: number; length: number } | null {
  const seq = numberAt(bytes, 0, SEQ_DIGITS);
  const length = numberAt(bytes, SEQ_DIGITS + 1, LEN_DIGITS);
  if (seq === null || length === null || length < 1 || HEAD_BYTES + length - 1 + TAIL_BYTES > SLOT_BYTES) return null;
  return bytes[SEQ_DIGITS] === SPACE && bytes[HEAD_BYTES - 1] === SPACE ? { seq, length } : null;
}

/** One pread(2) of `into.length` bytes at `offset`: the bytes read, or the errno code. */
function pread(fd: number, into: Uint8Array, offset: number): number | string {
  try {
    return fs.readSync(fd, into, 0, into.length, offset);
  } catch (error) {
    return errnoCode(error);
  }
}

/**
 * A slot as its reader looks at it (spinning-reader.ts): the count is SEQ as a pread of
 * the head finds it; a copy is a pread of the whole slot, whole when the SEQ at the line's
 * end is the SEQ at its start. A failed pread counts as no message (the reader looks again).
 */
export function slotSource(fd: number, slot: Slot): SpinSource {
  const offset = slotOffset(slot);
  const head = Buffer.alloc(HEAD_BYTES);
  const whole = Buffer.alloc(SLOT_BYTES);
  return {
    count: () => (pread(fd, head, offset) === HEAD_BYTES ? (numberAt(head, 0, SEQ_DIGITS) ?? 0) : 0),
    copy: (into) => {
      if (pread(fd, whole, offset) !== SLOT_BYTES) return 'writing';
      const line = headOf(whole);
      if (line === null) return 'writing';
      const end = whole.indexOf(NEWLINE, HEAD_BYTES + line.length - 1);
      const tailSeq = end < HEAD_BYTES + line.length - 1 + TAIL_BYTES - 1 ? null : numberAt(whole, end - SEQ_DIGITS, SEQ_DIGITS);
      if (tailSeq !== line.seq || whole[end - SEQ_DIGITS - 1] !== SPACE) return 'torn';
      const n = Math.min(line.length, into.length);
      into.set(whole.subarray(HEAD_BYTES, HEAD_BYTES + n - 1));
      into[n - 1] = NEWLINE;
      return { count: line.seq, length: n };
    },
  };
}

/** The line that carries message `seq` (a framed line, its newline last), padded to `width` bytes before its tail. */
export function lineOf(seq: number, frame: Uint8Array, width: number): Buffer {
  const text = frame.at(-1) === NEWLINE ? frame.subarray(0, -1) : frame;
  const body = Buffer.concat([Buffer.from(`${digits(seq, SEQ_DIGITS)} ${digits(text.length + 1, LEN_DIGITS)} `, 'latin1'), text]);
  const padded = Buffer.alloc(Math.max(body.length, width), SPACE);
  body.copy(padded);
  return Buffer.concat([padded, Buffer.from(` ${digits(seq, SEQ_DIGITS)}\n`, 'latin1')]);
}

/** A slot's writer: each message one pwrite(2) of its whole line at the slot's start, never waiting for the reader; returns the frame's bytes, or the errno code. */
export function slotWriter(fd: number, slot: Slot): (frame: Buffer, offset: number) => CallResult {
  const offset = slotOffset(slot);
  let seq = 0;
  let width = 0;
  return (frame, from) => {
    const line = lineOf(seq + 1, frame.subarray(from), width);
    let written: number;
    try {
      written = fs.writeSync(fd, line, 0, line.length, offset);
    } catch (error) {
      return errnoCode(error);
    }
    if (written !== line.length) return `short pwrite: ${written} of ${line.length} bytes`;
    seq++;
    width = line.length - TAIL_BYTES;
    return frame.length - from;
  };
}
