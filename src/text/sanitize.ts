// Text that a user typed, that one process read from the other, or that a file held
// is data, not terminal instructions. Ink strips CSI but passes OSC (clipboard, title,
// links), \r, \b and C1 controls, so everything shown goes through here: each control
// becomes a visible stand-in (␛ for ESC, ␍ for CR, \x9b for C1), and bidi overrides,
// which could reorder what the screen shows, are named instead of obeyed.
//
// One width rule: a character whose width the tables disagree on (string-width says 0
// for the Hangul fillers U+3164, U+115F, U+FFA0, for U+00AD and for invisible
// formatting characters such as U+200B, U+2060, U+FEFF; Ink draws at least 1; glibc's
// wcwidth says 2 for the fillers) is named too, as <U+3164>, so every cell drawn is a
// cell the terminal agrees on and no frame can be pushed out of line. Joiners and
// variation selectors stay when they belong to a visible character (emoji sequences).

import { graphemes } from './text-width.js';

const C0_PICTURE_BASE = 0x2400; // U+2400 "SYMBOL FOR NULL" ... U+241F
const DEL_PICTURE = '\u2421';
const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
/** Invisible or filler characters: width 0 to string-width, not to every terminal (the Hangul fillers are listed as ignorable too). */
const WIDTH_DISAGREES = /^\p{Default_Ignorable_Code_Point}$/u;
/** Parts of a visible character's sequence: ZWJ, variation selectors, emoji tags. */
function joinsASequence(code: number): boolean {
  return code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0020 && code <= 0xe007f) || (code >= 0xe0100 && code <= 0xe01ef);
}

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}

function named(code: number): string {
  return `<U+${hex(code, 4)}>`;
}

/** The visible stand-in for a control character, or null when the character is not one. */
function controlStandIn(code: number): string | null {
  if (code < 0x20) return String.fromCodePoint(C0_PICTURE_BASE + code);
  if (code === 0x7f) return DEL_PICTURE;
  if (code >= 0x80 && code <= 0x9f) return `\\x${hex(code, 2)}`;
  if (BIDI_CONTROLS.has(code)) return named(code);
  return null;
}

function sanitizeGrapheme(grapheme: string): string {
  let out = '';
  let visibleBase = false;
  for (const char of grapheme) {
    const code = char.codePointAt(0) ?? 0;
    const standIn = controlStandIn(code);
    if (standIn !== null) out += standIn;
    else if (visibleBase && joinsASequence(code)) out += char;
    else if (WIDTH_DISAGREES.test(char)) out += named(code);
    else {
      out += char;
      visibleBase = true;
    }
  }
  return out;
}

/** Makes any string safe to hand to the terminal, with every control and disputed-width character visible. */
export function sanitizeForDisplay(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const grapheme of graphemes(text)) out += sanitizeGrapheme(grapheme);
  return out;
}

/** Sanitizes each line of a message for the terminal, keeping the line breaks the message itself holds. */
export function sanitizeLines(text: string): string {
  return text.split('\n').map(sanitizeForDisplay).join('\n');
}

/**
 * Cleans what the user types or pastes into a message: a frame ends at a newline, and
 * a control character must never reach a terminal or the pipe. Tabs and line breaks
 * become spaces; any other control becomes its visible stand-in (ESC is typed as ␛,
 * BEL as ␇), so the user sees what the keyboard sent instead of losing it silently.
 */
export function cleanTypedText(text: string): string {
  return sanitizeForDisplay(text.replace(/[\t\n\r]/g, ' '));
}

/** The stand-in for Ctrl+<letter> (Ctrl+G is BEL: ␇), or null for a key that is not one. */
export function controlPicture(letter: string): string | null {
  if (!/^[a-z]$/.test(letter)) return null;
  return String.fromCodePoint(C0_PICTURE_BASE + letter.charCodeAt(0) - 0x60);
}
