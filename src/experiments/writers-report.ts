// `pipe-chat writers` for people and for files: runs the experiment at each size, then
// prints the counts, one torn message as evidence (whose bytes sit inside whose, at
// which offsets of the stream read), and what PIPE_BUF promises against what the kernel
// did. The JSON and CSV rows carry the same counts.
import type { WritersOptions } from '../args.js';
import { messagesFor, type Lang } from '../i18n/index.js';
import { thisMachine, type Machine } from './machine.js';
import { progressLine } from './progress.js';
import { toCsv, toJson } from './report-files.js';
import { REPORT_WIDTH, terminalStyle, wrapLines, wrapMachine } from './terminal-style.js';
import type { Piece } from './stream-check.js';
import { messageName } from './writer-message.js';
import { runWriters, type WritersResult } from './writers.js';

export const PIPE_BUF = 4096;
/** Linux's default pipe capacity: a write that fits its free space went in whole here. */
export const PIPE_CAPACITY = 65536;
const EVIDENCE_LINES = 8;
const MiB = 1024 * 1024;

/** The flat fields of a result, for the JSON row and the CSV columns alike. */
function row(result: WritersResult) {
  const { writers, size, messages, whole, torn, bytes, durationMs } = result;
  return { writers, size, messages, total: writers * messages, whole, torn, bytes, durationMs };
}

/** A piece as JSON names its message as the screen does ("C7"), with its writer's letter. */
function pieceJson(piece: Piece) {
  return { name: messageName(piece.writer, piece.message), ...piece };
}

function evidence(result: WritersResult, lang: Lang): string[] {
  const t = messagesFor(lang).cli.writers;
  const torn = result.firstTorn;
  const own = torn?.pieces[0];
  if (!torn || !own) return [];
  const name = messageName(own.writer, own.message);
  const inOrder = [...torn.pieces, ...torn.intruders].sort((a, b) => a.streamOffset - b.streamOffset);
  const lines = inOrder.slice(0, EVIDENCE_LINES).map((p) => {
    const piece = t.piece(p.streamOffset, messageName(p.writer, p.message), p.messageOffset, p.messageOffset + p.length - 1);
    return p.writer === own.writer ? `    ${piece}` : `      ${piece}   ← ${t.inside(name)}`;
  });
  if (inOrder.length > EVIDENCE_LINES) lines.push(`    ${t.more(inOrder.length - EVIDENCE_LINES)}`);
  return [`  ${t.evidence(name, torn.pieces.length)}`, ...lines];
}

export function formatWriters(results: readonly WritersResult[], machine: Machine, lang: Lang, width = REPORT_WIDTH): string {
  const t = messagesFor(lang).cli.writers;
  const first = results[0];
  if (!first) return '';
  const lines = [t.title(first.writers, first.messages), ''];
  for (const result of results) {
    const note = result.size <= PIPE_BUF ? t.withinPipeBuf : result.size <= PIPE_CAPACITY ? t.withinPipe : t.overPipe;
    const total = result.writers * result.messages;
    const verdict = result.size <= PIPE_BUF ? t.verdictPromised : result.torn === 0 ? t.verdictKept : t.verdictSplit(result.torn, total);
    lines.push(t.size(result.size, note), `  ${t.counts(result.whole, result.torn, total)}`, `  ${verdict}`, ...evidence(result, lang), '');
  }
  lines.push(t.pipeBuf, '');
  return [...wrapLines(lines, width), ...wrapMachine(messagesFor(lang).cli.machine(machine), width)].join('\n');
}

export async function runWritersCommand(options: WritersOptions, lang: Lang): Promise<number> {
  const t = messagesFor(lang).cli.writers;
  const progress = progressLine(process.stderr, options.output === 'text');
  const results: WritersResult[] = [];
  try {
    for (const size of options.sizes) {
      const totalMiB = ((options.writers * options.messages * size) / MiB).toFixed(1);
      const onBytes = (read: number): void => progress.update(() => t.progress(size, (read / MiB).toFixed(1), totalMiB));
      results.push(await runWriters({ writers: options.writers, size, messages: options.messages, onBytes }));
    }
  } finally {
    progress.done();
  }
  const machine = thisMachine();
  if (options.output === 'json') {
    const rows = results.map((r) => ({ ...row(r), firstTorn: r.firstTorn && { pieces: r.firstTorn.pieces.map(pieceJson), intruders: r.firstTorn.intruders.map(pieceJson) } }));
    process.stdout.write(`${toJson('writers', machine, 'runs', rows)}\n`);
  } else if (options.output === 'csv') process.stdout.write(`${toCsv(machine, results.map(row))}\n`);
  else process.stdout.write(`${formatWriters(results, machine, lang, terminalStyle(process.env, process.stdout, options.color).width)}\n`);
  return 0;
}
