// A process's state in words: how long an open-ended wait has lasted is said as a time
// of day, from the wall-clock offset that came in on the session's first action (no
// timer runs while the user thinks), and every duration reads the same everywhere.
import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/text/styled-lines.js';
import { statusLines } from '../../../src/app/views/status-lines.js';
import { stateWords } from '../../../src/app/views/phrases.js';
import { needsClock } from '../../../src/app/state/phase.js';
import { en } from '../../../src/i18n/en.js';
import { ko } from '../../../src/i18n/ko.js';
import { Script, play } from '../events.js';

const t = en.ui;

describe('state words', () => {
  it('says since when a process has been blocked while the other waits for the user, with no clock running', () => {
    const s = new Script();
    const state = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), s.activity('child', { doing: 'typing' })]);
    expect(needsClock(state)).toBe(false);
    // The script's session starts at 14:03:00 plus its monotonic 1.003 s; the read began a tick later.
    expect(lineText(stateWords(t, state, 'parent', state.session!.parent, false))).toBe('■ BLOCKED in read(fd 20) since 14:03:01');
    expect(lineText(stateWords(ko.ui, state, 'parent', state.session!.parent, false))).toBe('■ read(fd 20)에서 14:03:01부터 막힘');
  });

  it('says since when in a deadlock too', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), ...s.stealThenChildEnds()]);
    expect(lineText(stateWords(t, state, 'parent', state.session!.parent, true))).toMatch(/^■ BLOCKED in read\(fd 20\) since 14:03:01$/);
  });

  it('counts seconds while the wait ends on its own (the clock runs then)', () => {
    const s = new Script();
    let state = play([
      ...s.start(),
      s.activity('parent', { doing: 'reading', fd: 20 }),
      ...s.write('child', 1, 'x'),
      s.activity('child', { doing: 'sleeping', ms: 2000 }),
    ]);
    state = play([{ type: 'tick', at: state.session!.parent.since + 3_000_000 }], state);
    expect(lineText(stateWords(t, state, 'parent', state.session!.parent, false))).toBe('■ BLOCKED in read(fd 20), 3 s so far');
  });

  it('writes a duration the same way in the pane and in the status bar', () => {
    const s = new Script();
    const state = play([...s.start(), s.activity('child', { doing: 'sleeping', ms: 1000 })], { ...play([]), knobs: { childDelayMs: 1000, parentDelayMs: 0 } });
    expect(lineText(stateWords(t, state, 'child', state.session!.child, false))).toBe('… sleeping 1 s');
    expect(lineText(statusLines(t, state, 'two-pipes', true, 200)[0]!)).toContain('child delay 1 s');
  });

  it('puts the parent’s turn beside the child’s in the status bar when they differ', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), ...s.write('child', 1, 'x'), ...s.read('child', 'child', 1, 'x')]);
    expect(lineText(statusLines(t, state, 'one-pipe', true, 80)[0]!)).toContain('turn 2/3 (parent at 1)');
    expect(lineText(statusLines(ko.ui, state, 'one-pipe', true, 80)[0]!)).toContain('턴 2/3 (부모는 1)');
  });

  it('marks only failures with ✗: a normal exit and end of file get a neutral mark', () => {
    const s = new Script();
    const base = play(s.start());
    const child = base.session!.child;
    const words = (p: typeof child) => lineText(stateWords(t, base, 'child', p, false));
    expect(words({ ...child, exit: { code: 0, signal: null } })).toBe('- exited (code 0)');
    expect(words({ ...child, exit: { code: 1, signal: null } })).toBe('✗ exited (code 1)');
    expect(words({ ...child, exit: { code: null, signal: 'SIGKILL' } })).toBe('✗ exited (signal SIGKILL)');
    expect(words({ ...child, eof: true })).toBe('- read() returned 0: end of file');
  });
});
