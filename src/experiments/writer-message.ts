// The messages of the many-writers experiment, shared by the writer that writes them
// and the reader that checks them, so both agree byte for byte. A message is a tag
// (the writer's capital letter and a four-digit number: "C0007:"), then the writer's
// small letter as filler, then a newline. The filler names its writer in every byte,
// which is what lets the reader say whose bytes sit inside whose when writes tear.
export const MAX_WRITERS = 16;
export const TAG_LENGTH = 6;
export const MIN_MESSAGE_SIZE = 16;
export const MAX_MESSAGES = 100;

const CAPITAL_A = 0x41;
const SMALL_A = 0x61;
const NEWLINE = 0x0a;

export function writerLetter(writer: number): string {
  return String.fromCharCode(CAPITAL_A + writer);
}

/** "C7": how a message is named on screen (writer 2, message 7). */
export function messageName(writer: number, message: number): string {
  return `${writerLetter(writer)}${message}`;
}

function tag(writer: number, message: number): string {
  return `${writerLetter(writer)}${String(message).padStart(TAG_LENGTH - 2, '0')}:`;
}

/** A buffer holding the writer's message 1; `retag` turns it into message k in place. */
export function firstMessage(writer: number, size: number): Buffer {
  const buffer = Buffer.alloc(size, SMALL_A + writer);
  buffer[size - 1] = NEWLINE;
  retag(buffer, writer, 1);
  return buffer;
}

export function retag(buffer: Buffer, writer: number, message: number): void {
  buffer.write(tag(writer, message), 0, 'latin1');
}

/** The byte at `offset` of everything the writer writes (its messages, back to back). */
export function expectedByte(writer: number, size: number, offset: number): number {
  const index = Math.floor(offset / size);
  const at = offset - index * size;
  if (at === size - 1) return NEWLINE;
  if (at >= TAG_LENGTH) return SMALL_A + writer;
  return tag(writer, index + 1).charCodeAt(at);
}

export function fillerByte(writer: number): number {
  return SMALL_A + writer;
}
