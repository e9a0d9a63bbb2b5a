// Wrapping styled text: a line whose words fill the width exactly keeps its last word
// whole (the space after it is no part of the line), in single-width and Hangul text.
import { describe, expect, it } from 'vitest';
import { lineText, seg, wrapLine } from '../../../src/app/text/styled-lines.js';

describe('wrapLine', () => {
  it('keeps the last word of a line that fits the width exactly', () => {
    expect(wrapLine([seg('abc def ghi')], 7).map(lineText)).toEqual(['abc def', 'ghi    ']);
  });

  it('does the same with double-width Hangul', () => {
    expect(wrapLine([seg('한쪽이 쓴 변수를')], 9).map(lineText)).toEqual(['한쪽이 쓴', '변수를   ']);
  });
});
