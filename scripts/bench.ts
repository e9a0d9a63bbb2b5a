// The benchmark: pipe-chat's figures beside the C reference programs', measured in
// the same run on the same machine, and quoted as ratios (these machines are shared
// and noisy: absolute numbers mean little, ratios from one run mean more).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openKernelPipes, type OpenedPipe } from '../src/ipc/kernel-pipe.js';
import { PipeLink } from '../src/ipc/link.js';
import { DEFAULT_SWEEP_DELAYS_MS } from '../src/args.js';
import { sweep } from '../src/experiments/sweep.js';
import { race } from '../src/race.js';
import { firstFrame, idleCpu, peakMemory } from './bench-ui.js';

const json = process.argv.includes('--json');
const root = path.resolve(import.meta.dirname ?? '.', '..');
const childScript = path.resolve('dist/child.js');
const referenceScript = path.resolve('../shared/reference/run.sh');
const RACE_TRIALS = 300;
const ROUNDTRIP_MESSAGES = 20_000;

function log(line: string): void {
  if (!json) process.stdout.write(`${line}\n`);
}

interface Reference {
  roundTripUs: number;
  stolenAt: Record<string, number>;
}

function runReference(): Reference | null {
  if (!fs.existsSync(referenceScript)) return null;
  const out = execFileSync('bash', [referenceScript], {
    encoding: 'utf8',
    env: { ...process.env, RACE_TRIALS: String(RACE_TRIALS), ROUNDTRIP_MESSAGES: String(ROUNDTRIP_MESSAGES) },
  });
  const roundTripUs = Number(/round trip: ([\d.]+) us/.exec(out)?.[1]);
  const stolenAt: Record<string, number> = {};
  for (const m of out.matchAll(/own message in (\d+) of (\d+) trials \(delay (\d+) us\)/g)) {
    stolenAt[String(Number(m[3]) / 1000)] = Number(m[1]) / Number(m[2]);
  }
  return { roundTripUs, stolenAt };
}

async function roundTrip(messages: number, traced: boolean): Promise<number> {
  const link = await PipeLink.open({ mode: 'two', echo: true, untraced: !traced, childScript });
  try {
    for (let i = 0; i < 500; i++) {
      const reply = link.read();
      await link.write('Who are you?');
      await reply.frame;
    }
    const started = process.hrtime.bigint();
    for (let i = 0; i < messages; i++) {
      const reply = link.read();
      await link.write('Who are you?');
      if (!(await reply.frame)) throw new Error('the echo child stopped answering');
    }
    return Number(process.hrtime.bigint() - started) / 1000 / messages;
  } finally {
    await link.close();
  }
}

/**
 * The floor for any Node parent on the event loop: the link's own read path (a paused
 * net.Socket with onread, one read per request) and write(2), against a C echo child.
 * What the link costs above this is pipe-chat's; below it, Node's.
 */
async function nodeFloorRoundTrip(echoBinary: string, messages: number): Promise<number> {
  const [up, down] = (await openKernelPipes([
    ['read-nonblocking', 'write-blocking'],
    ['write-nonblocking', 'read-blocking'],
  ])) as [OpenedPipe, OpenedPipe];
  const [parentRead, childWrite] = up.fds as [number, number];
  const [parentWrite, childRead] = down.fds as [number, number];
  const child = spawn(echoBinary, [], { stdio: ['ignore', 'ignore', 'inherit', childRead, childWrite] });
  fs.closeSync(childRead);
  fs.closeSync(childWrite);
  let wake = (): void => {};
  const onread: net.OnReadOpts = { buffer: Buffer.alloc(65_600), callback: () => (wake(), false) };
  const socket = new net.Socket({ fd: parentRead, readable: true, writable: false, onread } as net.SocketConstructorOpts);
  socket.pause();
  const frame = Buffer.from('P1:Who are you?\n');
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const replied = new Promise<void>((resolve) => (wake = resolve));
      socket.resume();
      fs.writeSync(parentWrite, frame);
      await replied;
    }
  };
  try {
    await run(500);
    const started = process.hrtime.bigint();
    await run(messages);
    return Number(process.hrtime.bigint() - started) / 1000 / messages;
  } finally {
    child.kill();
    socket.destroy();
    fs.closeSync(parentWrite);
  }
}

/** The C round trip, built from ../shared/reference/roundtrip.c, run between our own runs. */
function cRoundTrip(binary: string, messages: number): number {
  const out = execFileSync(binary, [String(messages)], { encoding: 'utf8' });
  return Number(/round trip: ([\d.]+) us/.exec(out)?.[1]);
}

