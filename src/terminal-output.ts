// The one way the command line prints a message (usage, errors, warnings, reports).
// A message can quote a file name, an option value or a file's content, so each line
// goes through the same sanitizing as the screen: no escape sequence from a user or a
// file reaches the terminal, on stdout or stderr. A reader that goes away early
// (`pipe-chat race | true`, `--help | head -1`) is not an error: EPIPE ends the
// output quietly and the program exits with the code it would have had.
import { sanitizeLines } from './app/text/sanitize.js';

const broken = new WeakSet<NodeJS.WritableStream>();

export function say(stream: NodeJS.WriteStream, text: string): void {
  if (broken.has(stream)) return;
  stream.write(`${sanitizeLines(text)}\n`);
}

/** Turns EPIPE on stdout and stderr into silence; any other write error still surfaces. */
export function quietOnBrokenPipe(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      broken.add(stream);
    });
  }
}
