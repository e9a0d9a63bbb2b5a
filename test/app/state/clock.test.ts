import { describe, expect, it } from 'vitest';
import { needsClock } from '../../../src/app/state/phase.js';
import { onlyClockMoved } from '../../../src/app/state/steady.js';
import { reduce } from '../../../src/app/state/conversation-reducer.js';
import { Script, play } from '../events.js';

// The screen's clock ticks (and re-renders everything) only while a wait will end on its own.
describe('the clock', () => {
  it('does not tick while a process waits for the user, even if the other is blocked in read', () => {
    const s = new Script();
    const state = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), s.activity('child', { doing: 'typing' })]);
    expect(needsClock(state)).toBe(false);
  });

  it('ticks while the child sleeps between its write and its read and nobody waits for the user', () => {
    const s = new Script();
    const state = play([
      ...s.start(),
      s.activity('parent', { doing: 'reading', fd: 20 }),
      s.activity('child', { doing: 'writing', fd: 4 }),
      ...s.write('child', 1, 'Who are you?'),
      s.activity('child', { doing: 'sleeping', ms: 2000 }),
    ]);
    expect(needsClock(state)).toBe(true);
  });

  it('stops at a deadlock: the wait never ends', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), ...s.steal(1, 'Who are you?'), s.activity('child', { doing: 'done' })]);
    expect(needsClock(state)).toBe(false);
  });
});

// The blocks without seconds are drawn from the state as it was before a tick.
describe('a tick', () => {
  it('moves only the time; any event is a change', () => {
    const s = new Script();
    const state = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), s.activity('child', { doing: 'sleeping', ms: 2000 })]);
    const ticked = reduce(state, { type: 'tick', at: state.now + 1_000_000 });
    expect(ticked).not.toBe(state);
    expect(onlyClockMoved(state, ticked)).toBe(true);
    expect(onlyClockMoved(ticked, play([s.activity('child', { doing: 'reading', fd: 3 })], ticked))).toBe(false);
  });
});
