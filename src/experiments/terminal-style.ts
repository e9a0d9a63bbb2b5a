// What the terminal can show, decided once for every experiment's report: Unicode
// block characters only under a UTF-8 locale on a terminal that is not "dumb" (LANG=C
// gets plain ASCII), colour only on a terminal and never with NO_COLOR or --no-color,
// and at most 80 columns.
import { widthOf, wrapPhrases, wrapToWidth } from '../text/text-width.js';
export interface TerminalStyle {
  ascii: boolean;
  color: boolean;
  width: number;
}

export const REPORT_WIDTH = 80;

export function terminalStyle(env: NodeJS.ProcessEnv, stream: { isTTY?: boolean; columns?: number }, colorOption: boolean): TerminalStyle {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const dumb = env.TERM === 'dumb';
  return {
    ascii: dumb || !/utf-?8/i.test(locale),
    color: colorOption && Boolean(stream.isTTY) && !dumb,
    width: Math.min(REPORT_WIDTH, stream.columns || REPORT_WIDTH),
  };
}

/** Breaks lines wider than `width` at spaces; the rest of a broken line is indented under its start. */
export function wrapLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => {
    if (widthOf(line) <= width) return [line];
    const indent = /^ */.exec(line)?.[0] ?? '';
    const rest = `${indent}  `;
    return wrapToWidth(line.trimStart(), width - rest.length).map((part, i) => (i === 0 ? indent : rest) + part);
  });
}

/**
 * The machine a result was measured on, in lines of at most `width`: broken after a comma
 * when it must be, so that no fact ("Node v20.20.2", the kernel's release) is cut in two.
 */
export function wrapMachine(line: string, width: number): string[] {
  const rest = '  ';
  return wrapPhrases(line.split(/(?<=,) /), width - rest.length).map((part, i) => (i === 0 ? part : rest + part));
}
