import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { SweepPoint } from '../../src/experiments/sweep.js';
import { wilsonInterval } from '../../src/experiments/wilson.js';

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['dist/cli.js', ...args], { reject: false, input: '', env: { LANG: 'C.UTF-8', LC_ALL: '', ...env } });

const MACHINE_FIELDS = ['cpuModel', 'cpus', 'kernel', 'node'];
const POINT_FIELDS = ['wiring', 'delayMs', 'trials', 'stolen', 'rate', 'low', 'high', 'delivered', 'lost', 'torn'];

type Point = Omit<SweepPoint, 'wiring'> & { wiring: string };

function checkPoint(point: Point, delayMs: number): void {
  expect(point).toMatchObject({ wiring: 'one-pipe', delayMs, trials: 10 });
  expect(point.rate).toBeCloseTo(point.stolen / point.trials, 4);
  expect(point.low).toBeLessThanOrEqual(point.rate);
  expect(point.high).toBeGreaterThanOrEqual(point.rate);
}

describe('pipe-chat race --sweep, over real pipes', () => {
  it('--json prints one object: the machine and one point per delay with its interval', async () => {
    const r = await cli(['race', '--delays', '2,0', '--trials', '10', '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as { experiment: string; machine: Record<string, unknown>; points: Point[] };
    expect(result).toMatchObject({ version: 1, experiment: 'race-sweep' });
    expect(Object.keys(result.machine)).toEqual(MACHINE_FIELDS);
    expect(result.machine.cpus).toBeGreaterThan(0);
    expect(result.machine.node).toBe(process.version);
    expect(result.points.map((p) => Object.keys(p))).toEqual([POINT_FIELDS, POINT_FIELDS]);
    // Sorted by delay, whatever order they were given in.
    checkPoint(result.points[0]!, 0);
    checkPoint(result.points[1]!, 2);
  }, 60_000);

  it('--csv prints the same fields as columns, then the machine, one row per delay', async () => {
    const r = await cli(['race', '--sweep', '--delays', '0,2', '--trials', '10', '--csv']);
    expect(r.exitCode).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toBe([...POINT_FIELDS, ...MACHINE_FIELDS].join(','));
    expect(rows).toHaveLength(2);
    const [wiring, delayMs, trials, stolen, rate, low, high, delivered, lost, torn, , cpus, , node] = rows[0]!.split(',');
    const counts = { delivered: Number(delivered), lost: Number(lost), torn: Number(torn) };
    checkPoint({ wiring: wiring!, delayMs: Number(delayMs), trials: Number(trials), stolen: Number(stolen), rate: Number(rate), low: Number(low), high: Number(high), ...counts }, 0);
    expect(Number(cpus)).toBeGreaterThan(0);
    expect(node).toBe(process.version);
  }, 60_000);

  it('on screen: the chart, the same numbers as a table, the machine, and which wiring the default chose', async () => {
    const r = await cli(['race', '--delays', '0,2', '--trials', '10'], { NO_COLOR: '1' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stdout).toContain('Steal rate by child delay: one shared pipe, 10 trials at each delay');
    expect(r.stdout).toContain('100% ┤');
    const row = /^ +2 +(\d+) +10 +([\d.]+)% +([\d.]+)% - ([\d.]+)%$/m.exec(r.stdout);
    const stolen = Number(row?.[1]);
    const { low, high } = wilsonInterval(stolen, 10);
    expect(row?.slice(2)).toEqual([((stolen / 10) * 100).toFixed(2), (low * 100).toFixed(2), (high * 100).toFixed(2)]);
    // A long machine line breaks after a comma only: every fact stays whole.
    expect(r.stdout.replaceAll(',\n  ', ', ')).toMatch(/^measured on: \d+ × .+, Linux .+, Node v\d+/m);
    expect(r.stdout).toContain("one shared pipe is the race's default");
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  }, 60_000);

  it('under LANG=C the chart is plain ASCII; under a Korean locale it speaks Korean', async () => {
    const ascii = await cli(['race', '--delays', '0', '--trials', '5'], { LANG: 'C' });
    expect(ascii.stdout).toContain('100% +');
    expect(ascii.stdout).not.toMatch(/[█│┤└]/);
    const korean = await cli(['race', '--delays', '0', '--trials', '5'], { LANG: 'ko_KR.UTF-8' });
    expect(korean.stdout).toContain('자식 지연에 따른 가로챔 비율');
    expect(korean.stdout).toContain('측정한 기계');
  }, 60_000);
});

describe.skipIf(process.platform !== 'linux')('pipe-chat writers, real processes on one real pipe', () => {
  interface Run {
    writers: number;
    size: number;
    messages: number;
    total: number;
    whole: number;
    torn: number;
    bytes: number;
    firstTorn: { pieces: unknown[]; intruders: { writer: number }[] } | null;
  }
  const writers = async (size: number): Promise<{ runs: Run[]; machine: Record<string, unknown> }> => {
    const r = await cli(['writers', '--writers', '4', '--size', String(size), '--json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    return JSON.parse(r.stdout) as { runs: Run[]; machine: Record<string, unknown> };
  };

  it('4 writers of 4096-byte messages (PIPE_BUF): every message arrives whole', async () => {
    const { runs, machine } = await writers(4096);
    expect(Object.keys(machine)).toEqual(MACHINE_FIELDS);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ writers: 4, size: 4096, messages: 20, total: 80, whole: 80, torn: 0, bytes: 80 * 4096, firstTorn: null });
  }, 60_000);

  it('4 writers of 262144-byte messages (larger than the pipe): messages are torn, with evidence', async () => {
    // Tearing is up to the kernel's scheduling: a few runs at most, and it must show up.
    let run: Run | undefined;
    for (let attempt = 0; attempt < 5 && !run?.torn; attempt++) run = (await writers(262144)).runs[0];
    expect(run).toMatchObject({ size: 262144, total: 80, bytes: 80 * 262144 });
    expect(run!.torn).toBeGreaterThan(0);
    expect(run!.whole + run!.torn).toBe(80);
    expect(run!.firstTorn!.pieces.length).toBeGreaterThan(1);
    expect(run!.firstTorn!.intruders.length).toBeGreaterThan(0);
  }, 120_000);

  it('by default, shows both sides (4096 and 262144) and says what PIPE_BUF promises; CSV has one row per size', async () => {
    const text = await cli(['writers', '--messages', '5']);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('messages of 4096 bytes (within PIPE_BUF):\n  whole: 20 of 20   torn: 0 of 20');
    expect(text.stdout).toContain('within PIPE_BUF: POSIX promises that each write goes in whole');
    // Beyond PIPE_BUF the report says what the kernel did, in agreement with the counts.
    const big = /messages of 262144 bytes \(larger than the 64 KiB pipe\):\n {2}whole: \d+ of 20 {3}torn: (\d+) of 20\n {2}(.*)/.exec(text.stdout);
    const torn = Number(big?.[1]);
    expect(big?.[2]).toBe(torn > 0 ? `beyond PIPE_BUF: the kernel split ${torn} of 20 writes here` : 'beyond PIPE_BUF nothing is promised, yet here every write went in whole');
    expect(text.stdout).toContain('POSIX promises only that a write of at most PIPE_BUF (4096) bytes');
    const csv = await cli(['writers', '--messages', '5', '--csv']);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    expect(header).toBe(['writers', 'size', 'messages', 'total', 'whole', 'torn', 'bytes', 'durationMs', ...MACHINE_FIELDS].join(','));
    expect(rows.map((row) => row.split(',').slice(0, 4).join(','))).toEqual(['4,4096,5,20', '4,262144,5,20']);
  }, 60_000);
});
