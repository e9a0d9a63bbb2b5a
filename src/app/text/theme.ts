// One place decides how a tone looks. With colour off (--no-color or NO_COLOR) no
// colour attribute is ever emitted: tones fall back to bold or nothing, and the
// words and symbols on screen carry the meaning on their own. The four ways a
// conversation goes wrong each have a tone of their own (a stolen message, a deadlock,
// a process blocked for good, a dead child), told apart without colour too.
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
}

export function makeTheme(color: boolean): Theme {
  const table = color ? COLOURED : MONOCHROME;
  return { style: (tone) => table[tone ?? 'plain'] };
}
