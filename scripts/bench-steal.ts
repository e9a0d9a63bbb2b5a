// `npm run bench -- --steal [--against DIR]...`: the delay-0 steal rate of pipe-chat's race
// on one pipe beside the C program of the same shape (scripts/bench-c/race-same-shape.c),
// interleaved round by round, each both pinned to one CPU (`taskset -c 0`) and free. Each
// DIR is another built checkout of pipe-chat (an older commit, say), run in the same
// rounds through its own dist/cli.js, so that a change is measured beside what it changed.
// With perf, each run is recorded with `perf record -e sched:sched_wakeup -a`, which says
// where the woken reader went: each wakeup that a thread of
// the child gave a thread of the parent other than its main thread (the reader blocked in
// read(); the main thread is woken by the outcome's report) is counted as placed on the
// waking thread's CPU or on another (target_cpu in the event).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CBuild } from './bench-c-programs.js';
import { DELAY0_ALLOWED_POINTS, differencePoints, formatDifference, formatRate, pooledRate, type PooledRate } from './bench-stats.js';

const TRIALS = 300;
const C_SAME_SHAPE = "C, pipe-chat's shape";
const LAYOUTS = ['one CPU (taskset -c 0)', 'free'] as const;
type Layout = (typeof LAYOUTS)[number];

interface Program {
  name: string;
  /** The command and its arguments for `trials` trials at delay 0. */
  command(trials: number): string[];
  /** The stolen count and trials from its output. */
  counts(output: string): { stolen: number; trials: number };
}

function programs(c: CBuild, checkouts: string[]): Program[] {
  const list: Program[] = [];
  const same = c.binaries['race-same-shape'];
  if (same) {
    list.push({
      name: C_SAME_SHAPE,
      command: (trials) => [same, String(trials), '0'],
      counts: (output) => ({ stolen: Number(/stolen=(\d+)/.exec(output)?.[1]), trials: Number(/trials=(\d+)/.exec(output)?.[1]) }),
    });
  }
  for (const dir of checkouts) {
    list.push({
      name: `pipe-chat (${dir === process.cwd() ? 'this checkout' : dir})`,
      command: (trials) => [process.execPath, path.join(dir, 'dist/cli.js'), 'race', '--pipes', '1', '--trials', String(trials), '--child-delay', '0', '--json'],
      counts: (output) => {
        const result = JSON.parse(output) as { stolen: number; trials: number };
        return { stolen: result.stolen, trials: result.trials };
      },
    });
  }
  return list;
}

const pinned = (layout: Layout, command: string[]): string[] => (layout === 'free' ? command : ['taskset', '-c', '0', ...command]);

function run(command: string[]): string {
  const [file, ...args] = command as [string, ...string[]];
  return execFileSync(file, args, { encoding: 'utf8', timeout: 600_000 });
}

interface Placement {
  sameCpu: number;
  otherCpu: number;
}

/** `perf script` lines: "TGID/TID [CPU] EVENT: fields". */
const PERF_LINE = /^\s*(\d+)\/(\d+)\s+\[(\d+)\]\s+([\w:]+):(.*)$/;

/**
 * One run under perf, the program started once perf records: the wakeups a thread of the
 * child process gave a thread of the parent other than its main thread, by where the
 * scheduler placed them. The process tree comes from perf's fork events, each thread's
 * process from the events it made itself.
 */
