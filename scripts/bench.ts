// The benchmark: pipe-chat's figures beside C programs built from this repository's own
// sources (scripts/bench-c/), measured in interleaved rounds on the same machine, so
// that both see the same load. These machines are shared and noisy: absolute numbers
// mean little; the differences and ratios within one run mean more.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedPipe } from '../src/kernel/anonymous-pipes.js';
import { openKernelPipes } from '../src/kernel/anonymous-pipes.js';
import { DEFAULT_SWEEP_DELAYS_MS } from '../src/args.js';
import { sweep } from '../src/experiments/sweep.js';
import { race } from '../src/experiments/race.js';
import type { Wiring } from '../src/channels/names.js';
import { echoRoundTrip } from './bench-roundtrip.js';
import { CHANNEL_C_PROGRAMS, buildCPrograms, removeCPrograms, runC, type CBuild } from './bench-c-programs.js';
import { channelFigures, printChannels, type ChannelFigures } from './bench-channels.js';
import { DELAY0_ALLOWED_POINTS, MISSING, NO_TARGET, differencePoints, formatDifference, withinPoints, formatRate, formatSpread, pooledRate, ratioOf, spread, verdict, type PooledRate, type Spread } from './bench-stats.js';
import { firstFrame, idleCpu, peakMemory, quitToExit } from './bench-ui.js';
import { printTyping, typingFigures } from './bench-typing.js';
import { stealFigures } from './bench-steal.js';

const json = process.argv.includes('--json');
/** `--ui`: only the terminal UI's figures (no C programs, race, round trip or sweep). */
const uiOnly = process.argv.includes('--ui');
/** `--steal`: only the delay-0 steal rates beside C of the same shape, pinned and free (bench-steal.ts); `--against DIR` adds another built checkout. */
const stealOnly = process.argv.includes('--steal');
/** `--channels`: only the round trip on each channel with a C program in the repository, beside C's (bench-channels.ts). */
const channelsOnly = process.argv.includes('--channels');
/** `--rounds N`: the steal rounds, and the channels' rounds (3 by default). */
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const against = process.argv.flatMap((arg, i) => (arg === '--against' && process.argv[i + 1] ? [path.resolve(process.argv[i + 1] as string)] : []));
/** `--conversations N`: how long the lesson played before the last typing figures is (100 by default). */
const conversationsArg = process.argv.indexOf('--conversations');
const LESSON_CONVERSATIONS = conversationsArg > 0 ? Number(process.argv[conversationsArg + 1]) : 100;
const root = path.resolve(import.meta.dirname ?? '.', '..');
const childScript = path.resolve('dist/child.js');
/** The child's benchmark variant (scripts/bench-fixtures/echo-child.ts), built beside this bundle by scripts/bench.mjs. */
const echoChildScript = fileURLToPath(new URL('./echo-child.js', import.meta.url));
const RACE_TRIALS = 300;
const RACE_ROUNDS = 3;
const RACE_DELAYS_MS = [0, 0.05, 0.1, 0.5, 2] as const;
const ROUNDTRIP_MESSAGES = 20_000;
const ROUNDTRIP_ROUNDS = 5;
const ROUNDTRIP_TARGETS = { ui: 3, untraced: 1.5 } as const;

function log(line: string): void {
  if (!json) process.stdout.write(`${line}\n`);
}

