// The round trip on each channel with a C program in the repository (a source.c.ts in
// its folder, the program `pipe-chat source NAME` prints): pipe-chat's, as the UI runs it
// (bench-roundtrip.ts: traced, on that channel's link), beside C's over the same kernel
// mechanism with the calls of that program (scripts/bench-c/roundtrip*.c), in
// interleaved rounds: in each, per channel, C, then pipe-chat. A channel where a round
// trip has no meaning gets a line that says why, from what its ends declare.
import fs from 'node:fs';
import path from 'node:path';
import { channelEnds } from '../src/channels/ends-registry.js';
import { WIRINGS, type Wiring } from '../src/channels/names.js';
import { cacheRootCandidates } from '../src/kernel/safe-dirs.js';
import { runC, type CBuild, type CProgram } from './bench-c-programs.js';
import { echoRoundTrip } from './bench-roundtrip.js';
import { MISSING, NO_TARGET, ratioOf, spread, verdict, type Spread } from './bench-stats.js';

/** Round trips timed after a warm-up, in one run of one program. */
export interface Counts {
  messages: number;
  warmUp: number;
}

/** How a channel's round trip is measured: its C program (with a mode, and a directory for a file), and the counts of each side. */
interface EchoPlan {
  program: CProgram;
  mode?: string;
  /** The program makes its file in a private directory under the user's cache directory, on disk, where pipe-chat makes its own. */
  needsDir?: true;
  c: Counts;
  pipeChat: Counts;
}

// A round's counts: about half a second of pipe-chat's traced round trips, with their
// warm-up, on a loaded 2-core machine, and C's long enough that one preemption does not decide its mean.
const QUICK = { c: { messages: 10_000, warmUp: 500 }, pipeChat: { messages: 500, warmUp: 500 } };
// A reader that spins (busy waiting) holds a core; on a shared machine a round trip can
// then take a whole time slice of the other process: fewer of them.
const SPINNING = { c: { messages: 1000, warmUp: 200 }, pipeChat: { messages: 200, warmUp: 100 } };

const PLANS: Partial<Record<Wiring, EchoPlan>> = {
  // roundtrip.c sends "P1:Who are you?\n" each time; the others frame each message as pipe-chat's parent does ("P<turn>:...").
  'two-pipes': { program: 'roundtrip', ...QUICK },
  socket: { program: 'roundtrip-socket', mode: 'socketpair', ...QUICK },
  tcp: { program: 'roundtrip-socket', mode: 'tcp', ...QUICK },
  queue: { program: 'roundtrip-queue', ...QUICK },
  shm: { program: 'roundtrip-boxes', mode: 'shm', ...QUICK },
  'shm-busy': { program: 'roundtrip-boxes', mode: 'shm-busy', ...SPINNING },
  // msync(MS_SYNC) after each copy writes a page to the disk: 0.2-0.3 ms a round trip in C here.
  mmap: { program: 'roundtrip-boxes', mode: 'mmap', needsDir: true, c: { messages: 1000, warmUp: 500 }, pipeChat: { messages: 300, warmUp: 200 } },
  file: { program: 'roundtrip-file', needsDir: true, ...SPINNING },
  threads: { program: 'roundtrip-threads', ...QUICK },
  // A bit per signal, each answered: about 290 signals and as many answers a round trip, 1.5-5 ms in C here.
  signal: { program: 'roundtrip-signal', c: { messages: 20, warmUp: 5 }, pipeChat: { messages: 20, warmUp: 5 } },
};

export interface ChannelRow {
  wiring: Wiring;
  /** Why no round trip is measured on it; absent where one is. */
  why?: string;
  c?: Counts;
  pipeChat?: Counts;
  cUs?: Spread | undefined;
  pipeChatUs?: Spread | undefined;
  /** pipe-chat / C within each round: median and range. */
  ratio?: Spread | undefined;
  /** The first failure of a run, in words (its round's figure is then missing). */
  failures?: string[];
}

export interface ChannelFigures {
  rounds: number;
  rows: ChannelRow[];
  /** Channels without a C program in the repository (no source.c.ts): not in the table. */
  withoutC: Wiring[];
}

const hasSource = (wiring: Wiring): boolean => fs.existsSync(path.resolve('src/channels', wiring, 'source.c.ts'));

/** The user's cache directory where it is safe for a private directory (pipe-chat's rule), or null. */
function cacheRoot(): string | null {
  return cacheRootCandidates().find((c) => c.verdict.safe)?.root ?? null;
}

/** Why a round trip on `wiring` has no meaning or cannot be run here; null where it can. */
function whyNot(wiring: Wiring, plan: EchoPlan | undefined, dir: string | null): string | null {
  const ends = channelEnds(wiring);
  if (ends.oneWay) return 'no round trip: one way only (the child writes, the parent only reads), nothing comes back';
  if (ends.shared) {
    return "no round trip: one object both ways, so the parent's read after its write can take back its own message (a steal, not an answer); the race measures this channel";
  }
  if (!plan) return 'no round trip: no C program for it in scripts/bench-c/ yet';
  if (plan.needsDir && dir === null) return 'no round trip: no safe cache directory for its file';
  return null;
}

