// The reader's side of the many-writers experiment, pure: it takes the bytes that
// read(2) returned, in order, and attributes every byte to the writer that wrote it.
// A pipe keeps each writer's bytes in order, so each writer's next byte is known; a
// byte that is not the current writer's next one starts another writer's piece. A
// message that arrived in one piece is whole; in more than one, torn, and the pieces
// of other writers between its own are the evidence. Nothing is assumed: a byte that
// fits no writer, or more than one, is reported as an error, never guessed.
import { expectedByte, fillerByte, TAG_LENGTH } from './writer-message.js';

/** Consecutive bytes of one message, as they lay in the stream. */
export interface Piece {
  writer: number;
  /** 1-based, as in the tag. */
  message: number;
  /** Where the piece starts inside its message. */
  messageOffset: number;
  /** Where the piece starts in everything the reader read. */
  streamOffset: number;
  length: number;
}

export interface TornEvidence {
  /** The torn message's own pieces, in stream order. */
  pieces: Piece[];
  /** Other messages' pieces that lie between its first and its last piece. */
  intruders: Piece[];
}

export interface StreamVerdict {
  bytes: number;
  whole: number;
  torn: number;
  /** The first torn message in stream order, if any. */
  firstTorn: TornEvidence | null;
}

export class StreamChecker {
  private readonly consumed: number[];
  private readonly piecesOf: Uint32Array;
  private readonly pieces: Piece[] = [];
  private current = -1;
  private offset = 0;
  private readonly total: number;

  constructor(
    private readonly writers: number,
    private readonly messages: number,
    private readonly size: number,
  ) {
    this.consumed = new Array<number>(writers).fill(0);
    this.piecesOf = new Uint32Array(writers * messages);
    this.total = messages * size;
  }

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      const byte = chunk[i] as number;
      const writer = this.isNext(this.current, byte) ? this.current : this.onlyWriterExpecting(byte);
      const taken = this.take(writer, chunk, i);
      i += taken;
    }
  }

  finish(): StreamVerdict {
    const short = this.consumed.findIndex((n) => n !== this.total);
    if (short >= 0) throw new Error(`writer ${short + 1} delivered ${this.consumed[short]} of ${this.total} bytes`);
    let whole = 0;
    for (const count of this.piecesOf) if (count === 1) whole++;
    return { bytes: this.offset, whole, torn: this.piecesOf.length - whole, firstTorn: this.firstTorn() };
  }

  private isNext(writer: number, byte: number): boolean {
    const done = this.consumed[writer];
    return done !== undefined && done < this.total && expectedByte(writer, this.size, done) === byte;
  }

  private onlyWriterExpecting(byte: number): number {
    const candidates: number[] = [];
    for (let w = 0; w < this.writers; w++) if (this.isNext(w, byte)) candidates.push(w);
    if (candidates.length !== 1) {
      const which = candidates.length === 0 ? 'no writer' : `${candidates.length} writers`;
      throw new Error(`byte ${this.offset} of the stream (0x${byte.toString(16)}) is the next byte of ${which}`);
    }
    return candidates[0] as number;
  }

  /** Takes the writer's byte at chunk[i], and the rest of its filler run that follows; returns how many. */
  private take(writer: number, chunk: Uint8Array, i: number): number {
    const done = this.consumed[writer] as number;
    const message = Math.floor(done / this.size);
    const at = done - message * this.size;
    let end = i + 1;
    if (at >= TAG_LENGTH) {
      const fillerEnd = Math.min(chunk.length, i + (this.size - 1 - at));
      const filler = fillerByte(writer);
      while (end < fillerEnd && chunk[end] === filler) end++;
    }
    const length = end - i;
    const last = this.pieces[this.pieces.length - 1];
    if (writer === this.current && last && last.message === message + 1 && last.writer === writer) {
      last.length += length;
    } else {
      this.pieces.push({ writer, message: message + 1, messageOffset: at, streamOffset: this.offset, length });
      this.piecesOf[writer * this.messages + message] = (this.piecesOf[writer * this.messages + message] ?? 0) + 1;
    }
    this.current = writer;
    this.consumed[writer] = done + length;
    this.offset += length;
    return length;
  }

  private firstTorn(): TornEvidence | null {
    const first = this.pieces.findIndex((p) => (this.piecesOf[p.writer * this.messages + p.message - 1] as number) > 1);
    const torn = this.pieces[first];
    if (!torn) return null;
    const own = (p: Piece): boolean => p.writer === torn.writer && p.message === torn.message;
    let last = first;
    for (let i = first; i < this.pieces.length; i++) if (own(this.pieces[i] as Piece)) last = i;
    const span = this.pieces.slice(first, last + 1);
    return { pieces: span.filter(own), intruders: span.filter((p) => !own(p)) };
  }
}
