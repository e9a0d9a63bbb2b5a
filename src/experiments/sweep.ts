// `pipe-chat race --sweep`: the race run at each of several child delays, one race()
// per delay, and the steal rate drawn against the delay with its 95% interval. Every
// point says which wiring it was measured on, so that wirings can one day be put side
// by side (each wiring becomes one series of the chart).
import type { RaceOptions } from '../args.js';
import { padStartToWidth, widthOf } from '../text/text-width.js';
import { messagesFor, type Lang } from '../i18n/index.js';
import { race } from './race.js';
import { thisMachine, type Machine } from './machine.js';
import { progressLine } from './progress.js';
import { delayLabel, drawRateChart, type ChartSeries } from './rate-chart.js';
import { toCsv, toJson } from './report-files.js';
import type { RaceCounts } from './report-schema.js';
import { terminalStyle, wrapLines, wrapMachine, type TerminalStyle } from './terminal-style.js';
import { wilsonInterval } from './wilson.js';
import { wiringName, type Wiring } from './wiring.js';

/** One delay's race: the counts of every race report, the delay, and the steal rate. */
export interface SweepPoint extends RaceCounts {
  delayMs: number;
  /** stolen / trials, and the 95% Wilson interval around it: fractions, 4 decimals. */
  rate: number;
  low: number;
  high: number;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** One point, rounded once here, so the screen, the JSON and the CSV show the same numbers. */
export function sweepPoint(counts: RaceCounts, delayMs: number): SweepPoint {
  const { wiring, trials, stolen, delivered, lost, torn } = counts;
  const { low, high } = wilsonInterval(stolen, trials);
  return { wiring, delayMs, trials, stolen, rate: round4(stolen / trials), low: round4(low), high: round4(high), delivered, lost, torn };
}

export interface SweepSettings {
  wiring: Wiring;
  delaysMs: readonly number[];
  trials: number;
  parentDelayMs: number;
  childScript?: string;
  /** After each trial: which delay (0-based) and how many of its trials are done. */
  onTrial?: (point: number, done: number) => void;
  /** Cancels the sweep before its next trial. */
  signal?: AbortSignal;
}

export async function sweep(settings: SweepSettings): Promise<SweepPoint[]> {
  const points: SweepPoint[] = [];
  for (const [i, delayMs] of settings.delaysMs.entries()) {
    const result = await race({
      wiring: settings.wiring,
      trials: settings.trials,
      delayMs,
      parentDelayMs: settings.parentDelayMs,
      ...(settings.childScript ? { childScript: settings.childScript } : {}),
      onTrial: (done) => settings.onTrial?.(i, done),
      ...(settings.signal ? { signal: settings.signal } : {}),
    });
    points.push(sweepPoint(result, delayMs));
  }
  return points;
}

const percent = (fraction: number): string => `${(fraction * 100).toFixed(2)}%`;

export function formatSweep(points: readonly SweepPoint[], parentDelayMs: number, machine: Machine, style: TerminalStyle, lang: Lang): string {
  const t = messagesFor(lang).cli;
  const wirings = [...new Set(points.map((p) => p.wiring))];
  const series: ChartSeries[] = wirings.map((w) => ({ label: wiringName(w, lang), points: points.filter((p) => p.wiring === w) }));
  const chart = drawRateChart(series, { ...style, text: { yTitle: t.sweep.yTitle, xTitle: t.sweep.xTitle, interval: t.sweep.interval } });
  const trials = [...new Set(points.map((p) => p.trials))].join('/');
  const header = wirings.length > 1 ? ['', ...t.sweep.header] : t.sweep.header;
  const rows = points.map((p) => [
    ...(wirings.length > 1 ? [wiringName(p.wiring, lang)] : []),
    delayLabel(p.delayMs),
    String(p.stolen),
    String(p.trials),
    percent(p.rate),
    `${percent(p.low)} - ${percent(p.high)}`,
  ]);
  const widths = header.map((h, c) => Math.max(widthOf(h), ...rows.map((r) => widthOf(r[c] ?? ''))));
  const table = [header, ...rows].map((r) => `  ${r.map((cell, c) => padStartToWidth(cell, widths[c] ?? 0)).join('  ')}`.trimEnd());
  const title = t.sweep.title(series.map((s) => s.label).join(', '), Number(trials) || 0, parentDelayMs);
  return [...wrapLines([title], style.width), '', ...chart, '', ...wrapLines([...table, ''], style.width), ...wrapMachine(t.machine(machine), style.width)].join('\n');
}

export async function runSweep(options: RaceOptions, lang: Lang): Promise<number> {
  const t = messagesFor(lang).cli;
  const delays = options.sweepDelaysMs ?? [];
  const progress = progressLine(process.stderr, options.output === 'text');
  const points = await sweep({
    wiring: options.wiring,
    delaysMs: delays,
    trials: options.trials,
    parentDelayMs: options.parentDelayMs,
    onTrial: (point, done) =>
      progress.update(() => t.race.progress(delayLabel(delays[point] ?? 0), done, options.trials, point + 1, delays.length)),
  }).finally(() => progress.done());
  const machine = thisMachine();
  const rows = points.map((p) => ({ ...p }));
  if (options.output === 'json') process.stdout.write(`${toJson('race-sweep', machine, 'points', rows)}\n`);
  else if (options.output === 'csv') process.stdout.write(`${toCsv(machine, rows)}\n`);
  else {
    const style = terminalStyle(process.env, process.stdout, options.color);
    const note = options.wiringChosen ? '' : `${t.race.defaultWiring}\n`;
    process.stdout.write(`${formatSweep(points, options.parentDelayMs, machine, style, lang)}\n${note}`);
  }
  return 0;
}
