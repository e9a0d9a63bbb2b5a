// Wrapping styled text into lines of an exact width: words move whole to the next line,
// and a word that ends at the very edge is drawn whole (its following space is not).
import { describe, expect, it } from 'vitest';
import { lineText, lineWidth, seg, wrapLine } from '../../src/text/styled-lines.js';

describe('wrapLine', () => {
  it('draws a word that ends at the edge whole, in Hangul too, and moves the next one down', () => {
    const lines = wrapLine([seg('파일 하나, com.txt, 기다림 없음', 'ok')], 26).map(lineText);
    expect(lines).toEqual(['파일 하나, com.txt, 기다림', `없음${' '.repeat(22)}`]);
    expect(wrapLine([seg('one two three', 'ok')], 7).map(lineText)).toEqual(['one two', 'three  ']);
  });

  it('gives lines of exactly the width', () => {
    for (const line of wrapLine([seg('a b c d e f g h i j k l m n o p', 'ok')], 5)) expect(lineWidth(line)).toBe(5);
  });
});
