import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { widthOf } from '../../src/text/text-width.js';
import { drawRateChart, type ChartSeries } from '../../src/experiments/rate-chart.js';
import { sweepPoint } from '../../src/experiments/sweep.js';
import { terminalStyle } from '../../src/experiments/terminal-style.js';
import { en } from '../../src/i18n/en.js';
import { ko } from '../../src/i18n/ko.js';

/** A race's counts with `stolen` of `trials` read back and the rest delivered. */
function counts(wiring: 'one-pipe', trials: number, stolen: number) {
  return { wiring, trials, stolen, delivered: trials - stolen, lost: 0, torn: 0 };
}


const DELAYS = [0, 0.05, 0.1, 0.25, 0.5, 1, 2];
const STOLEN = [300, 150, 3, 0, 0, 0, 0];
const series = (label: string, stolen = STOLEN, delays = DELAYS): ChartSeries => ({
  label,
  points: delays.map((d, i) => sweepPoint(counts('one-pipe', 300, stolen[i] ?? 0), d)),
});
const textOf = (lang: typeof en) => ({ yTitle: lang.cli.sweep.yTitle, xTitle: lang.cli.sweep.xTitle, interval: lang.cli.sweep.interval });
const cells = (line: string) => widthOf(stripVTControlCharacters(line));

describe('the sweep chart', () => {
  it.each([
    ['English', en],
    ['Korean', ko],
  ])('fits 80 columns in %s, with its axis titles and one labelled column per delay, 0 included', (_, lang) => {
    const lines = drawRateChart([series(lang.ui.channels['one-pipe'].reportName)], { width: 80, ascii: false, color: false, text: textOf(lang) });
    for (const line of lines) expect(cells(line)).toBeLessThanOrEqual(80);
    const chart = lines.join('\n');
    expect(chart).toContain(lang.cli.sweep.yTitle);
    expect(chart).toContain(lang.cli.sweep.xTitle);
    expect(lines.find((l) => l.includes('0.05'))).toMatch(/^\s+0\s+0\.05\s+0\.1\s+0\.25\s+0\.5\s+1\s+2$/);
    expect(chart).toContain('100% ┤');
  });

  it('draws a full bar at 100%, half a bar at 50%, a sliver for 1%, and nothing at 0', () => {
    const lines = drawRateChart([series('one')], { width: 80, ascii: false, color: false, text: textOf(en) });
    const top = lines[1] ?? '';
    const middle = lines[6] ?? '';
    const bottom = lines[10] ?? '';
    expect(top).toMatch(/^100% ┤ +██┊$/);
    expect(middle.match(/██/g)).toHaveLength(2);
    expect(bottom).toContain('▁▁');
    expect(bottom.match(/██/g)).toHaveLength(2);
  });

  it('places the 95% interval as a whisker beside each bar', () => {
    const [point] = series('one', [150], [0]).points;
    const lines = drawRateChart([{ label: 'one', points: [point!] }], { width: 80, ascii: true, color: false, text: textOf(en) });
    // Rows from the top; each tick label marks the top of its row, the axis is column 5.
    const rowsWithWhisker = lines.slice(1, 11).filter((l) => l.slice(6).includes(':'));
    // 150 of 300: 44.4%-55.6%, the rows for 50-60% (labelled 60%) and 40-50%.
    expect(rowsWithWhisker.map((l) => l.slice(0, 4).trim())).toEqual(['60%', '']);
  });

  it("draws the whisker unlike the axis, and says the delays are not to scale", () => {
    for (const ascii of [false, true]) {
      const lines = drawRateChart([series('one')], { width: 80, ascii, color: false, text: textOf(en) });
      const axis = ascii ? '|' : '│';
      // The axis's character stands at column 5 only: no bar's whisker looks like it.
      for (const line of lines.slice(1, 11)) expect(line.slice(6)).not.toContain(axis);
    }
    expect(en.cli.sweep.xTitle).toContain('not to scale');
  });

  it('falls back to plain ASCII', () => {
    const lines = drawRateChart([series('one')], { width: 80, ascii: true, color: false, text: textOf(en) });
    const chart = lines.slice(1, -2).join('\n');
    expect(chart).toMatch(/^[\x20-\x7e\n]*$/);
    expect(chart).toContain('100% + ##:');
  });

  it('colours the bars only when asked (NO_COLOR, --no-color and pipes get none)', () => {
    const plain = drawRateChart([series('one')], { width: 80, ascii: false, color: false, text: textOf(en) }).join('\n');
    const coloured = drawRateChart([series('one')], { width: 80, ascii: false, color: true, text: textOf(en) }).join('\n');
    expect(plain).not.toContain('\x1b[');
    expect(coloured).toContain('\x1b[31m██\x1b[39m');
    expect(stripVTControlCharacters(coloured)).toBe(plain);
  });

  it('puts two wirings side by side and still fits 80 columns with ten delays', () => {
    const ten = [0, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 60000];
    const lines = drawRateChart([series('one pipe', STOLEN, ten), series('two pipes', [], ten)], {
      width: 80,
      ascii: false,
      color: false,
      text: textOf(en),
    });
    for (const line of lines) expect(cells(line)).toBeLessThanOrEqual(80);
    expect(lines.at(-1)).toContain('█ one pipe');
    expect(lines.at(-1)).toContain('▓ two pipes');
  });
});

describe('what the terminal can show', () => {
  const tty = { isTTY: true, columns: 120 };
  it.each([
    [{ LANG: 'C' }, true],
    [{ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, true],
    [{ LANG: 'ko_KR.UTF-8' }, false],
    [{ LANG: 'en_US.UTF-8', TERM: 'dumb' }, true],
    [{}, true],
  ])('%j: ASCII only is %s', (env, ascii) => {
    expect(terminalStyle(env, tty, true).ascii).toBe(ascii);
  });

  it('colours only a terminal that is not dumb, when colour was not turned off; never wider than 80', () => {
    expect(terminalStyle({ LANG: 'C.UTF-8' }, tty, true)).toEqual({ ascii: false, color: true, width: 80 });
    expect(terminalStyle({ LANG: 'C.UTF-8' }, tty, false).color).toBe(false);
    expect(terminalStyle({ LANG: 'C.UTF-8' }, { isTTY: false }, true).color).toBe(false);
    expect(terminalStyle({ TERM: 'dumb' }, tty, true).color).toBe(false);
  });
});
