// Text that a user typed or that one process read from the other is data, not
// terminal instructions. Ink strips CSI but passes OSC (clipboard, title, links),
// \r, \b and C1 controls, so everything shown from a message goes through here:
// each control becomes a visible stand-in (␛ for ESC, ␍ for CR, \x9b for C1), and
// bidi overrides, which could reorder what the screen shows, are named instead of obeyed.

const C0_PICTURE_BASE = 0x2400; // U+2400 "SYMBOL FOR NULL" ... U+241F
const DEL_PICTURE = '\u2421';
const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}

/** Makes any string safe to hand to the terminal, with every control visible. */
export function sanitizeForDisplay(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20) out += String.fromCodePoint(C0_PICTURE_BASE + code);
    else if (code === 0x7f) out += DEL_PICTURE;
    else if (code >= 0x80 && code <= 0x9f) out += `\\x${hex(code, 2)}`;
    else if (BIDI_CONTROLS.has(code)) out += `<U+${hex(code, 4)}>`;
    else out += char;
  }
  return out;
}

/**
 * Cleans what the user types or pastes into a message: a frame ends at a newline, and
 * a control character must never reach a terminal or the pipe. Tabs and line breaks
 * become spaces; any other control becomes its visible stand-in (ESC is typed as ␛,
 * BEL as ␇), so the user sees what the keyboard sent instead of losing it silently.
 */
export function cleanTypedText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x09 || code === 0x0a || code === 0x0d) out += ' ';
    else out += sanitizeForDisplay(char);
  }
  return out;
}

/** The stand-in for Ctrl+<letter> (Ctrl+G is BEL: ␇), or null for a key that is not one. */
export function controlPicture(letter: string): string | null {
  if (!/^[a-z]$/.test(letter)) return null;
  return String.fromCodePoint(C0_PICTURE_BASE + letter.charCodeAt(0) - 0x60);
}
