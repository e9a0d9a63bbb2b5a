// One writer of `pipe-chat writers`, a process of its own: it writes its messages into
// the shared kernel pipe it was handed as fd 3, each message with ONE write(2) on a
// blocking fd (fs.writeSync), so the kernel alone decides whether a message goes in
// whole. It prepares every buffer first, says "ready" on stdout, and starts when the
// reader sends a byte on stdin, so that all writers write at once. stdin and stdout
// are only this start signal; the messages travel over fd 3 only.
import fs from 'node:fs';
import { firstMessage, retag } from './experiments/writer-message.js';
import { keepDebuggerClosed } from './debugger-signal.js';

keepDebuggerClosed();

const PIPE_FD = 3;
const [writer, size, messages] = process.argv.slice(2).map(Number) as [number, number, number];

function fail(message: string): never {
  process.stderr.write(`writer ${writer}: ${message}\n`);
  process.exit(3);
}

if (!fs.fstatSync(PIPE_FD).isFIFO()) fail(`fd ${PIPE_FD} is not a pipe`);
const buffer = firstMessage(writer, size);
process.stdin.once('data', () => {
  for (let message = 1; message <= messages; message++) {
    retag(buffer, writer, message);
    const written = fs.writeSync(PIPE_FD, buffer);
    if (written !== size) fail(`write(2) took ${written} of ${size} bytes`);
  }
  fs.closeSync(PIPE_FD);
  process.exit(0);
});
process.stdout.write('ready\n');
