// A path the user copies into another terminal is one row of its own, never broken, at
// 80 and 100 columns in both languages; a path wider than the screen keeps every character.
import { describe, expect, it } from 'vitest';
import { pathLines } from '../../../src/app/views/path-line.js';
import { en } from '../../../src/i18n/en.js';
import { ko } from '../../../src/i18n/ko.js';

const text = (line: { text: string }[]): string => line.map((s) => s.text).join('');
const PATH = '/run/user/1000/pipe-chat-4194303-AbCdEf/chat';

describe('the path row', () => {
  for (const [lang, t] of [['en', en.ui], ['ko', ko.ui]] as const) {
    for (const width of [80, 100]) {
      it(`${lang}, ${width} columns: one row, the label, then the whole path`, () => {
        const rows = pathLines(t, PATH, width).map(text);
        expect(rows).toEqual([`${t.status.path} ${PATH}`]);
      });
    }
  }

  it('a path wider than the screen is cut into full rows, every character kept', () => {
    const long = `/tmp/${'d'.repeat(150)}/chat`;
    const rows = pathLines(en.ui, long, 80).map(text);
    expect(rows.join('')).toBe(long);
    expect(rows.every((r) => r.length <= 80)).toBe(true);
    expect(rows[0]).toHaveLength(80);
  });

  it('none where there is no path', () => {
    expect(pathLines(en.ui, null, 100)).toEqual([]);
  });
});
