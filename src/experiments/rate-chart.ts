// The sweep's chart, pure: a rate (0-100%) for each delay, as one bar per delay, with
// its 95% interval as a whisker beside the bar (dotted: not the axis's line). The delays
// stand one column each, in order, not to scale (0.05 and 2 ms would not both show), and
// the x axis's title says so. Several series (wirings, one day side
// by side with --wiring) share each delay's slot. Exact widths (Korean titles take two
// cells a character), at most `width` columns; Unicode blocks, or plain ASCII where the
// terminal cannot show them; ANSI colour only when asked.
import { centreInWidth, fitToWidth, padStartToWidth, truncateToWidth } from '../text/text-width.js';

export interface ChartPoint {
  delayMs: number;
  rate: number;
  low: number;
  high: number;
}

export interface ChartSeries {
  /** The legend's name for the series, e.g. "one shared pipe". */
  label: string;
  /** One point per delay, in the same order in every series. */
  points: readonly ChartPoint[];
}

export interface ChartText {
  yTitle: string;
  xTitle: string;
  interval: string;
}

export interface ChartOptions {
  width: number;
  ascii: boolean;
  color: boolean;
  text: ChartText;
}

const ROWS = 10;
const Y_LABEL = 5;
const EIGHTHS = ' ▁▂▃▄▅▆▇█';
type Style = readonly [open: string, close: string];
const SERIES_STYLES: Style[] = [
  ['\x1b[31m', '\x1b[39m'],
  ['\x1b[36m', '\x1b[39m'],
  ['\x1b[33m', '\x1b[39m'],
];
const WHISKER_STYLE: Style = ['\x1b[2m', '\x1b[22m'];

interface Glyphs {
  full: string[];
  whisker: string;
  axis: string;
  tick: string;
  corner: string;
  floor: string;
}

const UNICODE: Glyphs = { full: ['█', '▓', '▒'], whisker: '┊', axis: '│', tick: '┤', corner: '└', floor: '─' };
const ASCII: Glyphs = { full: ['#', '=', '+'], whisker: ':', axis: '|', tick: '+', corner: '+', floor: '-' };

/** Tick labels as delays are written on the command line: 0, 0.05, 2. */
export function delayLabel(delayMs: number): string {
  return String(Number(delayMs.toFixed(3)));
}

function paint(text: string, style: Style | undefined, on: boolean): string {
  return on && style && text.trim() ? `${style[0]}${text}${style[1]}` : text;
}

/** The bar's cell in row `row` (0 at the bottom) for a rate in [0, 1]. */
function barCell(rate: number, row: number, series: number, glyphs: Glyphs, ascii: boolean): string {
  const fill = Math.min(1, Math.max(0, rate * ROWS - row));
  const full = glyphs.full[series % glyphs.full.length] as string;
  if (fill >= 1) return full;
  const visibleFloor = row === 0 && rate > 0;
  if (ascii || series > 0) return fill >= 0.5 ? full : visibleFloor ? '_' : ' ';
  const eighths = Math.round(fill * 8);
  return eighths === 0 && visibleFloor ? '▁' : (EIGHTHS[eighths] as string);
}

function whiskerCell(point: ChartPoint, row: number, glyph: string): string {
  const bottom = row / ROWS;
  const top = (row + 1) / ROWS;
  return point.high >= bottom && point.low < top ? glyph : ' ';
}

export function drawRateChart(series: readonly ChartSeries[], options: ChartOptions): string[] {
  const glyphs = options.ascii ? ASCII : UNICODE;
  const delays = (series[0]?.points ?? []).map((p) => p.delayMs);
  const labels = delays.map(delayLabel);
  const labelWidth = Math.max(1, ...labels.map((l) => l.length));
  const room = options.width - Y_LABEL - 1;
  const barWidth = [2, 1].find((bar) => delays.length * (Math.max(series.length * (bar + 1), labelWidth) + 2) <= room);
  if (barWidth === undefined) throw new RangeError(`${delays.length} delays do not fit in ${options.width} columns`);
  const slot = Math.max(series.length * (barWidth + 1), labelWidth) + 2;

  const lines = [truncateToWidth(options.text.yTitle, options.width)];
  for (let row = ROWS - 1; row >= 0; row--) {
    const labelled = (row + 1) % 2 === 0;
    const yLabel = labelled ? `${(row + 1) * 10}%` : '';
    let line = `${padStartToWidth(yLabel, Y_LABEL - 1)} ${labelled ? glyphs.tick : glyphs.axis}`;
    for (let d = 0; d < delays.length; d++) {
      let cells = '';
      series.forEach((s, i) => {
        const point = s.points[d];
        if (!point) return;
        const bar = barCell(point.rate, row, i, glyphs, options.ascii).repeat(barWidth);
        cells += paint(bar, SERIES_STYLES[i], options.color) + paint(whiskerCell(point, row, glyphs.whisker), WHISKER_STYLE, options.color);
      });
      const used = series.length * (barWidth + 1);
      const left = Math.floor((slot - used) / 2);
      line += ' '.repeat(left) + cells + ' '.repeat(slot - used - left);
    }
    lines.push(line.trimEnd());
  }
  lines.push(`${padStartToWidth('0%', Y_LABEL - 1)} ${glyphs.corner}${glyphs.floor.repeat(slot * delays.length)}`);
  lines.push(' '.repeat(Y_LABEL + 1) + labels.map((l) => centreInWidth(l, slot)).join('').trimEnd());
  lines.push(' '.repeat(Y_LABEL + 1) + truncateToWidth(options.text.xTitle, options.width - Y_LABEL - 1));
  const legend = series.map((s, i) => `${paint(glyphs.full[i % glyphs.full.length] as string, SERIES_STYLES[i], options.color)} ${s.label}`);
  lines.push(fitToWidth('', Y_LABEL + 1) + [...legend, `${glyphs.whisker} ${options.text.interval}`].join('   '));
  return lines;
}