/** A progress line on a terminal's stderr, rewritten in place; nothing elsewhere. */
function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`);
}

// ---- the race ---------------------------------------------------------------------

type RaceProgram = 'cSameShape' | 'pipeChat' | 'cForked';
const RACE_NAMES: Record<RaceProgram, string> = {
  cSameShape: 'C, pipe-chat\'s shape',
  pipeChat: 'pipe-chat race',
  cForked: 'C, forked per trial',
};
interface Counts {
  stolen: number;
  trials: number;
  parentBlocked?: number;
}
type RaceRounds = Record<string, Record<RaceProgram, Counts[]>>;

/** Points of difference between pipe-chat and C of its shape that the target allows, per delay. */
const allowedPoints = (delayMs: number): number => (delayMs === 0 ? DELAY0_ALLOWED_POINTS : 1);

async function raceRounds(c: CBuild): Promise<RaceRounds> {
  const rounds: RaceRounds = {};
  for (const delayMs of RACE_DELAYS_MS) rounds[String(delayMs)] = { cSameShape: [], pipeChat: [], cForked: [] };
  const delayUs = (ms: number) => Math.round(ms * 1000);
  const fromC = (binary: string | undefined, delayMs: number): Counts | null => {
    if (!binary) return null;
    const out = runC(binary, [RACE_TRIALS, delayUs(delayMs)]);
    return { stolen: out.stolen ?? 0, trials: out.trials ?? 0, ...(out.parent_blocked !== undefined ? { parentBlocked: out.parent_blocked } : {}) };
  };
  for (let round = 1; round <= RACE_ROUNDS; round++) {
    for (const delayMs of RACE_DELAYS_MS) {
      const at = rounds[String(delayMs)] as Record<RaceProgram, Counts[]>;
      const same = fromC(c.binaries['race-same-shape'], delayMs);
      if (same) at.cSameShape.push(same);
      const ours = await race({ wiring: 'one-pipe', trials: RACE_TRIALS, delayMs, childScript });
      at.pipeChat.push({ stolen: ours.stolen, trials: ours.trials, parentBlocked: ours.parentBlocked });
      const forked = fromC(c.binaries['race-forked'], delayMs);
      if (forked) at.cForked.push(forked);
      progress(`  race round ${round}/${RACE_ROUNDS}, delay ${delayMs} ms done`);
    }
  }
  progress('');
  return rounds;
}

interface RaceSummary {
  delayMs: number;
  rates: Record<RaceProgram, PooledRate | undefined>;
  /** pipe-chat minus C of its shape, in percentage points (pooled rates). */
  differencePoints: number | undefined;
  allowedPoints: number;
  pass: boolean | undefined;
  pipeChatParentBlocked: number;
}

function summarizeRace(rounds: RaceRounds): RaceSummary[] {
  return RACE_DELAYS_MS.map((delayMs) => {
    const at = rounds[String(delayMs)] as Record<RaceProgram, Counts[]>;
    const rates = { cSameShape: pooledRate(at.cSameShape), pipeChat: pooledRate(at.pipeChat), cForked: pooledRate(at.cForked) };
    const points = differencePoints(rates.pipeChat, rates.cSameShape);
    const allowed = allowedPoints(delayMs);
    return {
      delayMs,
      rates,
      differencePoints: points,
      allowedPoints: allowed,
      pass: withinPoints(points, allowed),
      pipeChatParentBlocked: at.pipeChat.reduce((sum, r) => sum + (r.parentBlocked ?? 0), 0),
    };
  });
}

function printRace(summaries: RaceSummary[]): void {
  log(`\nthe race on one pipe: ${RACE_ROUNDS} interleaved rounds; in each, per delay, ${RACE_TRIALS} trials of each program in turn`);
  log('  (steal rate = the child read back its own message; pooled over the rounds, 95% Wilson interval)');
  for (const s of summaries) {
    log(`  delay ${s.delayMs} ms:`);
    for (const program of ['cSameShape', 'pipeChat', 'cForked'] as const) log(`    ${RACE_NAMES[program].padEnd(22)} ${formatRate(s.rates[program])}`);
    log(`    ${formatDifference(s.differencePoints, s.allowedPoints)}`);
    const stolen = s.rates.pipeChat?.stolen ?? 0;
    if (stolen > 0) log(`    after pipe-chat's ${stolen} steals, its parent was seen blocked in read() in ${s.pipeChatParentBlocked}`);
  }
}

// ---- the round trip -----------------------------------------------------------------

/**
 * The floor for any Node parent on the event loop: a paused net.Socket with onread, one
 * read per request, and write(2), against a C echo child. What pipe-chat costs above
 * this is pipe-chat's; below it, Node's.
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

interface RoundTripSummary {
  messages: number;
  cUs: Spread | undefined;
  uiUs: Spread | undefined;
  untracedUs: Spread | undefined;
  nodeFloorUs: Spread | undefined;
  /** Medians over medians, and the spread of the ratio within each round. */
  uiRatio: number | undefined;
  uiRatioRounds: Spread | undefined;
  untracedRatio: number | undefined;
  untracedRatioRounds: Spread | undefined;
  uiPass: boolean | undefined;
  untracedPass: boolean | undefined;
}

