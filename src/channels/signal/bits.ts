// A signal carries its number and nothing else, so a message travels bit by bit: each bit
// of each byte, the highest first, is one signal (SIGUSR1 for 0, SIGUSR2 for 1), and one
// SIGRTMIN ends the message. A real-time signal queues (one per send, never merged) and is
// taken after every pending standard signal, so when the receiver takes it, every bit
// that reached it before it is already taken: whatever was lost is lost for good.
// The receiver puts what it took back into bytes. Bits lost shift every byte after them,
// so the text comes out garbled, and a newline can appear inside it: that would end
// pipe-chat's frame early and split one message into two, so the receiver keeps such a
// byte as the newline's picture (␤), and always ends the message with its own newline.

const NEWLINE = 0x0a;
const NEWLINE_PICTURE = Buffer.from('\u2424', 'utf8');

/** The bits of `bytes`, each byte's highest first. */
export function* bitsOf(bytes: Uint8Array): Generator<0 | 1> {
  for (const byte of bytes) for (let bit = 7; bit >= 0; bit--) yield ((byte >> bit) & 1) as 0 | 1;
}

/** Bits taken by a receiver, put back into bytes (a last byte with fewer than 8 bits is counted, not kept). */
export class BitCollector {
  private readonly bytes: number[] = [];
  private current = 0;
  count = 0;

  push(bit: 0 | 1): void {
    this.current = (this.current << 1) | bit;
    this.count++;
    if (this.count % 8 === 0) {
      this.bytes.push(this.current);
      this.current = 0;
    }
  }

  /**
   * The message as a frame in `into`: its whole bytes, a newline inside kept as ␤, ending
   * in one newline (the sender's, when it arrived whole); the length written.
   */
  frameInto(into: Buffer): number {
    const body = this.bytes.at(-1) === NEWLINE ? this.bytes.slice(0, -1) : this.bytes;
    let at = 0;
    for (const byte of body) {
      if (at + NEWLINE_PICTURE.length + 1 > into.length) break;
      if (byte === NEWLINE) at += NEWLINE_PICTURE.copy(into, at);
      else into[at++] = byte;
    }
    into[at++] = NEWLINE;
    return at;
  }
}
