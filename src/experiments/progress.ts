// A progress line on stderr for runs that take more than about a second, redrawn in
// place. Only on a terminal: a redirected stderr (a log, a pipe) gets nothing, and the
// line is erased before the result is printed.
import { truncateToWidth } from '../text/text-width.js';

const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  update(text: () => string): void;
  done(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr, enabled = true): Progress {
  const started = performance.now();
  let drawnAt = 0;
  let drawn = false;
  if (!enabled || !stream.isTTY) return { update: () => {}, done: () => {} };
  return {
    update(text) {
      const now = performance.now();
      if (now - started < SHOW_AFTER_MS || now - drawnAt < REDRAW_EVERY_MS) return;
      drawnAt = now;
      drawn = true;
      stream.write(`\r\x1b[K${truncateToWidth(text(), (stream.columns || 80) - 1)}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
