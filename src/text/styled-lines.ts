// The screen is built as lines of styled segments whose display width is known
// exactly (Hangul counts two cells). Ink then only stacks them: it never has to wrap
// or truncate, which is where Ink 6.8 miscounts double-width text.
import { truncateToWidth, widthOf } from './text-width.js';
import type { Tone } from './theme.js';

export interface Segment {
  text: string;
  tone?: Tone;
}

export type Line = Segment[];

export function seg(text: string, tone?: Tone): Segment {
  return tone ? { text, tone } : { text };
}

export function lineWidth(line: Line): number {
  return line.reduce((sum, s) => sum + widthOf(s.text), 0);
}

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

/** Exactly `width` cells: later segments are cut first, and the rest padded with spaces. */
export function fitLine(line: Line, width: number): Line {
  const out: Line = [];
  let used = 0;
  for (const s of line) {
    if (used >= width) break;
    const w = widthOf(s.text);
    if (used + w <= width) {
      out.push(s);
      used += w;
    } else {
      const cut = truncateToWidth(s.text, width - used);
      out.push({ ...s, text: cut });
      used += widthOf(cut);
    }
  }
  if (used < width) out.push({ text: ' '.repeat(width - used) });
  return out;
}

export interface BoxChars {
  tl: string;
  tr: string;
  bl: string;
  br: string;
  h: string;
  v: string;
}

export const ROUND: BoxChars = { tl: '╭', tr: '╮', bl: '╰', br: '╯', h: '─', v: '│' };
export const HEAVY: BoxChars = { tl: '┏', tr: '┓', bl: '┗', br: '┛', h: '━', v: '┃' };
export const DOUBLE: BoxChars = { tl: '╔', tr: '╗', bl: '╚', br: '╝', h: '═', v: '║' };

/** The row with nothing in it: one object, so that a box's empty rows are framed once. */
export const EMPTY_ROW: Line = Object.freeze([]) as unknown as Line;

/**
 * Framed rows by body row (the same object: a transcript entry's lines are laid out once),
 * then by inner width, tone and border: an unchanged row of a box is the same object in
 * the next frame, so a block drawn from it is not painted again (LinesView).
 */
const framedRows = new WeakMap<Line, Map<string, Line>>();
/** Lines by what they draw (lineKey), bounded: rows built anew each frame (a state, a title) come back as the same objects. */
const byKey = new Map<string, Line>();
const MAX_KEYED = 512;

function keyed(key: string, build: () => Line): Line {
  let row = byKey.get(key);
  if (!row) {
    if (byKey.size >= MAX_KEYED) byKey.clear();
    byKey.set(key, (row = build()));
  }
  return row;
}

/** The segments' texts and tones as one key: two lines with the same key draw the same. */
function lineKey(line: Line): string {
  let key = '';
  for (const s of line) key += `${s.tone ?? ''}\u0001${s.text}\u0002`;
  return key;
}

/** The one object for what `line` draws: the same object as the last line that drew the same (until the bounded store is cleared). */
export function interned(line: Line): Line {
  return keyed(`l\u0003${lineKey(line)}`, () => line);
}

/**
 * A bordered box of exactly width x height cells, the title set into the top border.
 * Body lines beyond the inner height are dropped from the top (the newest stay).
 * A row whose body line, width and tone were framed before is that same row object.
 */
export function framed(title: Line, body: Line[], width: number, height: number, tone: Tone = 'dim', chars: BoxChars = ROUND): Line[] {
  const inner = Math.max(0, width - 2);
  const innerHeight = Math.max(0, height - 2);
  const shape = `${width}\u0003${tone}\u0003${chars.tl}${chars.h}${chars.v}`;
  const top = keyed(`t${shape}\u0003${lineKey(title)}`, () => topBorder(title, width, tone, chars));
  const rows = body.slice(Math.max(0, body.length - innerHeight));
  while (rows.length < innerHeight) rows.push(EMPTY_ROW);
  return [top, ...rows.map((row) => framedRow(row, shape, inner, tone, chars)), keyed(`b${shape}`, () => [seg(chars.bl + chars.h.repeat(inner) + chars.br, tone)])];
}

function framedRow(row: Line, shape: string, inner: number, tone: Tone, chars: BoxChars): Line {
  let byShape = framedRows.get(row);
  if (!byShape) framedRows.set(row, (byShape = new Map()));
  let framedLine = byShape.get(shape);
  if (!framedLine) byShape.set(shape, (framedLine = [seg(chars.v, tone), ...fitLine(row, inner), seg(chars.v, tone)]));
  return framedLine;
}

function topBorder(title: Line, width: number, tone: Tone, chars: BoxChars): Line {
  const inner = Math.max(0, width - 2);
  const titleRoom = Math.max(0, inner - 3);
  const shownTitle = title.length > 0 ? fitLine(title, Math.min(titleRoom, lineWidth(title))) : [];
  const titleWidth = lineWidth(shownTitle);
  const top: Line =
    titleWidth > 0
      ? [seg(chars.tl + chars.h, tone), seg(' '), ...shownTitle, seg(' '), seg(chars.h.repeat(Math.max(0, inner - titleWidth - 3)) + chars.tr, tone)]
      : [seg(chars.tl + chars.h.repeat(inner) + chars.tr, tone)];
  return fitLine(top, width);
}

/** Wraps styled text at spaces into lines of at most `width` cells, each segment keeping its tone. */
export function wrapLine(line: Line, width: number, indent = ''): Line[] {
  const tokens: Segment[] = [];
  for (const s of line) for (const part of s.text.split(/(?<= )/)) if (part) tokens.push({ ...s, text: part });
  const lines: Line[] = [];
  let current: Line = [];
  let used = 0;
  for (const token of tokens) {
    const w = widthOf(token.text.trimEnd());
    if (used > 0 && used + w > width) {
      lines.push(current);
      current = indent ? [{ text: indent }] : [];
      used = widthOf(indent);
      if (token.text.trim() === '') continue;
    }
    current.push(token);
    used += widthOf(token.text);
  }
  if (current.length > 0) lines.push(current);
  // The space after a line's last word is not drawn: a word that ends at the edge is not cut.
  return lines.map((l) => fitLine(l.map((s, i) => (i === l.length - 1 ? { ...s, text: s.text.trimEnd() } : s)), width));
}
