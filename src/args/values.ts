// The values an option takes: plain decimal numbers within a range (a negative, a
// hexadecimal or a padded number is refused with its own reason), lists of them, and one
// of a few words. A bad value throws a UsageError, which the parser turns into a problem.
import type { Expected, NumberFault, UsageProblem } from './options.js';

export class UsageError extends Error {
  constructor(readonly problem: UsageProblem) {
    super(problem.kind);
  }
}

export const MAX_DELAY_MS = 60_000;
/** The sweep's chart has one column per delay and must fit 80 columns. */
export const MAX_SWEEP_DELAYS = 10;
export const MAX_SIZES = 4;
export const DEFAULT_SWEEP_DELAYS_MS = [0, 0.05, 0.1, 0.25, 0.5, 1, 2];
export const DEFAULT_WRITER_SIZES = [4096, 262144];
export const MAX_WRITERS = 16;
export const MAX_SIZE = 1024 * 1024;
export const MIN_SIZE = 16;
export const MAX_MESSAGES = 100;

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Why a written number is refused, or null if it is a plain decimal number (range aside). */
function numberFault(raw: string, integer: boolean): NumberFault | null {
  if (raw !== raw.trim() || raw === '') return raw.trim() === '' ? 'not-a-number' : 'spaces';
  if (raw.startsWith('-') && Number.isFinite(Number(raw))) return 'negative';
  if (/^[+-]?0[xob]/i.test(raw)) return 'not-decimal';
  return (integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(raw) ? null : 'not-a-number';
}

function parseNumber(option: string, raw: string, { min = 0, max = MAX_DELAY_MS, integer = false }: NumberRule, list?: number): number {
  const expected: Expected = { type: 'number', min, max, integer, ...(list ? { list } : {}) };
  const fault = numberFault(raw, integer);
  const value = Number(raw);
  if (fault || value < min || value > max) throw new UsageError({ kind: 'bad-value', option, value: raw, expected, fault: fault ?? 'out-of-range' });
  return value;
}

export function number(option: string, raw: string | undefined, fallback: number, rule: NumberRule = {}): number {
  return raw === undefined ? fallback : parseNumber(option, raw, rule);
}

/** A comma-separated list of numbers ("0,0.05,2"): sorted, each once, at most `most`. */
export function numberList(option: string, raw: string | undefined, fallback: number[], rule: NumberRule, most: number): number[] {
  if (raw === undefined) return fallback;
  const values = [...new Set(raw.split(',').map((item) => parseNumber(option, item, rule, most)))].sort((a, b) => a - b);
  if (values.length > most) {
    const { min = 0, max = MAX_DELAY_MS, integer = false } = rule;
    throw new UsageError({ kind: 'bad-value', option, value: raw, expected: { type: 'number', min, max, integer, list: most }, fault: 'too-many' });
  }
  return values;
}

export function oneOf<T extends string>(option: string, raw: string | undefined, values: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError({ kind: 'bad-value', option, value: raw, expected: { type: 'one-of', values: [...values] } });
}
