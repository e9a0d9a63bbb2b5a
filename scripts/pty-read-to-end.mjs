// When the program in the terminal exits, libuv may take the terminal's hang-up for the
// end of its output while the kernel still holds bytes the program wrote: node-pty then
// closes the terminal and those bytes are lost (node-pty issue #72). On a loaded machine
// they are the program's last frame, the bytes that give the screen and the cursor back,
// which tests check after the exit. Measured here with a program that writes 20 KB and
// exits, three busy loops beside the test: 26 exits in 40 lost their last kilobytes; 0 in
// 40 with this. It reads the rest before the terminal is closed: after the hang-up the
// kernel hands out what is left, then EIO. node-pty also stops reading 200 ms after
// the exit even without the hang-up; that stop waits for the end of the output too.
// Shared by the tests' terminal (test/support/pty.ts) and scripts/fd-limits.mjs, whose
// chat runs end in one line after the terminal is given back.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { clearTimeout, setTimeout } from 'node:timers';

/** Longest wait for the end of the output after the exit (only a process that kept the terminal open reaches it). */
const READ_TO_END_LIMIT_MS = 5_000;

/**
 * Calls `onRest` with what the terminal still held when its stream ended, before node-pty
 * reports the exit. Returns what closes the terminal at once (a test's hang-up), which
 * must not wait for an end of output that only the close itself would bring.
 */
export function readToTheEnd(terminal, onRest) {
  // node-pty's own stream over the terminal and its fd: it keeps no public handle to them.
  const { _socket: socket, _fd: fd } = terminal;
  if (typeof socket?.destroy !== 'function' || typeof fd !== 'number') {
    throw new Error('node-pty changed: its terminal stream (_socket, _fd) is gone; see scripts/pty-read-to-end.mjs');
  }
  const readRest = () => {
    const buffer = Buffer.alloc(64 * 1024);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (;;) {
      let bytes = 0;
      try {
        bytes = fs.readSync(fd, buffer, 0, buffer.length, null);
      } catch {
        break; // EIO: nothing left; EAGAIN: the terminal is still open (another process holds it)
      }
      if (bytes === 0) break;
      rest += decoder.write(buffer.subarray(0, bytes));
    }
    rest += decoder.end();
    if (rest) onRest(rest);
  };
  const destroy = socket.destroy.bind(socket);
  // The stream ends itself with destroy(EIO) after a clean read to the end, and with a bare
  // destroy() after a hang-up taken for the end; node-pty's stop after 200 ms is bare too.
  socket.destroy = (error) => {
    if (error || socket.destroyed) return destroy(error);
    if (socket.readableEnded) {
      readRest();
      return destroy();
    }
    const timer = setTimeout(() => destroy(), READ_TO_END_LIMIT_MS);
    socket.once('close', () => clearTimeout(timer));
    return socket;
  };
  return () => {
    destroy();
  };
}
