// The keeper, a process of its own (chapter 11's echo_storeserver: the server hands every
// line it echoes, through a pipe, to a process that writes them to a file). The parent
// hands it the read end of a kernel pipe as fd 3 and the file as fd 4 (opened by the
// parent with O_CREAT|O_EXCL|O_APPEND, 0600: an existing file is never touched). It
// waits in read(2) on the pipe, appends what it read with write(2), and reports the bytes
// written on stdout, one line a write; at end of file (the parent closed its end, or is
// gone) it closes the file and exits.
import fs from 'node:fs';
import { keepDebuggerClosed } from './debugger-signal.js';
import { errnoCode } from './ipc/events.js';

keepDebuggerClosed();

const PIPE_FD = 3;
const FILE_FD = 4;
const buffer = Buffer.alloc(65536);

function fail(message: string): never {
  process.stderr.write(`keeper: ${message}\n`);
  process.exit(3);
}

if (!fs.fstatSync(PIPE_FD).isFIFO()) fail(`fd ${PIPE_FD} is not a pipe`);
let total = 0;
for (;;) {
  let n: number;
  try {
    n = fs.readSync(PIPE_FD, buffer, 0, buffer.length, null);
  } catch (error) {
    fail(`read: ${errnoCode(error)}`);
  }
  if (n === 0) break;
  for (let off = 0; off < n; ) {
    try {
      off += fs.writeSync(FILE_FD, buffer, off, n - off);
    } catch (error) {
      fail(`write: ${errnoCode(error)}`);
    }
  }
  total += n;
  fs.writeSync(1, `${JSON.stringify({ wrote: n, total })}\n`);
}
fs.closeSync(FILE_FD);
process.exit(0);
