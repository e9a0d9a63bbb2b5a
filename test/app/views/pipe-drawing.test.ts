// The pipe drawing on its own: it stays level with the insides of the panes (never on
// their border rows), and when rows must go, the fd numbers stay.
import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/text/styled-lines.js';
import { sharedPipeLines } from '../../../src/app/views/pipe-drawing.js';
import { en } from '../../../src/i18n/en.js';
import { Script, play } from '../events.js';

describe('the pipe drawing', () => {
  it('leaves the rows of the panes’ borders empty, however short the column', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), ...s.write('parent', 1, 'x'), ...s.read('parent', 'parent', 1, 'x'), ...s.write('child', 1, 'unread bytes')]);
    for (const height of [8, 12, 16, 30]) {
      const lines = sharedPipeLines(en.ui, state, 20, height).map(lineText);
      expect(lines).toHaveLength(height);
      expect(lines[0]?.trim()).toBe('');
      expect(lines.at(-1)?.trim()).toBe('');
      const drawing = lines.join('\n');
      expect(drawing).toMatch(/21\b[^\n]*┓ ┏[^\n]*\b4\b/);
      expect(drawing).toMatch(/20\b[^\n]*┛ ┗[^\n]*\b3\b/);
    }
  });

  it('drops a wrapped hint as a whole, never half of its sentence', () => {
    const s = new Script(1, 'one');
    const state = play(s.start());
    const hint = en.ui.pipes.sharedHint; // "both write, both read:" wraps in a 20-cell column
    let seenWhole = false;
    let seenDropped = false;
    for (let height = 6; height <= 24; height++) {
      const text = sharedPipeLines(en.ui, state, 20, height).map(lineText).join(' ').replace(/ +/g, ' ');
      if (text.includes(hint)) seenWhole = true;
      else {
        expect(text, `height ${height}`).not.toContain('both write');
        seenDropped = true;
      }
    }
    expect([seenWhole, seenDropped]).toEqual([true, true]);
  });
});
