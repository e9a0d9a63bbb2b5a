// An outside process streaming into the named pipe makes the parent read 64 KiB at a
// time; the trace keeps the latest 2000 calls with a 160-byte preview each. The preview
// must be a copy: a slice would keep each read's whole buffer alive (2000 × 64 KiB).
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { reduce } from '../../../src/app/state/conversation-reducer.js';
import { Script, play } from '../events.js';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const READ_BYTES = 64 * 1024;
const READS = 1000;
const MiB = 1024 * 1024;

function externalBytes(): number {
  gc();
  gc();
  return process.memoryUsage().arrayBuffers;
}

describe('the trace of a long outside stream', () => {
  it(`keeps previews, not read buffers: ${READS} reads of 64 KiB retain less than 8 MiB`, () => {
    const script = new Script(1, 'one');
    let state = play(script.start());
    const data = Buffer.alloc(READ_BYTES, 0x61).toString('base64');
    const before = externalBytes();
    for (let i = 0; i < READS; i++) {
      const start = script.at + i * 10;
      state = reduce(state, script.event({ type: 'syscall', proc: 'parent', call: 'read', fd: 20, requested: 65600, result: READ_BYTES, data, start, at: start + 5 }));
    }
    const retained = externalBytes() - before;
    expect(state.trace.length).toBe(READS);
    expect(state.trace.at(-1)?.head.length).toBe(160);
    expect(retained).toBeLessThan(8 * MiB);
  });
});
