// One shape for every experiment's machine-readable output, so JSON and CSV carry the
// same fields and the same numbers as the screen: JSON is one object (the schema's
// version, the experiment's name, the machine, and its rows under one key); CSV is one
// row per result with the machine's fields as the last columns.
import type { Machine } from './machine.js';
import { REPORT_VERSION } from './report-schema.js';

export type Row = Record<string, string | number>;

export function toJson(experiment: string, machine: Machine, rowsKey: string, rows: readonly object[]): string {
  return JSON.stringify({ version: REPORT_VERSION, experiment, machine, [rowsKey]: rows });
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(machine: Machine, rows: readonly Row[]): string {
  const first = rows[0];
  if (!first) return '';
  const withMachine: Row[] = rows.map((row) => ({ ...row, ...machine }));
  const columns = Object.keys({ ...first, ...machine });
  return [columns, ...withMachine.map((row) => columns.map((c) => row[c] ?? ''))].map((line) => line.map(csvField).join(',')).join('\n');
}
