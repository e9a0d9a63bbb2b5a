// The scan for outside holders of a named pipe costs a bounded amount per look, whatever
// other processes hold: a process of another user (which cannot open the FIFO) is not
// looked into at all, and a process of ours with thousands of fds is scanned over several
// looks, each within the budget, until its fd on the FIFO is found.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOOK_BUDGET, findFifoHolders, lastLookCost, mayHold } from '../../src/ipc/fifo-holders.js';

const HELD = 5000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-holders-'));
const fifo = path.join(dir, 'chat');
execFileSync('mkfifo', ['-m', '600', fifo]);
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A process holding HELD fds on /dev/null, then (if asked) the FIFO; resolves once it says ready. */
async function holder(options: { uid?: number; fifo?: string }): Promise<ChildProcess> {
  const open = `const fs=require('fs');for(let i=0;i<${HELD};i++)fs.openSync('/dev/null','r');${options.fifo ? `fs.openSync(${JSON.stringify(options.fifo)},fs.constants.O_RDWR|fs.constants.O_NONBLOCK);` : ''}process.stdout.write('ready\\n');setInterval(()=>{},1000);`;
  const child = spawn('bash', ['-c', `ulimit -n ${HELD + 100} && exec "${process.execPath}" -e "$0"`, open], { stdio: ['ignore', 'pipe', 'inherit'], ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}) });
  children.push(child);
  await new Promise((resolve, reject) => {
    child.stdout?.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`the holder exited (${code})`)));
  });
  return child;
}

describe('outside holders of a named pipe', () => {
  it.runIf(process.getuid?.() === 0)('another user\'s process, however many fds it holds, is not looked into', async () => {
    const other = await holder({ uid: 65534 });
    expect(mayHold(other.pid as number)).toBe(false);
    expect(mayHold(process.pid)).toBe(true);
  });

  it(`a process of ours with ${HELD} fds before the FIFO is found over several looks, each examining at most ${LOOK_BUDGET} fds`, async () => {
    const ours = await holder({ fifo });
    const { dev, ino } = fs.statSync(fifo);
    let found: ReturnType<typeof findFifoHolders> = [];
    const costs: number[] = [];
    for (let look = 0; look < 500 && found.length === 0; look++) {
      found = findFifoHolders({ dev, ino }, [process.pid]);
      costs.push(lastLookCost({ dev, ino }));
    }
    expect(found.map((h) => h.pid)).toEqual([ours.pid]);
    expect(found[0]?.fds).toEqual([{ fd: expect.any(Number), access: 'read-write', inode: ino }]);
    expect(Math.max(...costs)).toBeLessThanOrEqual(LOOK_BUDGET);
    expect(costs.length).toBeGreaterThan(1);
  });
});
