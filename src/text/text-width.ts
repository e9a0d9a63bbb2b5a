// Terminal cells, not string length: Hangul and most CJK take two cells, combining
// marks none. Ink 6.8's own truncation overflows boxes with double-width text, so
// every line the UI draws is cut and padded here to an exact cell width first.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters that are one cell and one cluster each, whatever is beside them: printable
 * ASCII, Latin-1's symbols and letters (not the soft hyphen), punctuation such as … and ›,
 * arrows, box drawing, blocks and geometric shapes (not the two wide squares after ◼),
 * and the screen's ✎, ✓ and ✗ (no emoji). Most of the screen, measured without
 * segmenting. The bundle gives Ink's string-width the same fast path
 * (scripts/ink-patches.mjs; test/text/text-width.test.ts holds both to string-width's
 * answer for each of them).
 */
export const ONE_CELL_EACH = /^[\u0020-\u007E\u00A1-\u00AC\u00AE-\u00FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u25FC\u270E\u2713\u2717]*$/;

export function graphemes(text: string): string[] {
  // The segmenter costs microseconds a cluster: a 64 KiB paste of plain text would take a second.
  if (ONE_CELL_EACH.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function widthOf(text: string): number {
  return ONE_CELL_EACH.test(text) ? text.length : stringWidth(text);
}

/** Cuts text to at most `width` cells, ending with an ellipsis when something was cut. */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (widthOf(text) <= width) return text;
  const room = width - widthOf(ellipsis);
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = widthOf(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  return room >= 0 ? out + ellipsis : out;
}

/** Exactly `width` cells: truncated if longer, padded with spaces if shorter. */
export function fitToWidth(text: string, width: number): string {
  const cut = truncateToWidth(text, width);
  return cut + ' '.repeat(Math.max(0, width - widthOf(cut)));
}

/** Pads on the left to `width` cells (numbers in columns). */
export function padStartToWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - widthOf(text))) + text;
}

/** Centres text in `width` cells. */
export function centreInWidth(text: string, width: number): string {
  const cut = truncateToWidth(text, width);
  const free = Math.max(0, width - widthOf(cut));
  const left = Math.floor(free / 2);
  return ' '.repeat(left) + cut + ' '.repeat(free - left);
}

/**
 * Lines of at most `width` cells from phrases that should stay whole: phrases share a
 * line while they fit, and only a phrase wider than a line is broken (at spaces).
 * Korean needs this: a space may fall inside a phrase ("크게 해 주세요"), so breaking
 * at any space can leave half a phrase alone on a line.
 */
export function wrapPhrases(phrases: string[], width: number): string[] {
  const lines: string[] = [];
  for (const phrase of phrases) {
    const last = lines.at(-1);
    if (last !== undefined && widthOf(`${last} ${phrase}`) <= width) lines[lines.length - 1] = `${last} ${phrase}`;
    else lines.push(...wrapToWidth(phrase, width));
  }
  return lines;
}

/**
 * Breaks text into lines of at most `width` cells, at spaces when it can and inside a
 * word when it must; a double-width character is never split across lines.
 */
export function wrapToWidth(text: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let lastSpace = -1; // index in `line` after the last space
  let widthAtSpace = 0;
  for (const g of graphemes(text)) {
    const w = widthOf(g);
    if (used + w > width) {
      if (g === ' ') {
        lines.push(line);
        line = '';
        used = 0;
        lastSpace = -1;
        continue;
      }
      if (lastSpace > 0) {
        lines.push(line.slice(0, lastSpace).trimEnd());
        line = line.slice(lastSpace);
        used -= widthAtSpace;
      } else {
        lines.push(line);
        line = '';
        used = 0;
      }
      lastSpace = -1;
    }
    line += g;
    used += w;
    if (g === ' ') {
      lastSpace = line.length;
      widthAtSpace = used;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
