// One place decides how a tone looks. With colour off (--no-color or NO_COLOR) no
// colour attribute is ever emitted: tones fall back to bold or nothing, and the
// words and symbols on screen carry the meaning on their own.
export type Tone = 'plain' | 'dim' | 'title' | 'parent' | 'child' | 'ok' | 'warn' | 'danger' | 'accent' | 'key';

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
};

export interface Theme {
  style(tone: Tone | undefined): ToneStyle;
}

export function makeTheme(color: boolean): Theme {
  const table = color ? COLOURED : MONOCHROME;
  return { style: (tone) => table[tone ?? 'plain'] };
}
