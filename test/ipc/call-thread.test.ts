// The parent's call thread is kept for the next link once its link is closed: nothing the
// closed link still asks may reach the next one. A call asked after the release is
// answered at once, as not made, and the kept thread binds to the next link cleanly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CallThread, dropThread, takeThread, threadsRunning } from '../../src/ipc/call-thread.js';
import { openKernelPipes } from '../../src/kernel/anonymous-pipes.js';

const script = path.resolve('dist/call-thread.js');
const opened: number[] = [];
afterEach(() => opened.splice(0).forEach((fd) => fs.closeSync(fd)));

async function pipeBinding() {
  const [pipe] = await openKernelPipes([['read-blocking', 'write-blocking']]);
  const [readFd, writeFd] = pipe!.fds as [number, number];
  opened.push(readFd, writeFd);
  return { wiring: null, argv: [], readFd, writeFd, memory: null };
}

describe('the call thread kept for the next link', () => {
  it('answers a call asked after its release at once, and binds to the next link as if none had been asked', async () => {
    const first = await CallThread.bind(script, takeThread(script), await pipeBinding());
    await first.release();
    const late = first.read();
    const binding = await pipeBinding();
    const next = await CallThread.bind(script, takeThread(script), binding);
    await expect(late).resolves.toMatchObject({ result: 'EIO' });
    const { write, read } = await next.write(Buffer.from('C1:hi\n'), 0, true);
    expect(write.result).toBe(6);
    expect((await read)?.result).toBe(6);
    expect(next.readBuffer.subarray(0, 6).toString()).toBe('C1:hi\n');
    await next.release();
  });
});

describe('threadsRunning (V8 flags for the screen wait for it)', () => {
  it('resolves once a thread just started runs its own code', async () => {
    // A script of this test's own: a thread kept by another test for dist/call-thread.js would be running already.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-test-thread-'));
    const own = path.join(dir, 'idle-thread.mjs');
    fs.writeFileSync(own, 'setInterval(() => {}, 1000);\n');
    try {
      const worker = takeThread(own);
      let online = false;
      worker.once('online', () => (online = true));
      await threadsRunning();
      expect(online).toBe(true);
      dropThread(worker);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
