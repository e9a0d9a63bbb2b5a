// The benchmark's C programs of the channels' round trips (scripts/bench-c/roundtrip*.c):
// each builds, prints its roundtrip_us line for a few messages, and leaves nothing behind:
// no System V object of its PID in /proc/sysvipc, no file or directory under the
// directory it was given; and one stopped with SIGTERM mid-run removes what it made too.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_C_PROGRAMS, buildCPrograms, removeCPrograms, type CBuild, type CProgram } from '../../scripts/bench-c-programs.js';
import { pidOfOurKey } from '../../src/kernel/sysv.js';
import { tempDirsOfThisFile } from '../support/temp-dirs.js';
import { waitUntil } from '../support/wait.js';

const tempDir = tempDirsOfThisFile();

/** The System V objects of every kind whose key names `pid` (a segment marked removed keeps its creator's PID in cpid). */
function sysvObjectsOf(pid: number): string[] {
  return (['msg', 'sem', 'shm'] as const).flatMap((kind) => {
    const [header = '', ...rows] = fs.readFileSync(`/proc/sysvipc/${kind}`, 'utf8').trim().split('\n');
    const cpid = header.trim().split(/\s+/).indexOf('cpid');
    return rows.filter((row) => {
      const cells = row.trim().split(/\s+/);
      return pidOfOurKey(Number(cells[0])) === pid || (kind === 'shm' && Number(cells[cpid]) === pid);
    });
  });
}

describe.runIf(process.platform === 'linux')("the channels' C round-trip programs", () => {
  let build: CBuild;
  beforeAll(() => {
    build = buildCPrograms(['roundtrip', ...CHANNEL_C_PROGRAMS]);
  });
  afterAll(() => removeCPrograms(build));

  it('all build', () => {
    expect(build.problems).toEqual([]);
  });

  const runs: [CProgram, string[]][] = [
    ['roundtrip', []],
    ['roundtrip-socket', ['socketpair']],
    ['roundtrip-socket', ['tcp']],
    ['roundtrip-queue', []],
    ['roundtrip-boxes', ['shm']],
    ['roundtrip-boxes', ['shm-busy']],
    ['roundtrip-boxes', ['mmap']],
    ['roundtrip-file', []],
    ['roundtrip-threads', []],
    ['roundtrip-signal', []],
  ];
  it.each(runs)('%s %s prints its round trip and leaves nothing behind', (program, mode) => {
    const dir = tempDir('pipe-chat-bench-test-');
    const messages = program === 'roundtrip-signal' ? 3 : 50;
    const run = spawnSync(build.binaries[program] as string, [...mode, String(messages), '5', dir], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^roundtrip_us=\\d+\\.\\d{3} messages=${messages}\\n$`));
    expect(sysvObjectsOf(run.pid as number)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([['shm'], ['mmap']])('roundtrip-boxes %s stopped with SIGTERM mid-run removes its set, segment and file', async (mode) => {
    const dir = tempDir('pipe-chat-bench-test-');
    const child = spawn(build.binaries['roundtrip-boxes'] as string, [mode, '100000000', '5', dir], { stdio: 'ignore' });
    const pid = child.pid as number;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    await waitUntil(() => sysvObjectsOf(pid).length > 0 && (mode !== 'mmap' || fs.readdirSync(dir).length > 0), { what: 'its objects' });
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(fs.readdirSync(dir)).toEqual([]);
    // The segment, marked removed, goes once its child, killed by the parent's death, detaches too.
    await waitUntil(() => sysvObjectsOf(pid).length === 0, { what: 'no object of its left' });
  });

  it('roundtrip-queue stopped with SIGTERM mid-run removes its queue', async () => {
    const child = spawn(build.binaries['roundtrip-queue'] as string, ['100000000', '5'], { stdio: 'ignore' });
    const pid = child.pid as number;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    await waitUntil(() => sysvObjectsOf(pid).length > 0, { what: 'its queue' });
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(sysvObjectsOf(pid)).toEqual([]);
  });
});
