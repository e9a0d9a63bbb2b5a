// The source view never breaks the frame: every line is exactly the column's width in
// cells, in Korean too (Hangul comments count 2 cells each), at the narrow column of an
// 80x24 screen, at a wide one, and across an 80x24 screen under the panes (the big
// layout: a few rows, the two marks far apart in the program); the marks and the PID
// footer are there.
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { ko } from '../../../src/i18n/ko.js';
import { sourceLines } from '../../../src/app/views/source-lines.js';
import { lineText, lineWidth } from '../../../src/text/styled-lines.js';
import { sourceProgram } from '../../../src/app/views/source-program.js';
import { WIRINGS } from '../../../src/channels/names.js';
import { CHILD_PID, PARENT_PID, Script, play } from '../events.js';

function state() {
  const s = new Script();
  return play([...s.start(), s.activity('parent', { doing: 'reading', fd: 23 }), s.activity('child', { doing: 'typing' })]);
}

describe('sourceLines', () => {
  for (const [lang, t] of [['en', en.ui], ['ko', ko.ui]] as const) {
    for (const [width, height] of [[42, 17], [48, 30], [80, 10]] as const) {
      it(`${lang} at ${width}x${height}: every line exactly ${width} cells, both marks and both PIDs shown`, () => {
        const lines = sourceLines(t, state(), 'two-pipes', width, height);
        expect(lines).toHaveLength(height);
        for (const line of lines) expect(lineWidth(line)).toBe(width);
        const text = lines.map(lineText);
        expect(text.some((l) => l.includes('P▶') && l.includes('read(fds1[0], buf, BUF_SIZE);'))).toBe(true);
        expect(text.some((l) => l.includes('C▶') && l.includes('fgets(line, LINE_BUF, stdin)'))).toBe(true);
        expect(text.join('\n')).toContain(`P ${PARENT_PID}`);
        expect(text.join('\n')).toContain(`C ${CHILD_PID + 1}`);
        if (lang === 'ko' && height >= 30) expect(text.join('\n')).toContain('/* 자식 */');
      });
    }
  }

  it('a reader that spins is said to be BUSY WAITING in its loop, never BLOCKED: no call holds it', () => {
    const s = new Script();
    const on = 'pread(fd 3)';
    const spinning = play([...s.start(), s.activity('parent', { doing: 'typing' }), s.activity('child', { doing: 'reading', fd: 3, on }), s.event({ type: 'read-note', proc: 'child', note: { kind: 'spinning', tid: CHILD_PID + 1 }, at: 1 })]);
    const text = sourceLines(en.ui, spinning, 'file', 60, 30).map(lineText).join('\n');
    expect(text).toContain(`C ${CHILD_PID + 1} BUSY WAITING on ${on}`);
    expect(text).not.toContain('BLOCKED');
  });

  for (const wiring of WIRINGS) {
    it(`${wiring}: no line goes unseen: between two shown lines that are not next to each other in the program stands ⋮`, () => {
      for (const [width, height] of [[42, 17], [48, 30], [60, 24]] as const) {
        const program = sourceProgram(en.ui, wiring, 0).map((l) => l.text.trim());
        const body = sourceLines(en.ui, state(), wiring, width, height).slice(1, -1).map((l) => lineText(l).slice(1, -1));
        let at = -1;
        let gap = false;
        for (const row of body) {
          const code = row.replace(/^(P▶|C▶|PC| {2})/, '').trim();
          if (code === '⋮') {
            gap = true;
            continue;
          }
          if (/^[PC] \d+ /.test(code) || code === '') break; // the marks' footer
          const cut = code.endsWith('…') ? code.slice(0, -1) : null;
          const next = program.findIndex((l, i) => i > at && (cut === null ? l === code : l.startsWith(cut)));
          expect(next, `"${code}" at ${width}x${height}`).toBeGreaterThan(at);
          if (next > at + 1) expect(gap, `lines hidden before "${code}" at ${width}x${height} without ⋮`).toBe(true);
          at = next;
          gap = false;
        }
        expect(at, 'the program runs to its end or a ⋮ says it goes on').toBeGreaterThan(0);
      }
    });
  }
});
