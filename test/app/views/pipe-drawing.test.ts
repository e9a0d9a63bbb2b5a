// The pipe drawing on its own: it stays level with the insides of the panes (never on
// their border rows), and when rows must go, the fd numbers stay; on pipe1 with its
// unused ends left open, it shows the ends nobody uses.
import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/text/styled-lines.js';
import { fdLines } from '../../../src/app/views/fd-lines.js';
import { separatePipesLines, sharedPipeLines } from '../../../src/app/views/pipe-drawing.js';
import { en } from '../../../src/i18n/en.js';
import { ko } from '../../../src/i18n/ko.js';
import { Script, UP, play } from '../events.js';

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

describe('one pipe, one way (pipe1)', () => {
  const started = (mode: 'pipe1' | 'pipe1-open-ends') => play(new Script(1, mode).start());

  it('draws the ends each process holds and does not use, and the fd panel says both hold both ends, only where the unused ends were left open', () => {
    const drawing = (mode: 'pipe1' | 'pipe1-open-ends') => separatePipesLines(en.ui, started(mode), 26, 12).map(lineText).join('\n');
    const panel = (mode: 'pipe1' | 'pipe1-open-ends') => fdLines(en.ui, started(mode), { parent: null, child: null }, 60, 8).map(lineText).join('\n');
    expect(drawing('pipe1')).toMatch(/fd 20 ◀━+ fd 4/);
    expect(drawing('pipe1')).not.toContain(en.ui.pipes.alsoOpen);
    expect(panel('pipe1')).toContain(en.ui.fds.separate);
    expect(drawing('pipe1-open-ends')).toMatch(/fd 21 w +also open +r fd 3/);
    expect(panel('pipe1-open-ends')).toContain(en.ui.fds.shared(UP));
  });

  it('keeps the numbers of the unused ends whole in a narrow column, in English and Korean: the words go first', () => {
    for (const t of [en.ui, ko.ui]) {
      for (const width of [14, 20, 26]) {
        const lines = separatePipesLines(t, started('pipe1-open-ends'), width, 12).map(lineText);
        expect(lines.find((l) => /^(fd )?21 w /.test(l)), `${width} cells`).toMatch(/ r (fd )?3$/);
      }
    }
  });
});
