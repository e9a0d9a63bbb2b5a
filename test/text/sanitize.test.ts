import { describe, expect, it } from 'vitest';
import { cleanTypedText, controlPicture, sanitizeForDisplay, sanitizeLines } from '../../src/text/sanitize.js';

const ESC = '\x1b';
const BEL = '\x07';

describe('sanitizeForDisplay', () => {
  it('shows ESC, CSI colour and an OSC 52 clipboard write as visible characters, never as escapes', () => {
    const osc52 = `${ESC}]52;c;aGVsbG8=${BEL}`;
    const shown = sanitizeForDisplay(`red ${ESC}[31mX ${osc52} title ${ESC}]0;pwned${BEL}`);
    expect([...shown].filter((c) => (c.codePointAt(0) ?? 0) < 0x20 || ((c.codePointAt(0) ?? 0) >= 0x7f && (c.codePointAt(0) ?? 0) <= 0x9f))).toEqual([]);
    expect(shown).toBe('red ␛[31mX ␛]52;c;aGVsbG8=␇ title ␛]0;pwned␇');
  });

  it('shows C1 controls (a one-byte CSI) and DEL by name', () => {
    expect(sanitizeForDisplay('a\u009b31mb\u007f')).toBe('a\\x9B31mb␡');
  });

  it('turns carriage return, backspace and newline into control pictures so nothing is overwritten', () => {
    expect(sanitizeForDisplay('secret\rfake\bX\n')).toBe('secret␍fake␈X␊');
  });

  it('names bidi overrides instead of obeying them', () => {
    expect(sanitizeForDisplay('abc\u202Edef')).toBe('abc<U+202E>def');
  });

  it('leaves Hangul, emoji and ordinary text as they are', () => {
    expect(sanitizeForDisplay('안녕하세요 👋 hello')).toBe('안녕하세요 👋 hello');
  });
});

describe('cleanTypedText', () => {
  it('shows controls in typed or pasted text as visible stand-ins, never the bytes; line breaks and tabs become spaces', () => {
    expect(cleanTypedText(`a\r\nb\tc${ESC}[2J\u009bd`)).toBe('a  b c␛[2J\\x9Bd');
    expect(cleanTypedText('ding\x07')).toBe('ding␇');
    expect(cleanTypedText('x\u202ey')).toBe('x<U+202E>y');
  });

  it('names the control picture of a Ctrl+letter key', () => {
    expect(controlPicture('g')).toBe('␇');
    expect(controlPicture('[')).toBeNull();
  });
});

describe('characters the width tables disagree on', () => {
  const DISPUTED = ['\u3164', '\u115f', '\uffa0', '\u00ad', '\u200b', '\u2060', '\ufeff'];

  it.each(DISPUTED)('names U+%s instead of drawing it, so string-width, Ink and the terminal agree on every cell', (char) => {
    const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    expect(sanitizeForDisplay(`a${char}b`)).toBe(`a<U+${code}>b`);
    expect(cleanTypedText(char)).toBe(`<U+${code}>`);
  });

  it('keeps joiners and variation selectors inside an emoji sequence, names them alone', () => {
    const family = '👨\u200d👩\u200d👧';
    expect(sanitizeForDisplay(family)).toBe(family);
    expect(sanitizeForDisplay('❤\ufe0f')).toBe('❤\ufe0f');
    expect(sanitizeForDisplay('\u200dx')).toBe('<U+200D>x');
  });
});

describe('sanitizeLines', () => {
  it('keeps the line breaks of a message and shows every escape in each line', () => {
    expect(sanitizeLines(`usage:\n  ${ESC}]0;x${BEL}`)).toBe('usage:\n  ␛]0;x␇');
  });
});
