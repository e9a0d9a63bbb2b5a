import { execa } from 'execa';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFixture } from '../support/fixtures.js';
import { isRunning, waitUntil } from '../support/wait.js';

const { file: fixture, remove } = bundleFixture('hold-link');
afterAll(remove);

describe('when the parent dies', () => {
  it.each([
    ['two', 'waiting at its keyboard'],
    ['one', 'waiting at its keyboard'],
    ['one', 'blocked'],
    ['two', 'blocked'],
  ])('by SIGKILL (%s pipe(s), child %s), the child exits within 2 s', async (mode, state) => {
    const parent = execa(process.execPath, [fixture, mode, path.resolve('dist/child.js'), state], { reject: false, lines: true, buffer: false });
    const lines: string[] = [];
    parent.stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    await waitUntil(() => lines.some((l) => /^\d+$/.test(l)) && (state !== 'blocked' || lines.includes('blocked')), { what: 'the fixture to start' });
    const childPid = Number(lines.find((l) => /^\d+$/.test(l)));
    expect(isRunning(childPid)).toBe(true);
    parent.kill('SIGKILL');
    await parent;
    const killedAt = Date.now();
    // The orphan is reaped by init (or the nearest subreaper), so "gone" means no longer alive or a zombie.
    const alive = () => isRunning(childPid) && !/^State:\s+Z/m.test(readStatus(childPid));
    await waitUntil(() => !alive(), { timeoutMs: 2000, what: `child ${childPid} to exit` });
    expect(Date.now() - killedAt).toBeLessThan(2000);
  });
});

function readStatus(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

describe('when the parent is gone before the child watches it', () => {
  it('the child finds its lifeline closed and ends at once, though no signal will come', async () => {
    const child = spawn(process.execPath, [path.resolve('dist/child.js'), '--turns', '3'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe'] });
    // The parent's end of the lifeline closes before the child has loaded its libc.
    (child.stdio as unknown as { destroy(): void }[])[5]?.destroy();
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    try {
      await waitUntil(() => child.exitCode !== null || child.signalCode !== null, { timeoutMs: 5000, what: `child ${child.pid} to end` });
      expect(await ended).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      child.kill('SIGKILL');
    }
  });
});
