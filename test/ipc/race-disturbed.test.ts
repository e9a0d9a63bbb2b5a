// On a named pipe another process can write into the race: a trial whose first message
// read is not the child's is counted as disturbed (neither stolen nor delivered), and the
// race goes on and says so, instead of failing or silently counting one trial less.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { race } from '../../src/experiments/race.js';

const childScript = path.resolve('dist/child.js');

/** The named pipe this process's link made (DIR/chat in a pipe-chat-PID-* directory). */
function ourNamedPipe(): string | undefined {
  for (const root of [process.env.XDG_RUNTIME_DIR, os.tmpdir()]) {
    if (!root || !fs.existsSync(root)) continue;
    const dir = fs.readdirSync(root).find((name) => name.startsWith(`pipe-chat-${process.pid}-`));
    if (dir) return path.join(root, dir, 'chat');
  }
  return undefined;
}

describe('the race on a named pipe', () => {
  it('counts a trial that read an outside line as disturbed, and the others as before', async () => {
    const trials = 20;
    let wrote = false;
    const result = await race({
      wiring: 'named',
      trials,
      delayMs: 0,
      childScript,
      onTrial: (done) => {
        if (done !== 5) return;
        const fifo = ourNamedPipe();
        if (!fifo) return;
        const fd = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
        fs.writeSync(fd, 'a line from outside\n');
        fs.closeSync(fd);
        wrote = true;
      },
    });
    expect(wrote).toBe(true);
    expect(result.disturbed).toBeGreaterThanOrEqual(1);
    expect(result.stolen + result.delivered + result.disturbed).toBe(trials);
  }, 60_000);
});