function buildC(source: string): string | null {
  if (!fs.existsSync(source)) return null;
  const binary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-c-')), path.basename(source, '.c'));
  execFileSync('cc', ['-O2', '-o', binary, source]);
  return binary;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Alternates C and pipe-chat runs so that both see the same machine load; medians of each. */
async function interleavedRoundTrip(
  binary: string | null,
  echoBinary: string | null,
  traced: boolean,
  rounds = 5,
): Promise<{ us: number; cUs: number; nodeFloorUs: number }> {
  const ours: number[] = [];
  const c: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (binary) c.push(cRoundTrip(binary, ROUNDTRIP_MESSAGES));
    if (echoBinary) floor.push(await nodeFloorRoundTrip(echoBinary, ROUNDTRIP_MESSAGES));
    ours.push(await roundTrip(ROUNDTRIP_MESSAGES, traced));
  }
  return { us: median(ours), cUs: median(c), nodeFloorUs: median(floor) };
}

const ratio = (a: number, b: number | undefined) => (b ? a / b : NaN);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  log('C reference (../shared/reference/run.sh), this run:');
  const reference = runReference();
  if (!reference) log('  (not found: ratios to C are left out)');
  else {
    log(`  two-pipe round trip ${reference.roundTripUs.toFixed(2)} us`);
    for (const [ms, rate] of Object.entries(reference.stolenAt)) log(`  one pipe, delay ${ms} ms: child read back its own message in ${pct(rate)}`);
  }

  log('\npipe-chat, this run:');
  const steal: Record<string, { rate: number; ratioToC: number; trialsPerSecond: number }> = {};
  for (const delayMs of [0, 0.1, 2]) {
    const r = await race({ wiring: 'one-pipe', trials: RACE_TRIALS, delayMs, childScript });
    const rate = r.stolen / r.trials;
    const cRate = reference?.stolenAt[String(delayMs)];
    steal[String(delayMs)] = { rate, ratioToC: ratio(rate, cRate), trialsPerSecond: r.trialsPerSecond };
    log(`  one pipe, delay ${delayMs} ms: stolen ${pct(rate)} (${r.stolen}/${r.trials})` + (cRate !== undefined ? `, C ${pct(cRate)}` : '') + `, ${r.trialsPerSecond} trials/s`);
  }
  const binary = buildC(path.resolve('../shared/reference/roundtrip.c'));
  const echoBinary = buildC(path.resolve('scripts/bench-fixtures/echo.c'));
  const rt = await interleavedRoundTrip(binary, echoBinary, false);
  const rtRatio = ratio(rt.us, rt.cUs);
  log(`  two-pipe round trip ${rt.us.toFixed(2)} us (C ${rt.cUs.toFixed(2)} us, interleaved, medians of 5): ${rtRatio.toFixed(2)}x C (target <= 1.5x)`);
  log(`    floor for a Node parent (the link's read path, a C echo child): ${rt.nodeFloorUs.toFixed(2)} us, ${ratio(rt.nodeFloorUs, rt.cUs).toFixed(2)}x C`);
  const traced = await interleavedRoundTrip(binary, null, true, 3);
  log(`  the same with every call reported to the UI: ${traced.us.toFixed(2)} us, ${ratio(traced.us, traced.cUs).toFixed(2)}x C`);
  const sweepStarted = performance.now();
  await sweep({ wiring: 'one-pipe', delaysMs: DEFAULT_SWEEP_DELAYS_MS, trials: RACE_TRIALS, parentDelayMs: 0, childScript });
  const sweepMs = performance.now() - sweepStarted;
  log(`  the sweep over ${DEFAULT_SWEEP_DELAYS_MS.length} delays x ${RACE_TRIALS} trials (pipe-chat race --sweep): ${(sweepMs / 1000).toFixed(2)} s`);
  const stealRatio = steal['0']?.ratioToC ?? NaN;
  log(`  steal rate at delay 0: ${stealRatio.toFixed(2)}x C's (target >= 0.5x)`);

  log('\nthe terminal UI, this run (in a pseudo-terminal, 100x30):');
  const frame = await firstFrame();
  log(`  time to first frame ${frame.ms.toFixed(0)} ms; minimal unbundled Ink app ${frame.minimalInkMs.toFixed(0)} ms: ${frame.ratio.toFixed(2)}x (target <= 0.5x)`);
  const idle = await idleCpu(10);
  log(`  idle CPU over ${idle.seconds} s: parent ${idle.parentPercent.toFixed(2)}%, child ${idle.childPercent.toFixed(2)}% of one core (target < 1%)`);
  const memory = await peakMemory(/DONE/);
  log(`  peak memory over an auto-played conversation: parent ${memory.parentMiB.toFixed(1)} MiB (target <= 80 MiB), child ${memory.childMiB.toFixed(1)} MiB`);
  log(`    reference: the minimal unbundled Ink app peaks at ${memory.minimalInkMiB.toFixed(1)} MiB on this Node (${process.version})`);

  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        reference,
        steal,
        sweepMs,
        firstFrame: frame,
        idleCpu: idle,
        peakMemory: memory,
        roundTrip: { us: rt.us, cUs: rt.cUs, nodeFloorUs: rt.nodeFloorUs, ratioToC: rtRatio, tracedUs: traced.us, tracedRatioToC: ratio(traced.us, traced.cUs), messages: ROUNDTRIP_MESSAGES },
        node: process.version,
        root,
      })}\n`,
    );
  }
}

await main();
