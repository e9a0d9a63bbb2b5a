// What the commands print fits a terminal of 100 columns, in both languages: every usage
// text, and the race's reports (their longest lines, with the largest counts a run can give).
import { describe, expect, it } from 'vitest';
import { widthOf } from '../../src/text/text-width.js';
import { formatRace } from '../../src/experiments/race-report.js';
import { wrapMachine } from '../../src/experiments/terminal-style.js';
import { messagesFor } from '../../src/i18n/index.js';
import type { RaceResult } from '../../src/experiments/race.js';

const COLUMNS = 100;
const tooWide = (text: string): string[] => text.split('\n').filter((line) => widthOf(line) > COLUMNS);

const BIG: RaceResult = {
  wiring: 'queue-one-type',
  trials: 100_000,
  stolen: 99_999,
  delivered: 100_000,
  lost: 0,
  torn: 0,
  pipes: 0,
  delayMs: 1000,
  parentDelayMs: 0,
  parentBlocked: 100_000,
  parentCall: 'msgrcv',
  waitingBeforeSend: 100_000,
  disturbed: 100_000,
  durationMs: 1,
  trialsPerSecond: 100_000,
  childPid: 4_194_303,
};

/** The race on signals, with its bits (the longest call name the reports print). */
const BITS: RaceResult = { ...BIG, wiring: 'signal-no-acks', parentCall: 'rt_sigtimedwait', bitsSent: 100_000 * 17 * 8, bitsLost: 100_000 * 17 * 8, garbled: 100_000 };

describe('printed text', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: every usage text fits 100 columns`, () => {
      for (const [topic, text] of Object.entries(messagesFor(lang).cli.usage)) expect(tooWide(text), topic).toEqual([]);
    });

    it(`${lang}: the race's report fits 100 columns`, () => {
      expect(tooWide(formatRace(BIG, lang))).toEqual([]);
      expect(tooWide(formatRace(BITS, lang))).toEqual([]);
    });
  }
});

describe('the machine a result was measured on', () => {
  const machine = { cpus: 2, cpuModel: 'Intel(R) Xeon(R) Processor', kernel: 'Linux 6.18.44-fc-v1045', node: 'v20.20.2' };
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: a line too long for 80 columns breaks after a comma, every fact whole`, () => {
      const text = messagesFor(lang).cli.machine(machine);
      expect(widthOf(text)).toBeGreaterThan(80);
      const lines = wrapMachine(text, 80);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(80);
      for (const line of lines.slice(0, -1)) expect(line).toMatch(/,$/);
      expect(lines.join('\n').replaceAll(',\n  ', ', ')).toBe(text);
    });
  }
});