/** In each round: C, pipe-chat as the UI runs it, pipe-chat untraced, the Node floor. */
async function roundTripRounds(c: CBuild): Promise<RoundTripSummary> {
  const cUs: number[] = [];
  const ui: number[] = [];
  const untraced: number[] = [];
  const floor: number[] = [];
  const uiRatios: number[] = [];
  const untracedRatios: number[] = [];
  for (let i = 0; i < ROUNDTRIP_ROUNDS; i++) {
    const roundC = c.binaries.roundtrip ? runC(c.binaries.roundtrip, [ROUNDTRIP_MESSAGES]).roundtrip_us : undefined;
    if (roundC !== undefined) cUs.push(roundC);
    const roundUi = await echoRoundTrip({ childScript: echoChildScript, wiring: 'two-pipes', messages: ROUNDTRIP_MESSAGES, traced: true });
    const roundUntraced = await echoRoundTrip({ childScript: echoChildScript, wiring: 'two-pipes', messages: ROUNDTRIP_MESSAGES, traced: false });
    ui.push(roundUi);
    untraced.push(roundUntraced);
    if (c.binaries.echo) floor.push(await nodeFloorRoundTrip(c.binaries.echo, ROUNDTRIP_MESSAGES));
    const r1 = ratioOf(roundUi, roundC);
    const r2 = ratioOf(roundUntraced, roundC);
    if (r1 !== undefined) uiRatios.push(r1);
    if (r2 !== undefined) untracedRatios.push(r2);
  }
  const summary = { cUs: spread(cUs), uiUs: spread(ui), untracedUs: spread(untraced), nodeFloorUs: spread(floor) };
  const uiRatio = ratioOf(summary.uiUs?.median, summary.cUs?.median);
  const untracedRatio = ratioOf(summary.untracedUs?.median, summary.cUs?.median);
  return {
    messages: ROUNDTRIP_MESSAGES,
    ...summary,
    uiRatio,
    uiRatioRounds: spread(uiRatios),
    untracedRatio,
    untracedRatioRounds: spread(untracedRatios),
    uiPass: uiRatio === undefined ? undefined : uiRatio <= ROUNDTRIP_TARGETS.ui,
    untracedPass: untracedRatio === undefined ? undefined : untracedRatio <= ROUNDTRIP_TARGETS.untraced,
  };
}

function formatRatio(ratio: number | undefined, rounds: Spread | undefined, target: number, pass: boolean | undefined): string {
  if (ratio === undefined) return `ratio to C ${MISSING}`;
  const range = rounds ? ` (per round ${rounds.min.toFixed(2)}-${rounds.max.toFixed(2)}x)` : '';
  return `${ratio.toFixed(2)}x C${range}, target <= ${target}x: ${verdict(pass)}`;
}

function printRoundTrip(rt: RoundTripSummary): void {
  log(`\nround trip over two pipes: ${ROUNDTRIP_ROUNDS} interleaved rounds of ${rt.messages} messages; medians (range)`);
  log(`  as the UI runs it (traced child, a listener on the link): ${formatSpread(rt.uiUs, 'us')}`);
  log(`    ${formatRatio(rt.uiRatio, rt.uiRatioRounds, ROUNDTRIP_TARGETS.ui, rt.uiPass)}`);
  log(`  untraced (the child reports nothing): ${formatSpread(rt.untracedUs, 'us')}`);
  log(`    ${formatRatio(rt.untracedRatio, rt.untracedRatioRounds, ROUNDTRIP_TARGETS.untraced, rt.untracedPass)}`);
  log(`  C (scripts/bench-c/roundtrip.c): ${formatSpread(rt.cUs, 'us')}`);
  const floorRatio = ratioOf(rt.nodeFloorUs?.median, rt.cUs?.median);
  log(`  floor for a Node parent (a paused socket's read path, a C echo child): ${formatSpread(rt.nodeFloorUs, 'us')}` + (floorRatio === undefined ? '' : `, ${floorRatio.toFixed(2)}x C`));
}

// ---- every channel ----------------------------------------------------------------------

/** The channels' table; two pipes has the target of the round trip as the UI runs it (pipe-chat / C at most). */
async function channels(c: CBuild): Promise<ChannelFigures & { targets: Partial<Record<Wiring, number>> }> {
  const targets = { 'two-pipes': ROUNDTRIP_TARGETS.ui };
  const figures = await channelFigures(c, echoChildScript, ROUNDS, progress);
  printChannels(figures, targets, log);
  return { ...figures, targets };
}

// ---- everything -------------------------------------------------------------------------

