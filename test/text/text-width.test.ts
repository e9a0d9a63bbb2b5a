import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { ONE_CELL_EACH, fitToWidth, graphemes, truncateToWidth, wrapPhrases, wrapToWidth } from '../../src/text/text-width.js';
// @ts-expect-error: the build script is plain JavaScript, without types
import { ONE_CELL_EACH as BUNDLED_ONE_CELL_EACH } from '../../scripts/ink-patches.mjs';
import { ko } from '../../src/i18n/ko.js';
import { emptyInput, reduceTextInput } from '../../src/app/widgets/text-input/text-input-state.js';
import { inputLine } from '../../src/app/widgets/text-input/input-line.js';

describe('display width', () => {
  it('truncates Hangul by cells, never splitting a double-width character', () => {
    const cut = truncateToWidth('가나다라마바사', 7);
    expect(cut).toBe('가나다…');
    expect(stringWidth(cut)).toBe(7);
  });

  it('pads to an exact width even when one cell is left after a wide character', () => {
    expect(fitToWidth('가나다라', 5)).toBe('가나…');
    expect(stringWidth(fitToWidth('가나', 5))).toBe(5);
  });

  it('wraps at spaces, and inside a word only when it must, every line within the width', () => {
    const lines = wrapToWidth('파이프의 바이트는 먼저 read()한 쪽이 가져갑니다 abcdefghijklmnopqrstuvwxyz', 12);
    expect(lines[0]).toBe('파이프의');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(12);
    expect(lines.join('')).toContain('abcdefghij');
  });
});

describe('text input', () => {
  it('edits by grapheme: Backspace removes a whole Hangul syllable', () => {
    let state = reduceTextInput(emptyInput, { type: 'insert', text: '안녕' });
    state = reduceTextInput(state, { type: 'backspace' });
    expect(state).toEqual({ value: '안', cursor: 1, refused: 0 });
  });

  it('cleans pasted text: no newline can end the frame early', () => {
    expect(reduceTextInput(emptyInput, { type: 'insert', text: 'a\nb' }).value).toBe('a b');
  });

  it('takes what fits under the byte limit, whole characters only, and counts the bytes it left out', () => {
    const full = reduceTextInput({ value: 'abc', cursor: 3, refused: 0 }, { type: 'insert', text: 'd' }, 3);
    expect(full).toEqual({ value: 'abc', cursor: 3, refused: 1 });
    // 2 bytes of room: 'x' fits, '가' (3 bytes) does not, nor does anything after it.
    const paste = reduceTextInput({ value: 'ab', cursor: 2, refused: 0 }, { type: 'insert', text: 'x가yz' }, 5);
    expect(paste).toEqual({ value: 'abx', cursor: 3, refused: 5 });
    expect(reduceTextInput(paste, { type: 'left' }, 5).refused).toBe(0);
  });

  it('scrolls a long line so the cursor stays in view, counting cells', () => {
    const line = inputLine({ value: '가'.repeat(20), cursor: 20, refused: 0 }, 10);
    expect(line.cursorColumn).toBeLessThanOrEqual(9);
    expect(stringWidth(line.text)).toBeLessThanOrEqual(10);
    expect(inputLine({ value: '가나', cursor: 1, refused: 0 }, 10).cursorColumn).toBe(2);
  });
});

describe('wrapPhrases', () => {
  it('keeps a Korean phrase whole on its line: the too-small message never leaves "주세요" alone', () => {
    for (const cols of [30, 40, 50, 60, 70, 79]) {
      const lines = wrapPhrases(ko.ui.tooSmall(80, 24, cols, 20), cols - 2);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(cols - 2);
      expect(lines.some((l) => l.endsWith('크게 해 주세요.')), lines.join(' / ')).toBe(true);
    }
  });
});

// The fast path measures without segmenting: each character it takes must be one cell
// and one cluster beside any other it takes, as string-width says.
describe('characters measured one cell each', () => {
  const taken = Array.from({ length: 0x2800 }, (_, c) => String.fromCodePoint(c)).filter((ch) => ONE_CELL_EACH.test(ch));

  it('are each one cell and one cluster for string-width, alone and between others', () => {
    expect(taken.length).toBeGreaterThan(400);
    const wrong = taken.filter((ch) => stringWidth(ch) !== 1 || stringWidth(`a${ch}─`) !== 3 || graphemes(`${ch}${ch}`).length !== 2);
    expect(wrong.map((ch) => ch.codePointAt(0)?.toString(16))).toEqual([]);
    // The soft hyphen, the wide squares and the emoji among the dingbats (✔, ✨) are not taken.
    for (const ch of ['\u00AD', '\u25FD', '\u25FE', '\u200B', '\u2714', '\u2728']) expect(ONE_CELL_EACH.test(ch)).toBe(false);
  });

  it('is the class the bundle gives Ink\'s string-width', () => {
    expect(ONE_CELL_EACH.source).toBe(BUNDLED_ONE_CELL_EACH);
  });
});

// The bundle's string-width is string-width with the bundle's edits (scripts/ink-patches.mjs):
// the same width for every kind of cluster, emoji (whose class the bundle builds at first use)
// and Hangul among them.
describe("the bundle's string-width", () => {
  it('measures as string-width does: ASCII, Hangul, emoji alone, with a skin tone, as flags, keycaps and ZWJ families', async () => {
    const chunk = fs.readdirSync('dist').find((name) => /^chunk-.*\.js$/.test(name) && fs.readFileSync(path.join('dist', name), 'utf8').includes('rgiEmojiRegex'));
    expect(chunk).toBeDefined();
    const bundled = ((await import(pathToFileURL(path.resolve('dist', chunk as string)).href)) as { stringWidth: (text: string) => number }).stringWidth;
    const samples = ['hello', '안녕하세요', '한글 ok 👍🏽', '👍', '☺️', '☺', '🇰🇷', '👨‍👩‍👧', '1️⃣', 'é', 'ㅤ', '\u00AD', '─│╭'];
    expect(samples.map((text) => [text, bundled(text)])).toEqual(samples.map((text) => [text, stringWidth(text)]));
  });
});
