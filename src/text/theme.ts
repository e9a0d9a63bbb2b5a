// One place decides how a tone looks. With colour off (--no-color or NO_COLOR) no
// colour attribute is ever emitted: tones fall back to bold or nothing, and the
// words and symbols on screen carry the meaning on their own. The four ways a
// conversation goes wrong each have a tone of their own (a stolen message, a deadlock,
// a process blocked for good, a dead child), told apart without colour too. paint()
// styles a segment with chalk, as Ink's <Text> props would (Ink uses the same chalk, with
// the same colour detection), so a whole block of lines can be one Ink node.
import chalk, { type ChalkInstance } from 'chalk';

export type Tone = 'plain' | 'dim' | 'title' | 'parent' | 'child' | 'ok' | 'warn' | 'danger' | 'accent' | 'key' | 'stolen' | 'deadlock' | 'blocked' | 'died';

export interface ToneStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}

const COLOURED: Record<Tone, ToneStyle> = {
  plain: {},
  dim: { dimColor: true },
  title: { bold: true },
  parent: { color: 'cyan' },
  child: { color: 'magenta' },
  ok: { color: 'green' },
  warn: { color: 'yellow', bold: true },
  danger: { color: 'red', bold: true },
  accent: { color: 'blue', bold: true },
  key: { color: 'cyan', bold: true },
  stolen: { color: 'magenta', bold: true },
  deadlock: { color: 'red', bold: true, inverse: true },
  blocked: { color: 'yellow', bold: true },
  died: { color: 'redBright', bold: true },
};

const MONOCHROME: Record<Tone, ToneStyle> = {
  plain: {},
  dim: {},
  title: { bold: true },
  parent: {},
  child: {},
  ok: {},
  warn: { bold: true },
  danger: { bold: true },
  accent: { bold: true },
  key: { bold: true },
  stolen: { bold: true },
  deadlock: { bold: true, inverse: true },
  blocked: { bold: true },
  died: { inverse: true },
};

export interface Theme {
  style(tone: Tone | undefined): ToneStyle;
  /** The text with the tone's escape codes, when the terminal takes them. */
  paint(tone: Tone | undefined, text: string): string;
}

/** The same order as Ink's <Text>: dim, colour, bold, inverse. */
function painter(style: ToneStyle): (text: string) => string {
  let brush: ChalkInstance | null = null;
  const add = (next: (c: ChalkInstance) => ChalkInstance) => (brush = next(brush ?? chalk));
  if (style.dimColor) add((c) => c.dim);
  if (style.color) add((c) => c[style.color as 'cyan']);
  if (style.bold) add((c) => c.bold);
  if (style.inverse) add((c) => c.inverse);
  const done = brush as ChalkInstance | null;
  return done ? (text) => (text === '' ? text : done(text)) : (text) => text;
}

export function makeTheme(color: boolean): Theme {
  const table = color ? COLOURED : MONOCHROME;
  const painters = Object.fromEntries(Object.entries(table).map(([tone, style]) => [tone, painter(style)])) as Record<Tone, (text: string) => string>;
  return { style: (tone) => table[tone ?? 'plain'], paint: (tone, text) => painters[tone ?? 'plain'](text) };
}
