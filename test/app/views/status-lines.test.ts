// The status bar's tally, as a user reads it: each channel counts its own messages from
// its first conversation, says since when, comes back as it was when the user returns
// to it, and starts again from zero after Esc z; every figure keeps its label at any
// width, in both languages.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { reduce } from '../../../src/app/state/conversation-reducer.js';
import { initialState } from '../../../src/app/state/model.js';
import { lineText } from '../../../src/text/styled-lines.js';
import { statusLines } from '../../../src/app/views/status-lines.js';
import { en } from '../../../src/i18n/en.js';
import { ko } from '../../../src/i18n/ko.js';
import { Script, play } from '../events.js';

const info = (state: ReturnType<typeof play>, wiring: 'one-pipe' | 'two-pipes', width = 200, lang = en.ui): string =>
  lineText(statusLines(lang, state, wiring, true, width)[0]!);

describe('the status bar tally', () => {
  // One shared pipe: one message stolen; then two pipes: one clean turn.
  const one = new Script(1, 'one');
  const onShared = play([...one.start(), ...one.steal(1, 'hi')]);
  const two = new Script(2, 'two');
  two.at = one.at;
  const onBoth = play([...two.start('toggle'), ...two.cleanTurn(1, 'a', 'b')], onShared);

  it("counts each channel's own messages, since its first conversation", () => {
    // The scripts' sessions start at 14:03:00 plus their monotonic clocks.
    expect(info(onShared, 'one-pipe')).toMatch(/since 14:03:01: delivered 0, stolen 1 of 1/);
    // Two pipes: nothing can be stolen there, so no "stolen 0 of 2".
    expect(info(onBoth, 'two-pipes')).toMatch(/since 14:03:0\d: delivered 2 ·/);
    expect(info(onBoth, 'two-pipes')).not.toContain('stolen');
    // Back on the shared pipe, its own tally, not the two pipes' messages.
    expect(info(onBoth, 'one-pipe')).toMatch(/since 14:03:01: delivered 0, stolen 1 of 1/);
  });

  it('Esc z zeroes the current channel only, and says since when', () => {
    const wallMs = Date.UTC(2026, 0, 1, 9, 30, 5);
    const zeroed = reduce(onBoth, { type: 'tally-reset', wiring: 'two-pipes', wallMs });
    const time = new Date(wallMs).toLocaleTimeString('en-GB', { hour12: false });
    expect(info(zeroed, 'two-pipes')).toContain(`since ${time}: delivered 0 ·`);
    expect(info(zeroed, 'one-pipe')).toMatch(/stolen 1 of 1/);
    // Counted again from there.
    const after = play(two.cleanTurn(2, 'c', 'd'), zeroed);
    expect(info(after, 'two-pipes')).toContain(`since ${time}: delivered 2 ·`);
  });

  it('keeps a label on every figure as the width shrinks, in both languages, and never overflows', () => {
    for (const lang of [en.ui, ko.ui]) {
      for (let width = 100; width >= 30; width--) {
        const line = info(onShared, 'one-pipe', width, lang);
        expect(stringWidth(line), line).toBeLessThanOrEqual(width);
        // No bare figures like "0/200 ms" or "✓ 3": a number follows a word.
        expect(line, line).not.toMatch(/✓ \d|ms\/\d|delays \d|지연 \d/);
      }
    }
    expect(info(onShared, 'one-pipe', 60)).toContain('stolen 1 of 1');
  });

  it('says the delays in one unit per language: seconds in Korean (never 초 beside ms)', () => {
    const s = new Script(1, 'one');
    const state = play(s.start(), initialState({ childDelayMs: 2000, parentDelayMs: 100 }));
    expect(info(state, 'one-pipe', 200, ko.ui)).toContain('자식 지연 2초 · 부모 읽기 지연 0.1초');
    expect(info(state, 'one-pipe', 200, en.ui)).toContain('child delay 2 s · parent read delay 100 ms');
  });

  it('given two lines (the big layout), says every figure in words at 80 columns, and in step mode each key with its process', () => {
    for (const lang of [en.ui, ko.ui]) {
      const s = lang.status;
      const lines = statusLines(lang, onShared, 'one-pipe', true, 80, null, false, 2).map(lineText);
      expect(lines).toHaveLength(3);
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
      const infoText = lines.slice(0, 2).join('\n');
      expect(infoText).toContain(s.counts(0, 1, 1));
      expect(infoText).toContain(s.knobs(s.ms(0), s.ms(0)));
      // One line, as three columns give it, drops the delays and the delivered count at 80.
      expect(lineText(statusLines(lang, onShared, 'one-pipe', true, 80)[0]!)).not.toContain(s.knobs(s.ms(0), s.ms(0)));
      const stepping = statusLines(lang, { ...onShared, step: { on: true, refused: false } }, 'one-pipe', true, 80, null, false, 2).map(lineText);
      expect(stepping).toHaveLength(4);
      expect(stepping.slice(2).join('\n')).toContain(lang.step.letGo('F5', lang.procLower.parent, null));
      expect(stepping.slice(2).join('\n')).toContain(lang.step.letGo('F6', lang.procLower.child, null));
    }
  });
});
