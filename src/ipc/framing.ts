// Messages cross the pipe as newline-terminated frames that name their writer:
// "C1:Who are you?\n" is the child's first message. The tag lets any reader tell
// exactly who wrote the bytes it took (a message read by its own writer is stolen),
// whatever order the two processes report their system calls in. Frames are decoded
// from bytes only once complete, so a read that ends inside a frame, or inside a
// UTF-8 character, loses nothing: the rest waits for the next read.

export type Proc = 'parent' | 'child';

export const MAX_MESSAGE_BYTES = 64 * 1024;
const NEWLINE = 0x0a;
const WRITER_LETTER: Record<Proc, string> = { child: 'C', parent: 'P' };
const HEADER = /^([CP])(\d{1,9}):/;

export interface Frame {
  /** Who wrote it, from the tag; null for bytes that carry no valid tag. */
  writer: Proc | null;
  /** The writer's message number (1 for its first message). */
  seq: number;
  text: string;
  /** Size on the wire, tag and newline included. */
  bytes: number;
}

export class MessageTooLongError extends Error {
  constructor(readonly bytes: number) {
    super(`message is ${bytes} bytes; the limit is ${MAX_MESSAGE_BYTES} bytes (64 KiB)`);
    this.name = 'MessageTooLongError';
  }
}

export function encodeFrame(writer: Proc, seq: number, text: string): Buffer {
  if (text.includes('\n')) throw new Error('a message cannot contain a newline: it ends the frame');
  const payloadBytes = Buffer.byteLength(text, 'utf8');
  if (payloadBytes > MAX_MESSAGE_BYTES) throw new MessageTooLongError(payloadBytes);
  const header = `${WRITER_LETTER[writer]}${seq}:`;
  const frame = Buffer.allocUnsafe(header.length + payloadBytes + 1);
  frame.write(header, 0, 'latin1');
  frame.write(text, header.length, 'utf8');
  frame[frame.length - 1] = NEWLINE;
  return frame;
}

/**
 * The parent never sends message 0: these bytes only end its own blocked read (a read(2)
 * cannot be interrupted, see parent-end.ts). Whoever frames them drops them: no message.
 */
export const WAKE_FRAME = encodeFrame('parent', 0, '');

export function isWakeFrame(frame: Frame): boolean {
  return frame.writer === 'parent' && frame.seq === 0;
}

export function parseFrame(bytes: Buffer): Frame {
  const line = bytes.toString('utf8', 0, bytes.length - 1);
  const tag = HEADER.exec(line);
  if (!tag) return { writer: null, seq: 0, text: line, bytes: bytes.length };
  return {
    writer: tag[1] === 'C' ? 'child' : 'parent',
    seq: Number(tag[2]),
    text: line.slice(tag[0].length),
    bytes: bytes.length,
  };
}

export type DecodeResult = { frames: Frame[]; errors: MessageTooLongError[] };

/** Reassembles frames from the chunks one process reads; one decoder per reader. */
export class FrameDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Set while discarding an oversized frame up to its newline. */
  private discarding = 0;

  private static readonly maxFrameBytes = MAX_MESSAGE_BYTES + 16;

  push(chunk: Buffer): DecodeResult {
    const frames: Frame[] = [];
    const errors: MessageTooLongError[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, nl + 1);
      start = nl + 1;
      if (this.discarding > 0) {
        errors.push(new MessageTooLongError(this.discarding + piece.length - 1));
        this.discarding = 0;
        continue;
      }
      const whole = this.pendingBytes === 0 ? piece : Buffer.concat([...this.pending, piece]);
      this.pending = [];
      this.pendingBytes = 0;
      if (whole.length > FrameDecoder.maxFrameBytes) errors.push(new MessageTooLongError(whole.length - 1));
      else frames.push(parseFrame(whole));
    }
    this.keep(chunk.subarray(start));
    return { frames, errors };
  }

  private keep(rest: Buffer): void {
    if (rest.length === 0) return;
    if (this.discarding > 0) {
      this.discarding += rest.length;
      return;
    }
    if (this.pendingBytes + rest.length > FrameDecoder.maxFrameBytes) {
      this.discarding = this.pendingBytes + rest.length;
      this.pending = [];
      this.pendingBytes = 0;
      return;
    }
    // Copy: the caller may reuse its read buffer.
    this.pending.push(Buffer.from(rest));
    this.pendingBytes += rest.length;
  }
}
