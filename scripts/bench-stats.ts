// Small statistics for the benchmark, and their words: a figure that was not measured
// is said to be missing, never printed as NaN.
import { wilsonInterval } from '../src/experiments/wilson.js';

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Median (the upper middle for an even count) and range; undefined with no runs. */
export function spread(xs: readonly number[]): Spread | undefined {
  const finite = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const median = finite[Math.floor(finite.length / 2)];
  if (median === undefined) return undefined;
  return { median, min: finite[0] ?? median, max: finite.at(-1) ?? median, runs: finite.length };
}

export const MISSING = 'not measured';
/** Beside a figure of pipe-chat's for which no target has been set (the yardsticks, C and the minimal Ink app, have none of their own). */
export const NO_TARGET = 'no target set';
/** The steal rate's target at delay 0: pipe-chat within this many percentage points of C of its shape. */
export const DELAY0_ALLOWED_POINTS = 15;

/** pipe-chat's steal rate minus C's of its shape, in percentage points; undefined when either is missing. */
export function differencePoints(ours: PooledRate | undefined, c: PooledRate | undefined): number | undefined {
  return ours && c ? (ours.rate - c.rate) * 100 : undefined;
}

/** Whether a difference is within the target's points; undefined when it was not measured. */
export function withinPoints(points: number | undefined, allowed: number): boolean | undefined {
  return points === undefined ? undefined : Math.abs(points) <= allowed;
}

/** "pipe-chat minus C of its shape: +1.2 points (target within 15): PASS". */
export function formatDifference(points: number | undefined, allowed: number): string {
  const difference = points === undefined ? MISSING : `${points >= 0 ? '+' : ''}${points.toFixed(1)} points`;
  return `pipe-chat minus C of its shape: ${difference} (target within ${allowed}): ${verdict(withinPoints(points, allowed))}`;
}

export function ratioOf(a: number | undefined, b: number | undefined): number | undefined {
  return a !== undefined && b !== undefined && b > 0 && Number.isFinite(a) ? a / b : undefined;
}

/** "12.30 us (range 11.90-13.10, 3 rounds)" */
export function formatSpread(s: Spread | undefined, unit: string, digits = 2): string {
  if (!s) return MISSING;
  return `${s.median.toFixed(digits)} ${unit} (range ${s.min.toFixed(digits)}-${s.max.toFixed(digits)}, ${s.runs} runs)`;
}

export const pct = (fraction: number, digits = 1): string => `${(fraction * 100).toFixed(digits)}%`;

export interface PooledRate {
  stolen: number;
  trials: number;
  rate: number;
  low: number;
  high: number;
  /** The steal rate of each round. */
  rounds: Spread | undefined;
}

/** Counts of several rounds pooled, with the 95% Wilson interval and the spread over rounds. */
export function pooledRate(rounds: readonly { stolen: number; trials: number }[]): PooledRate | undefined {
  const stolen = rounds.reduce((sum, r) => sum + r.stolen, 0);
  const trials = rounds.reduce((sum, r) => sum + r.trials, 0);
  if (trials === 0) return undefined;
  const { low, high } = wilsonInterval(stolen, trials);
  return { stolen, trials, rate: stolen / trials, low, high, rounds: spread(rounds.map((r) => r.stolen / r.trials)) };
}

export function formatRate(r: PooledRate | undefined): string {
  if (!r) return MISSING;
  const rounds = r.rounds ? `, rounds median ${pct(r.rounds.median)} range ${pct(r.rounds.min)}-${pct(r.rounds.max)}` : '';
  return `${pct(r.rate)} (${r.stolen}/${r.trials}, 95% ${pct(r.low)}-${pct(r.high)}${rounds})`;
}

export const verdict = (pass: boolean | undefined): string => (pass === undefined ? 'NOT MEASURED' : pass ? 'PASS' : 'MISS');
