// A pane drawn on its own: long messages, the dividers between sessions, and how a full
// pane scrolls. Every line is exactly the pane's width, and nothing important is cut.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { lineText, type Line } from '../../../src/text/styled-lines.js';
import { paneLines } from '../../../src/app/views/pane-lines.js';
import { emptyInput, reduceTextInput } from '../../../src/app/widgets/text-input/text-input-state.js';
import { reduce } from '../../../src/app/state/conversation-reducer.js';
import { en } from '../../../src/i18n/en.js';
import { CHILD_PID, Script, play } from '../events.js';

const t = en.ui;
const IDLE = { draft: emptyInput, waiting: false, focused: false, keysMode: false, pending: false };

function draw(state: ReturnType<typeof play>, proc: 'parent' | 'child', width: number, height = 20): string[] {
  const lines = paneLines(t, state, proc, IDLE, width, height, false).lines.map(lineText);
  for (const line of lines) expect(stringWidth(line), line).toBe(width);
  return lines;
}

describe('a pane', () => {
  it('ends a long message with one ellipsis and says, uncut, how many bytes of its own it had', () => {
    const s = new Script();
    const text = 'word '.repeat(1000);
    const state = play([...s.start(), ...s.write('child', 1, text), ...s.read('parent', 'child', 1, text)]);
    for (const width of [30, 37]) {
      const pane = draw(state, 'parent', width, 30).join('\n');
      expect(pane).not.toContain('……');
      expect(pane.replace(/[│\n ]+/g, ' ')).toContain('(5000 bytes sent whole, shown cut)');
    }
  });

  it('fits a divider that needs two lines, breaking between its parts', () => {
    const one = new Script(2, 'one', 2);
    const state = play(one.start('toggle'));
    const pane = draw(state, 'child', 30);
    expect(pane.some((l) => l.includes(`new child PID ${CHILD_PID + 2} ·`))).toBe(true);
    const divider = pane.filter((l) => /─ *│$/.test(l) && !l.startsWith('╭')).join('\n');
    expect(divider.replace(/[│─\n ]+/g, ' ')).toContain(`switched to one shared pipe · new child PID ${CHILD_PID + 2} · turn 2`);
    expect(divider).not.toContain('…');
  });

  it('scrolls by whole entries: the top line is never the tail of a message', () => {
    const s = new Script(1, 'one');
    let state = play(s.start());
    for (const k of [1, 2, 3]) state = play([...s.write('child', k, `line ${k}`), ...s.read('child', 'child', k, `line ${k}`)], state);
    for (let height = 6; height <= 16; height++) {
      const lines = draw(state, 'child', 30, height);
      // Below the title and the state: the first transcript line.
      const first = lines[2] ?? '';
      expect(first, lines.join('\n')).not.toMatch(/^│ {3}/);
    }
  });

  it('scrolled back, both panes show the same moment, one step of either pane at a time', () => {
    const s = new Script(1, 'two');
    let state = play(s.start());
    // The last turn's four moments: the child writes C4, the parent reads it, writes P4, the child reads it.
    for (const k of [1, 2]) state = play(s.cleanTurn(k, `line ${k}`, `LINE ${k}`), state);
    state = play(s.cleanTurn(4, 'four', 'FOUR'), state);
    const shows = (proc: 'parent' | 'child', back: number, text: string): boolean =>
      paneLines(t, state, proc, IDLE, 37, 16, false, false, back).lines.map(lineText).join('\n').includes(text);
    const seen = (back: number) => ({ childWrote: shows('child', back, '› four'), parentRead: shows('parent', back, 'from Child: four'), parentWrote: shows('parent', back, '› FOUR'), childRead: shows('child', back, 'from Parent: FOUR') });
    expect(seen(0)).toEqual({ childWrote: true, parentRead: true, parentWrote: true, childRead: true });
    expect(seen(1)).toEqual({ childWrote: true, parentRead: true, parentWrote: true, childRead: false });
    expect(seen(2)).toEqual({ childWrote: true, parentRead: true, parentWrote: false, childRead: false });
    expect(seen(3)).toEqual({ childWrote: true, parentRead: false, parentWrote: false, childRead: false });
    expect(seen(4)).toEqual({ childWrote: false, parentRead: false, parentWrote: false, childRead: false });
  });

  it('marks a line the child read back from itself as its own, under the "from Parent:" its program printed', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), ...s.steal(1, 'mine')]);
    const pane = draw(state, 'child', 37).join('\n');
    expect(pane).toContain('from Parent: mine');
    expect(pane).toContain("↺ the child's own line");
    const delivered = play([...new Script(1, 'two').start(), ...new Script(1, 'two').cleanTurn(1, 'hi', 'hello')]);
    expect(draw(delivered, 'child', 37).join('\n')).not.toContain('own line');
  });
});

describe("a pane's keyboard label", () => {
  const s = new Script();
  const state = play([...s.start(), s.activity('parent', { doing: 'typing' }), s.activity('child', { doing: 'typing' })]);
  const label = (input: Partial<typeof IDLE>): string => {
    const lines = paneLines(t, state, 'parent', { ...IDLE, waiting: true, ...input }, 60, 20, false).lines.map(lineText);
    return lines.find((l) => l.includes('parent keyboard')) ?? '';
  };

  it("says whose keyboard it is and how to reach it when the other input has the keys, and that the next key is a command only after Esc", () => {
    expect(label({ focused: false })).toContain('parent keyboard (Tab: type here)');
    expect(label({ focused: false, keysMode: true })).toContain('parent keyboard (Esc: the next key is a command)');
    expect(label({ focused: true })).not.toContain('(');
  });
});

// The screen's blocks are painted again only when a row is a new object (LinesView), so a
// row rebuilt is a row drawn again: typing must rebuild the input's row and no other.
describe('what a pane builds again', () => {
  const rebuilt = (before: Line[], after: Line[]): number => after.filter((row, i) => row !== before[i]).length;

  it('builds one row per key, the input, however long the conversation above it', () => {
    const s = new Script();
    let state = play(s.start());
    for (const k of [1, 2, 3]) state = play(s.cleanTurn(k, `line ${k}`, `LINE ${k}`), state);
    state = play([s.activity('parent', { doing: 'reading', fd: 20 }), s.activity('child', { doing: 'typing' })], state);
    let draft = emptyInput;
    const pane = () => paneLines(t, state, 'child', { ...IDLE, draft, waiting: true, focused: true }, 40, 20, false).lines;
    let before = pane();
    for (const key of 'hello') {
      draft = reduceTextInput(draft, { type: 'insert', text: key });
      const after = pane();
      expect(rebuilt(before, after), draft.value).toBe(1);
      expect(lineText(after.at(-2) ?? [])).toContain(`› ${draft.value}`);
      before = after;
    }
  });

  it('builds only the state row again when the clock ticks, and that row says the new second', () => {
    const s = new Script();
    const waiting = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), s.activity('child', { doing: 'sleeping', ms: 5000 })]);
    const at = (state: typeof waiting) => paneLines(t, state, 'parent', IDLE, 40, 20, false, true).lines;
    const before = at(waiting);
    const ticked = reduce(waiting, { type: 'tick', at: waiting.now + 3_000_000 });
    const after = at(ticked);
    expect(rebuilt(before, after)).toBe(1);
    expect(after.map(lineText).join('\n')).toMatch(/3 ?s/);
    expect(before.map(lineText).join('\n')).not.toMatch(/3 ?s/);
  });
});
