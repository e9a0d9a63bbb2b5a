// On a socket the deadlock rule is its own: the child and the parent each in read(2) on
// its own end, with nothing in flight toward either, wait for each other for ever; with
// bytes in flight toward one of them, it will be woken, so there is no deadlock.
import { describe, expect, it } from 'vitest';
import { findDeadlock } from '../../../src/app/state/deadlock.js';
import type { ConversationState } from '../../../src/app/state/model.js';
import { bytesInFlight } from '../../../src/app/state/socket-flow.js';
import { Script, play } from '../events.js';

function onSocket(state: ConversationState): ConversationState {
  return state.session ? { ...state, session: { ...state.session, wiring: 'socket', pipes: [] } } : state;
}

describe('a socket: bytes in flight and the deadlock', () => {
  it('both waiting to read with nothing in flight is a deadlock of both', () => {
    const s = new Script();
    const state = onSocket(play([...s.start(), s.activity('parent', { doing: 'reading', fd: 27 }), s.activity('child', { doing: 'reading', fd: 3 })]));
    expect(findDeadlock(state)).toEqual({ blocked: ['parent', 'child'], finished: [] });
  });

  it('the child waiting while the parent is at its keyboard is no deadlock', () => {
    const s = new Script();
    const state = onSocket(play([...s.start(), s.activity('parent', { doing: 'typing' }), s.activity('child', { doing: 'reading', fd: 3 })]));
    expect(findDeadlock(state)).toBeNull();
  });

  it('bytes written by the child and not yet read by the parent are in flight toward the parent: no deadlock', () => {
    const s = new Script();
    const base = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 27 }), s.activity('child', { doing: 'reading', fd: 3 })]);
    const session = base.session!;
    const state = onSocket({ ...base, session: { ...session, writes: [{ at: s.at, proc: 'child', fd: 3, bytes: Buffer.from('C1:hi\n') }] } });
    expect(bytesInFlight(state.session!, 'parent')).toBe(6);
    expect(findDeadlock(state)).toBeNull();
  });
});
