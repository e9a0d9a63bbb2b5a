// What a user of the terminal UI feels, measured in a real pseudo-terminal: time to the
// first frame (against a minimal unbundled Ink app in the same run), time from the quit
// key back to the shell prompt, CPU while idle, and peak memory of both processes.
import fs from 'node:fs';
import path from 'node:path';
import { KEYS, childPidsOf, startPty, type PtySession } from '../test/support/pty.js';
import { spread, type Spread } from './bench-stats.js';

const CLI = path.resolve('dist/cli.js');
const MINIMAL_INK = path.resolve('scripts/bench-fixtures/minimal-ink.mjs');
/** A word of pipe-chat's status bar, in its first frame. */
export const FIRST_FRAME_TEXT = /turn 1\/3/;
/** The child's input asking for its line: the first frame in which a typed line is taken. */
const ACCEPTS_LINE_TEXT = /type the child's line|type a line, press Enter/;
const CLOCK_TICKS_PER_SECOND = 100;

/** When each text was first on screen, in ms from the launch. */
async function timeToText(args: string[], ...texts: RegExp[]): Promise<number[]> {
  const started = performance.now();
  const session = startPty({ command: process.execPath, args, cwd: process.cwd(), cols: 100, rows: 30 });
  try {
    const seen: number[] = [];
    // The first moment each text is on screen (waitForText would also wait for the output to pause).
    await session.waitFor(
      () => {
        const screen = session.screen();
        texts.forEach((text, i) => {
          if (seen[i] === undefined && text.test(screen)) seen[i] = performance.now() - started;
        });
        return seen.filter((ms) => ms !== undefined).length === texts.length;
      },
      `${texts.join(', ')} on screen`,
      { timeoutMs: 20_000, intervalMs: 2 },
    );
    return seen;
  } finally {
    await session.dispose();
  }
}

/**
 * Alternating runs, so both programs see the same machine load; the ratio is the median
 * of each pair's ratio, which a slow moment of the machine moves less than two medians.
 */
export async function firstFrame(
  pairs = 11,
): Promise<{ ms: Spread | undefined; acceptsMs: Spread | undefined; minimalInkMs: Spread | undefined; ratio: number | undefined }> {
  const ours: number[] = [];
  const accepts: number[] = [];
  const minimal: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const [minimalMs = NaN] = await timeToText([MINIMAL_INK], /minimal ink app ready/);
    const [ms = NaN, acceptsMs = NaN] = await timeToText([CLI], FIRST_FRAME_TEXT, ACCEPTS_LINE_TEXT);
    minimal.push(minimalMs);
    ours.push(ms);
    accepts.push(acceptsMs);
    ratios.push(acceptsMs / minimalMs);
  }
  return { ms: spread(ours), acceptsMs: spread(accepts), minimalInkMs: spread(minimal), ratio: spread(ratios)?.median };
}

/** Gone, or a zombie nobody has reaped yet: either way the process has exited. */
function hasExited(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

/**
 * From the quit key to the parent's exit (when a shell would print its prompt), and to
 * the child's: the chat is started, left at rest, then sent Ctrl+C (the quit key that
 * works in every input mode) and the processes are watched in /proc every millisecond.
 */
export async function quitToExit(runs = 7): Promise<{ parentMs: Spread | undefined; childMs: Spread | undefined }> {
  const parentMs: number[] = [];
  const childMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { session, parent, child } = await startChat();
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const started = performance.now();
      await session.write(KEYS.ctrlC);
      let childGone: number | undefined;
      const deadline = started + 20_000;
      while (!hasExited(parent) && performance.now() < deadline) {
        if (childGone === undefined && hasExited(child)) childGone = performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      if (!hasExited(parent)) throw new Error('the chat did not exit within 20 s of the quit key');
      parentMs.push(performance.now() - started);
      childMs.push(childGone ?? performance.now() - started);
    } finally {
      await session.dispose();
    }
  }
  return { parentMs: spread(parentMs), childMs: spread(childMs) };
}

function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** The process's high-water mark of resident memory; 0 once it is gone. */
function peakRssMiB(pid: number): number {
  try {
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

async function startChat(args: string[] = []): Promise<{ session: PtySession; parent: number; child: number }> {
  const session = startPty({ command: process.execPath, args: [CLI, ...args], cwd: process.cwd(), cols: 100, rows: 30 });
  await session.waitForText(FIRST_FRAME_TEXT, { timeoutMs: 20_000 });
  await session.waitForText(/typing at its keyboard/, { timeoutMs: 20_000 });
  const child = await session.waitFor(() => childPidsOf(session.pid).find((pid) => /child\.js/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))), 'the child process', { timeoutMs: 20_000 });
  return { session, parent: session.pid, child };
}

/** CPU used by each process over `seconds` of doing nothing, as a share of one core. */
export async function idleCpu(seconds = 10): Promise<{ parentPercent: number; childPercent: number; seconds: number }> {
  const { session, parent, child } = await startChat();
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000)); // let start-up work settle (the child's worker, JIT)
    const before = [cpuTicks(parent), cpuTicks(child)] as const;
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const elapsed = (performance.now() - started) / 1000;
    const share = (ticks: number) => (ticks / CLOCK_TICKS_PER_SECOND / elapsed) * 100;
    return { parentPercent: share(cpuTicks(parent) - before[0]), childPercent: share(cpuTicks(child) - before[1]), seconds };
  } finally {
    await session.dispose();
  }
}

/** The reference: the minimal unbundled Ink app's peak resident memory, half a second after its first frame. */
async function minimalInkPeakMiB(): Promise<number> {
  const session = startPty({ command: process.execPath, args: [MINIMAL_INK], cwd: process.cwd(), cols: 100, rows: 30 });
  try {
    await session.waitForText(/minimal ink app ready/, { timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    return peakRssMiB(session.pid);
  } finally {
    await session.dispose();
  }
}

/** Peak resident memory of both processes over a whole auto-played conversation (two pipes). */
export async function peakMemory(doneText: RegExp): Promise<{ parentMiB: number; childMiB: number; minimalInkMiB: number }> {
  const { session, parent, child } = await startChat(['--auto', '--speed', '10']);
  let childMiB = 0;
  try {
    // The child exits after its third turn: sample its high-water mark while it lives.
    await session.waitFor(
      () => {
        childMiB = Math.max(childMiB, peakRssMiB(child));
        return doneText.test(session.screen());
      },
      'the end of the conversation',
      { timeoutMs: 60_000, intervalMs: 20 },
    );
    return { parentMiB: peakRssMiB(parent), childMiB, minimalInkMiB: await minimalInkPeakMiB() };
  } finally {
    await session.dispose();
  }
}
