// The two message boxes inside the shared segment (or the mapped file), one per
// direction, as both processes lay them out: box 0 carries the child's lines to the
// parent, box 1 the parent's to the child. Each box is a sequence number, a length and
// the message's bytes. The writer makes the sequence number odd, copies its line in (the
// textbook's strcpy), sets the length and makes the number even again: a reader that
// sees the number change while it copied knows its copy is torn (a seqlock), and one
// that sees it jump by more than one message knows it missed some. With the semaphores
// (shm, mmap) the kernel keeps writer and reader apart and neither ever happens; without
// them (shm-busy) both are counted, never guessed.
import { MAX_MESSAGE_BYTES } from '../../ipc/framing.js';
import type { SpinSource } from '../spinning-reader.js';

/** A box's header: the sequence number and the length, 4 bytes each, then the message. */
const HEADER_BYTES = 8;
/** Room for the largest frame the conversation sends. */
export const BOX_CAPACITY = MAX_MESSAGE_BYTES + 64;
export const BOX_BYTES = HEADER_BYTES + BOX_CAPACITY;
/** The size both processes are told: two boxes. */
export const SEGMENT_BYTES = 2 * BOX_BYTES;

/** Box 0: child → parent; box 1: parent → child. */
export const UP = 0;
export const DOWN = 1;
export type BoxIndex = typeof UP | typeof DOWN;

export interface Box {
  /** [0]: the sequence number (twice the messages written, odd while one is being written); [1]: the length. */
  header: Int32Array;
  data: Uint8Array;
}

export function boxOf(memory: ArrayBufferLike, index: BoxIndex): Box {
  const start = index * BOX_BYTES;
  return { header: new Int32Array(memory, start, 2), data: new Uint8Array(memory, start + HEADER_BYTES, BOX_CAPACITY) };
}

/** Copies `bytes` into the box (as much as fits) and returns how many went in. */
export function put(box: Box, bytes: Uint8Array): number {
  const n = Math.min(bytes.length, BOX_CAPACITY);
  Atomics.add(box.header, 0, 1);
  box.data.set(bytes.subarray(0, n));
  Atomics.store(box.header, 1, n);
  Atomics.add(box.header, 0, 1);
  return n;
}

/** The box's sequence number now. */
export function sequence(box: Box): number {
  return Atomics.load(box.header, 0);
}

/** Copies the box's message into `into`; returns its length. */
export function take(box: Box, into: Uint8Array): number {
  const n = Math.min(Atomics.load(box.header, 1), into.length, BOX_CAPACITY);
  into.set(box.data.subarray(0, n));
  return n;
}

/** A seqlock read: the message and its number; 'writing' when a writer is in the box now (nothing copied); 'torn' when one came in while it copied. */
export function readStable(box: Box, into: Uint8Array): { seq: number; length: number } | 'writing' | 'torn' {
  const before = sequence(box);
  if (before % 2 === 1) return 'writing';
  const length = take(box, into);
  return sequence(box) === before ? { seq: before, length } : 'torn';
}

/** The box as a reader without waiting looks at it (spinning-reader.ts): its count of messages is half its sequence number, which moves by 2 per message. */
export function boxSource(box: Box): SpinSource {
  return {
    count: () => sequence(box) >>> 1,
    copy: (into) => {
      const copy = readStable(box, into);
      return typeof copy === 'string' ? copy : { count: copy.seq >>> 1, length: copy.length };
    },
  };
}

/** The first bytes of a box as text (for the kernel view), control characters shown as '.'. */
export function boxHead(box: Box, bytes: number): string {
  const n = Math.min(Atomics.load(box.header, 1), bytes);
  return Buffer.from(box.data.subarray(0, n)).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
}
