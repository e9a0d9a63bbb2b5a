// Who took our bytes from a named pipe: one outside reader whose rchar grew by at least
// our unread bytes took them (its message is marked with its PID); with two such readers
// nothing is marked, and the words say only who could have.
import { describe, expect, it } from 'vitest';
import { reduce } from '../../../src/app/state/conversation-reducer.js';
import type { ConversationState } from '../../../src/app/state/model.js';
import { outsideTakers, type OutsideHolder } from '../../../src/app/state/outside-takers.js';
import { Script, play } from '../events.js';

function holder(pid: number, readSince: number): OutsideHolder {
  return { pid, command: 'cat', commandLine: 'cat PATH', fds: [{ fd: 3, access: 'read' }], rchar: readSince, wchar: 0, readSince, wroteSince: 0 };
}

/** A named-pipe conversation in which the child wrote C1 and neither of our processes read it. */
function childWroteUnread(): ConversationState {
  const s = new Script(1, 'one');
  const state = play([...s.start(), ...s.write('child', 1, 'hi')]);
  return { ...state, session: state.session ? { ...state.session, wiring: 'named' } : null };
}

describe('outside takers on a named pipe', () => {
  it('one reader whose rchar grew by the unread bytes took the message: it is marked with its PID', () => {
    const state = childWroteUnread();
    const bytes = outsideTakers(state, [holder(42, 1000)])?.bytes ?? 0;
    expect(bytes).toBeGreaterThan(0);
    const next = reduce(state, { type: 'outside-holders', session: 1, holders: [holder(42, bytes)] });
    expect(next.messages.find((m) => m.writer === 'child')?.takenBy).toEqual({ pid: 42, command: 'cat' });
  });

  it('a reader that read fewer bytes than are missing did not take them', () => {
    const state = childWroteUnread();
    const next = reduce(state, { type: 'outside-holders', session: 1, holders: [holder(42, 1)] });
    expect(next.messages.find((m) => m.writer === 'child')?.takenBy).toBeUndefined();
  });

  it('with two readers that could have, nothing is marked: who took it is only an inference', () => {
    const state = childWroteUnread();
    const next = reduce(state, { type: 'outside-holders', session: 1, holders: [holder(42, 1000), holder(43, 1000)] });
    expect(outsideTakers(state, [holder(42, 1000), holder(43, 1000)])?.readers.map((h) => h.pid)).toEqual([42, 43]);
    expect(next.messages.find((m) => m.writer === 'child')?.takenBy).toBeUndefined();
  });
});
