// The one way the command line prints a message (usage, errors, warnings, reports).
// A message can quote a file name, an option value or a file's content, so each line
// goes through the same sanitizing as the screen: no escape sequence from a user or a
// file reaches the terminal, on stdout or stderr. A reader that goes away early
// (`pipe-chat race | true`, `--help | head -1`) is not an error: EPIPE ends the
// output quietly and the program exits with the code it would have had. Any other
// write error (ENOSPC on a full disk, EIO from a terminal that is gone) is never thrown:
// it is one line on stderr (while stderr works), exit status 1, and whoever listens
// (the chat, which then ends) is told.
import { sanitizeLines } from './text/sanitize.js';

const broken = new WeakSet<NodeJS.WritableStream>();
const lostListeners = new Set<(error: NodeJS.ErrnoException) => void>();
let failed = false;

export function say(stream: NodeJS.WriteStream, text: string): void {
  if (broken.has(stream)) return;
  stream.write(`${sanitizeLines(text)}\n`);
}

/** True once a write to stdout or stderr failed with anything but EPIPE. */
export function outputFailed(): boolean {
  return failed;
}

/** The exit status of a run that would end with `code`: at least 1 once the output failed. */
export function exitStatus(code: number): number {
  return failed ? Math.max(code, 1) : code;
}

/** Hears of an output that failed (the terminal is gone, the disk is full); returns the way to stop listening. */
export function whenOutputLost(listener: (error: NodeJS.ErrnoException) => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

/**
 * Turns EPIPE on stdout and stderr into silence, and any other write error into one
 * line on stderr (`describe` words it) and exit status 1.
 */
export function watchOutput(describe: (stream: 'stdout' | 'stderr', error: NodeJS.ErrnoException) => string, streams = { stdout: process.stdout, stderr: process.stderr }): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = streams[name];
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (broken.has(stream)) return;
      broken.add(stream);
      if (error.code === 'EPIPE') return;
      failed = true;
      process.exitCode = Math.max(Number(process.exitCode ?? 0) || 0, 1);
      if (name === 'stdout') say(streams.stderr, describe(name, error));
      for (const listener of lostListeners) listener(error);
    });
  }
}
