// The transcript's history is bounded: a long lesson lets go of its oldest conversations,
// keeps the current one whole, says how much was dropped, and its tallies go on counting.
import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../../src/app/state/model.js';
import { wiringTally } from '../../../src/app/state/tallies.js';
import { KEPT_MESSAGES, transcriptOf, trimHistory } from '../../../src/app/state/transcript.js';
import { paneLines } from '../../../src/app/views/pane-lines.js';
import { lineText } from '../../../src/text/styled-lines.js';
import { emptyInput } from '../../../src/app/widgets/text-input/text-input-state.js';
import { messagesFor } from '../../../src/i18n/index.js';
import { Script, play } from '../events.js';

/** `count` whole conversations of three clean turns (six messages each), each in a session of its own. */
function lesson(count: number, state?: ConversationState): { state: ConversationState; last: Script } {
  let at = 1_000_000;
  let last = new Script(1);
  for (let i = 1; i <= count; i++) {
    last = new Script(i, i % 2 === 0 ? 'one' : 'two');
    last.at = at;
    state = play([...last.start(i === 1 ? 'start' : 'restart'), ...last.cleanTurn(1, `c${i}a`, `p${i}a`), ...last.cleanTurn(2, `c${i}b`, `p${i}b`), ...last.cleanTurn(3, `c${i}c`, `p${i}c`)], state);
    at = last.at;
  }
  return { state: state as ConversationState, last };
}

describe('the bounded transcript', () => {
  it('lets go of the oldest conversations at a new one, keeping at most KEPT_MESSAGES older messages', () => {
    const { state } = lesson(100);
    const older = state.messages.filter((m) => m.session !== state.session?.id);
    expect(older.length).toBeLessThanOrEqual(KEPT_MESSAGES);
    expect(older.length).toBeGreaterThan(KEPT_MESSAGES - 6);
    expect(state.dropped.messages + state.messages.length).toBe(600);
    expect(state.dropped.conversations + state.dividers.length).toBe(100);
    // Whole conversations go: each kept one still has its divider and its six messages.
    for (const d of state.dividers) expect(state.messages.filter((m) => m.session === d.session)).toHaveLength(6);
  });

  it('keeps the current conversation whole, however long it is', () => {
    const { state } = lesson(3);
    const trimmed = trimHistory(state, 0);
    expect(trimmed.messages.map((m) => m.text)).toEqual(['c3a', 'p3a', 'c3b', 'p3b', 'c3c', 'p3c']);
    expect(trimmed.dropped).toMatchObject({ conversations: 2, messages: 12 });
  });

  it('goes on counting the dropped conversations in each wiring’s tally', () => {
    const { state } = lesson(100);
    expect(wiringTally(state, 'two-pipes')).toMatchObject({ read: 300, delivered: 300 });
    expect(wiringTally(state, 'one-pipe')).toMatchObject({ read: 300, delivered: 300 });
  });

  it('begins with a line that says how much history was dropped, in English and Korean', () => {
    const { state } = lesson(100);
    expect(transcriptOf(state, 'parent')[0]).toMatchObject({ kind: 'dropped', dropped: { conversations: state.dropped.conversations } });
    for (const lang of ['en', 'ko'] as const) {
      const t = messagesFor(lang).ui;
      const pane = paneLines(t, state, 'parent', { draft: emptyInput, waiting: false, focused: false, keysMode: false, pending: false }, 60, 3000, false).lines.map(lineText).join('\n');
      expect(pane).toContain(String(state.dropped.conversations));
      expect(pane).toContain(lang === 'en' ? 'older conversations' : '오래된 대화');
      expect(pane).toContain('p100c');
    }
  });
});