async function uiFigures(): Promise<Record<string, unknown>> {
  log('\nthe terminal UI, this run (in a pseudo-terminal, 100x30):');
  const frame = await firstFrame();
  log(`  time to first frame ${formatSpread(frame.ms, 'ms', 0)} (${NO_TARGET}); to the first frame that accepts a line ${formatSpread(frame.acceptsMs, 'ms', 0)} (target: the ratio below)`);
  log(`    minimal unbundled Ink app ${formatSpread(frame.minimalInkMs, 'ms', 0)}; ratio of the frame that accepts a line (median of pairs) ${frame.ratio === undefined ? MISSING : `${frame.ratio.toFixed(2)}x (target <= 0.5x): ${verdict(frame.ratio <= 0.5)}`}`);
  log('\ntyping, beside a minimal Ink app that echoes keys (scripts/bench-fixtures/minimal-ink-echo.mjs):');
  const typing = await typingFigures(LESSON_CONVERSATIONS);
  printTyping(typing, log);
  const quit = await quitToExit();
  log(`\n  time from the quit key (Ctrl+C) to the shell prompt (the parent's exit): ${formatSpread(quit.parentMs, 'ms', 1)} (${NO_TARGET})`);
  log(`    the child gone: ${formatSpread(quit.childMs, 'ms', 1)} (${NO_TARGET})`);
  const idle = await idleCpu(10);
  log(`  idle CPU over ${idle.seconds} s: parent ${idle.parentPercent.toFixed(2)}%, child ${idle.childPercent.toFixed(2)}% of one core (target < 1% each): ${verdict(idle.parentPercent < 1 && idle.childPercent < 1)}`);
  const memory = await peakMemory(/DONE/);
  const memoryRatio = memory.parentMiB / memory.minimalInkMiB;
  log(`  peak memory over an auto-played conversation: parent ${memory.parentMiB.toFixed(1)} MiB (target: the ratio below), child ${memory.childMiB.toFixed(1)} MiB (${NO_TARGET})`);
  log(`    the minimal unbundled Ink app peaks at ${memory.minimalInkMiB.toFixed(1)} MiB on this Node (${process.version}); parent / minimal ${memoryRatio.toFixed(2)}x (target <= 0.85x): ${verdict(memoryRatio <= 0.85)}`);
  return { firstFrame: frame, typing, quitToExit: quit, idleCpu: idle, peakMemory: memory };
}

async function main(): Promise<void> {
  if (uiOnly) {
    const ui = await uiFigures();
    if (json) process.stdout.write(`${JSON.stringify({ ...ui, node: process.version, root })}\n`);
    return;
  }
  const c = buildCPrograms(channelsOnly ? ['roundtrip', ...CHANNEL_C_PROGRAMS] : undefined);
  log(`C programs built from scripts/bench-c/ (cc -O2 -pthread): ${Object.keys(c.binaries).join(', ') || 'none'}`);
  for (const problem of c.problems) log(`  ${problem}: its figures are missing below`);
  if (stealOnly) {
    try {
      const steal = await stealFigures(c, [process.cwd(), ...against], ROUNDS, log);
      if (json) process.stdout.write(`${JSON.stringify({ steal, node: process.version, root })}\n`);
    } finally {
      removeCPrograms(c);
    }
    return;
  }
  if (channelsOnly) {
    try {
      const figures = await channels(c);
      if (json) process.stdout.write(`${JSON.stringify({ channels: figures, node: process.version, root })}\n`);
    } finally {
      removeCPrograms(c);
    }
    return;
  }
  try {
    const summaries = summarizeRace(await raceRounds(c));
    printRace(summaries);
    const rt = await roundTripRounds(c);
    printRoundTrip(rt);
    const channelTable = await channels(c);

    const sweepStarted = performance.now();
    await sweep({ wiring: 'one-pipe', delaysMs: DEFAULT_SWEEP_DELAYS_MS, trials: RACE_TRIALS, parentDelayMs: 0, childScript });
    const sweepMs = performance.now() - sweepStarted;
    log(`\nthe sweep over ${DEFAULT_SWEEP_DELAYS_MS.length} delays x ${RACE_TRIALS} trials (pipe-chat race --sweep): ${(sweepMs / 1000).toFixed(2)} s (${NO_TARGET})`);
    const ui = await uiFigures();
    if (json) {
      process.stdout.write(
        `${JSON.stringify({
          cPrograms: { built: Object.keys(c.binaries), problems: c.problems },
          race: { trials: RACE_TRIALS, rounds: RACE_ROUNDS, delays: summaries },
          roundTrip: rt,
          channels: channelTable,
          sweepMs,
          ...ui,
          node: process.version,
          root,
        })}\n`,
      );
    }
  } finally {
    removeCPrograms(c);
  }
}

await main();
