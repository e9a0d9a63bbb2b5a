// The help at the minimum size: how to close it is always on screen, and every key can
// be reached (by scrolling when the Korean text wraps too long to fit).
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { helpLines } from '../../../src/app/views/help-lines.js';
import { lineText } from '../../../src/text/styled-lines.js';
import { en } from '../../../src/i18n/en.js';
import { ko } from '../../../src/i18n/ko.js';

describe('the help at 80x24', () => {
  it.each([
    ['en', en],
    ['ko', ko],
  ] as const)('%s: keeps its closing line and reaches the last key', (_, messages) => {
    const h = messages.ui.help;
    const top = helpLines(messages.ui, 80, 23, 0);
    const bottom = helpLines(messages.ui, 80, 23, top.maxScroll);
    for (const view of [top, bottom]) {
      const lines = view.lines.map(lineText);
      expect(lines).toHaveLength(23);
      for (const line of lines) expect(stringWidth(line)).toBe(80);
      expect(lines.at(-2)).toContain(h.close);
      if (view.maxScroll > 0) expect(lines.at(-2)).toContain(h.scroll);
    }
    expect(top.lines.map(lineText).join('\n')).toContain(h.intro.slice(0, 20));
    expect(bottom.lines.map(lineText).join('\n')).toContain(h.keys.quit);
  });
});
