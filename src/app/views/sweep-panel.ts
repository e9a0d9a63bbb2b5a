// The in-chat sweep's panel: its progress while it runs, then the steal rate against the
// child's delay as the same chart the command line draws (experiments/rate-chart.ts),
// with each point's count, in a frame that fills the screen like the help. Unicode blocks,
// as the chat's frames are; colour comes from the theme, not from escape codes in the lines.
import { delayLabel, drawRateChart } from '../../experiments/rate-chart.js';
import { CLASS_SWEEP, type ClassSweep } from '../hooks/use-class-sweep.js';
import { framed, seg, type Line } from '../../text/styled-lines.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { truncateToWidth, wrapToWidth } from '../../text/text-width.js';
import { wiringWords, type Ui } from './phrases.js';

const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

export function sweepPanelLines(t: Ui, sweep: ClassSweep, width: number, height: number): Line[] {
  const s = t.sweepPanel;
  const inner = width - 4;
  const text = (line: string, tone?: Parameters<typeof seg>[1]): Line => [seg(' '), seg(truncateToWidth(line, inner), tone)];
  const body: Line[] = [];
  if (sweep.status === 'running') {
    const wiringName = wiringWords(t, sweep.wiring);
    const total = CLASS_SWEEP.delaysMs.length;
    const delay = delayLabel(CLASS_SWEEP.delaysMs[sweep.point] ?? 0);
    body.push(text(s.running(wiringName, CLASS_SWEEP.trials)), [], text(s.progress(delay, sweep.done, CLASS_SWEEP.trials, sweep.point + 1, total), 'accent'), [], text(s.cancel, 'key'));
  } else if (sweep.status === 'done') {
    const wiringName = wiringWords(t, sweep.wiring);
    const chart = drawRateChart([{ label: wiringName, points: sweep.points }], { width: inner, ascii: false, color: false, text: { yTitle: s.yTitle, xTitle: s.xTitle, interval: s.interval } });
    const counts = sweep.points.map((p) => `${delayLabel(p.delayMs)} ms: ${p.stolen}/${p.trials} (${percent(p.rate)}, ${percent(p.low)}-${percent(p.high)})`).join(' · ');
    body.push(...chart.map((l) => text(l)), [], ...wrapToWidth(counts, inner).map((l) => text(l, 'dim')), text(s.close, 'key'));
  } else if (sweep.status === 'failed') {
    body.push(...wrapToWidth(s.failed(sanitizeForDisplay(sweep.message)), inner).map((l) => text(l, 'danger')), [], text(s.close, 'key'));
  }
  return framed([seg(s.title, 'title')], body.slice(0, Math.max(0, height - 2)), width, height, 'accent');
}
