// The C lines of a channel whose processes read(2) and write(2) file descriptors (the
// pipes, the named pipe, the socket): each process's write of the framed line and its
// read into buf, on the end the program names, with their results checked. One place, so
// that every such program makes its calls the same way.
import type { CodeLine, ProcessPart } from './channel.js';
import type { Lang } from './channel-words.js';

/** A process's part on fds: `write(writeEnd, ...)`, `read(readEnd, ...)`, after `setup` (the ends it closes). */
export function fdPart(readEnd: string, writeEnd: string, setup: readonly string[] = [], finish: readonly CodeLine[] = []): ProcessPart {
  const write: CodeLine[] = [{ text: `n = write(${writeEnd}, buf, len);`, spot: 'write' }, 'if (n != len) die("write");'];
  const read: CodeLine[] = [{ text: `n = read(${readEnd}, buf, BUF_SIZE);`, spot: 'read' }, 'if (n == -1) die("read");'];
  return { setup, write, read, finish };
}

/** How pipe-chat's child finds a channel on two fds, for the comment at fork(). */
export const ENDS_AT_FDS_3_AND_4: Record<Lang, string> = {
  en: 'its ends at fds 3 and 4',
  ko: 'fd 3과 4에서 자기 끝을',
};