function cArgs(plan: EchoPlan, dir: string | null): (string | number)[] {
  return [...(plan.mode ? [plan.mode] : []), plan.c.messages, plan.c.warmUp, ...(plan.needsDir && dir ? [dir] : [])];
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));

/** `rounds` rounds; in each, per channel, C then pipe-chat. A run that fails is said, and its figure left out. */
export async function channelFigures(c: CBuild, childScript: string, rounds: number, progress: (line: string) => void): Promise<ChannelFigures> {
  const dir = cacheRoot();
  const withSource = WIRINGS.filter(hasSource);
  const rows = withSource.map((wiring): ChannelRow => {
    const plan = PLANS[wiring];
    const why = whyNot(wiring, plan, dir);
    return why === null && plan ? { wiring, c: plan.c, pipeChat: plan.pipeChat, failures: [] } : { wiring, why: why ?? '' };
  });
  const samples = new Map<Wiring, { c: number[]; pipeChat: number[]; ratios: number[] }>();
  for (let round = 1; round <= rounds; round++) {
    for (const row of rows) {
      const plan = PLANS[row.wiring];
      if (row.why !== undefined || !plan) continue;
      const at = samples.get(row.wiring) ?? { c: [], pipeChat: [], ratios: [] };
      samples.set(row.wiring, at);
      const fail = (side: string, error: unknown) => row.failures?.push(`round ${round}, ${side}: ${messageOf(error)}`);
      let cUs: number | undefined;
      const binary = c.binaries[plan.program];
      try {
        cUs = binary ? runC(binary, cArgs(plan, dir)).roundtrip_us : undefined;
        if (cUs !== undefined) at.c.push(cUs);
      } catch (error) {
        fail('C', error);
      }
      try {
        const ours = await echoRoundTrip({ childScript, wiring: row.wiring, messages: plan.pipeChat.messages, warmUp: plan.pipeChat.warmUp, traced: true });
        at.pipeChat.push(ours);
        const ratio = ratioOf(ours, cUs);
        if (ratio !== undefined) at.ratios.push(ratio);
      } catch (error) {
        fail('pipe-chat', error);
      }
      progress(`  channels round ${round}/${rounds}, ${row.wiring} done`);
    }
  }
  progress('');
  for (const row of rows) {
    const at = samples.get(row.wiring);
    if (!at) continue;
    Object.assign(row, { cUs: spread(at.c), pipeChatUs: spread(at.pipeChat), ratio: spread(at.ratios) });
  }
  return { rounds, rows, withoutC: WIRINGS.filter((w) => !hasSource(w)) };
}

/** "18.6 (17.9-19.5)": fewer decimals for larger numbers. */
function formatUs(s: Spread | undefined, unit = ''): string {
  if (!s) return MISSING;
  const digits = s.median >= 100 ? 0 : s.median >= 10 ? 1 : 2;
  return `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}-${s.max.toFixed(digits)}${unit})`;
}

const counts = (c: Counts | undefined): string => (c ? `${c.messages} (+${c.warmUp})` : '');

/** The table: per channel, C's and pipe-chat's medians, the ratio of each round's, and the target where one is set (`targets`: at most this many times C). */
export function printChannels(figures: ChannelFigures, targets: Partial<Record<Wiring, number>>, log: (line: string) => void): void {
  log(`\nround trip on each channel with a C program in the repository (src/channels/NAME/source.c.ts): ${figures.rounds} interleaved rounds;`);
  log('  in each, per channel, C (scripts/bench-c/roundtrip*.c, the calls of that program) then pipe-chat as the UI runs it (traced)');
  log('  medians in us (range over the rounds); pipe-chat / C: the median of the rounds\' ratios (range)');
  const widths = [16, 24, 24, 22, 14];
  const line = (cells: string[]) => log(`  ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' ')}`.trimEnd());
  line(['channel', 'C', 'pipe-chat', 'pipe-chat / C', 'target', 'messages (+warm-up): C, pipe-chat']);
  for (const row of figures.rows) {
    if (row.why !== undefined) {
      line([row.wiring, row.why]);
      continue;
    }
    const target = targets[row.wiring];
    const pass = target === undefined || row.ratio === undefined ? undefined : row.ratio.median <= target;
    line([row.wiring, formatUs(row.cUs), formatUs(row.pipeChatUs), formatUs(row.ratio, 'x'), target === undefined ? NO_TARGET : `<= ${target}x: ${verdict(pass)}`, `${counts(row.c)}, ${counts(row.pipeChat)}`]);
    for (const failure of row.failures ?? []) log(`    failed in ${failure}`);
  }
  if (figures.withoutC.length > 0) log(`  without a C program in the repository, so not here: ${figures.withoutC.join(', ')}`);
}
