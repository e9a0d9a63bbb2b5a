import { describe, expect, it } from 'vitest';
import { cleanTypedText, sanitizeForDisplay } from '../../src/app/sanitize.js';

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
  it('drops controls from typed or pasted text and turns line breaks and tabs into spaces', () => {
    expect(cleanTypedText(`a\r\nb\tc${ESC}[2J\u009bd`)).toBe('a  b c[2Jd');
  });
});