async function underPerf(command: string[]): Promise<{ output: string; where: Placement | string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-bench-perf-'));
  const data = path.join(dir, 'perf.data');
  try {
    const perf = spawn('perf', ['record', '-q', '-e', 'sched:sched_wakeup', '-e', 'sched:sched_process_fork', '-e', 'sched:sched_process_exec', '-a', '-o', data, '--', ...command], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let perfError = '';
    perf.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    perf.stderr.on('data', (chunk: Buffer) => (perfError += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => perf.on('close', resolve));
    if (code !== 0 && !output) throw new Error(`${command.join(' ')} under perf failed (exit ${code}): ${perfError.trim().split('\n')[0] ?? ''}`);
    const script = spawnSync('perf', ['script', '-i', data, '-F', 'pid,tid,cpu,event,trace'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (script.status !== 0) return { output, where: `perf script failed: ${script.stderr.trim().split('\n')[0] ?? ''}` };
    const lines = script.stdout.split('\n').flatMap((line) => {
      const m = PERF_LINE.exec(line);
      return m ? [{ tgid: Number(m[1]), tid: Number(m[2]), cpu: Number(m[3]), event: m[4] as string, fields: m[5] as string }] : [];
    });
    // perf forks the program before it records and wakes it ("perf-exec") to exec; taskset
    // execs the program in place: that pid is the parent's.
    const started = lines.find((l) => l.tid === perf.pid && l.event.endsWith('sched_wakeup') && /\bcomm=perf-exec\b/.test(l.fields));
    const parentPid = Number(/\bpid=(\d+)/.exec(started?.fields ?? '')?.[1] ?? -1);
    // A thread's process: from its own events, or, for a thread that made none, the process of the thread that made it.
    const processOf = new Map(lines.map((l) => [l.tid, l.tgid]));
    const family = new Set([parentPid]);
    for (const l of lines) {
      const fork = /\bpid=(\d+) .*child_pid=(\d+)/.exec(l.fields);
      if (!l.event.endsWith('sched_process_fork') || !fork || !family.has(Number(fork[1]))) continue;
      family.add(Number(fork[2]));
      if (!processOf.has(Number(fork[2]))) processOf.set(Number(fork[2]), l.tgid);
    }
    const result: Placement = { sameCpu: 0, otherCpu: 0 };
    for (const l of lines) {
      const wake = /\bpid=(\d+) .*target_cpu=(\d+)/.exec(l.fields);
      if (!l.event.endsWith('sched_wakeup') || !wake || !family.has(l.tid) || l.tgid === parentPid) continue;
      const woken = Number(wake[1]);
      if (woken === parentPid || processOf.get(woken) !== parentPid) continue;
      if (Number(wake[2]) === l.cpu) result.sameCpu++;
      else result.otherCpu++;
    }
    return { output, where: result };
  } finally {
    fs.rmSync(data, { force: true });
    fs.rmSync(`${data}.old`, { force: true });
    fs.rmdirSync(dir);
  }
}

function formatPlacement(p: Placement | string): string {
  if (typeof p === 'string') return p;
  const total = p.sameCpu + p.otherCpu;
  return total === 0 ? 'no wakeup of a reader seen' : `reader woken onto the writer's CPU ${p.sameCpu}, the other ${p.otherCpu}`;
}

interface Run {
  stolen: number;
  trials: number;
  where: Placement | string;
}

/** One run of a program, under perf where perf works (then with where its reader was woken). */
async function measure(program: Program, command: string[], perfWorks: boolean): Promise<Run> {
  if (!perfWorks) return { ...program.counts(run(command)), where: 'perf is not installed' };
  const { output, where } = await underPerf(command);
  return { ...program.counts(output), where };
}

export async function stealFigures(c: CBuild, checkouts: string[], rounds: number, log: (line: string) => void): Promise<Record<string, unknown>> {
  const list = programs(c, checkouts);
  const perfWorks = spawnSync('perf', ['--version']).status === 0;
  const runs = new Map<string, Run[]>();
  const key = (layout: Layout, program: Program): string => `${layout}\u0000${program.name}`;
  for (let round = 1; round <= rounds; round++) {
    for (const layout of LAYOUTS) {
      for (const program of list) {
        const each = await measure(program, pinned(layout, program.command(TRIALS)), perfWorks);
        runs.set(key(layout, program), [...(runs.get(key(layout, program)) ?? []), each]);
      }
    }
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K  steal round ${round}/${rounds} done`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  log(`\nthe delay-0 race on one pipe: ${rounds} interleaved rounds of ${TRIALS} trials of each program in each CPU layout`);
  log(`  (where the woken reader went: ${perfWorks ? "perf record -e sched:sched_wakeup -a around each run; the CPU the scheduler chose (target_cpu) against the waking child thread's" : 'perf is not installed'})`);
  const out: Record<string, Record<string, { rate: PooledRate | undefined; runs: Run[] }>> = {};
  for (const layout of LAYOUTS) {
    log(`  ${layout}:`);
    out[layout] = {};
    for (const program of list) {
      const each = runs.get(key(layout, program)) ?? [];
      const rate = pooledRate(each);
      (out[layout] as Record<string, unknown>)[program.name] = { rate, runs: each };
      log(`    ${program.name}: stolen ${formatRate(rate)}`);
      for (const r of each) log(`      ${r.stolen}/${r.trials} stolen; ${formatPlacement(r.where)}`);
      // A checkout of pipe-chat beside C of its shape, in this layout: the race's target at delay 0.
      const cRate = list[0]?.name === C_SAME_SHAPE ? pooledRate(runs.get(key(layout, list[0])) ?? []) : undefined;
      if (program.name !== C_SAME_SHAPE && cRate) log(`      ${formatDifference(differencePoints(rate, cRate), DELAY0_ALLOWED_POINTS)}`);
    }
  }
  return out;
}
