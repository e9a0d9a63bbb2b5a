// Who took our bytes from a pipe: one outside reader whose rchar grew by at least our
// unread bytes took them (its message is marked with its PID); with two such readers
// nothing is marked, and the words say only who could have. On two pipes an outside
// reader seen only after it read (cat /proc/CHILD/fd/3) is found by what the kernel
// holds: FIONREAD 0 where our bytes were; both processes waiting on empty pipes are then
// a DEADLOCK, whoever took the bytes. On the named pipe, an outside process holding a
// write end may still write: no DEADLOCK while it does.
import { describe, expect, it } from 'vitest';
import { reduce } from '../../../src/app/state/conversation-reducer.js';
import type { ConversationState } from '../../../src/app/state/model.js';
import { findDeadlock } from '../../../src/app/state/deadlock.js';
import type { OutsideHolder } from '../../../src/app/state/model.js';
import { outsideTakers, waitsBesideOurBytes } from '../../../src/app/state/outside-takers.js';
import { DOWN, SHARED, Script, play } from '../events.js';
import { lineText } from '../../../src/text/styled-lines.js';
import { routeWords } from '../../../src/app/views/phrases.js';
import { en } from '../../../src/i18n/en.js';

function holder(pid: number, readSince: number): OutsideHolder {
  return { pid, command: 'cat', commandLine: 'cat PATH', fds: [{ fd: 3, access: 'read', inode: SHARED }], rchar: readSince, wchar: 0, readSince, wroteSince: 0 };
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
    const next = reduce(state, { type: 'outside-holders', session: 1, holders: [holder(42, bytes)], at: state.now });
    expect(next.messages.find((m) => m.writer === 'child')?.takenBy).toEqual({ pid: 42, command: 'cat' });
  });

  it('a reader that read fewer bytes than are missing did not take them', () => {
    const state = childWroteUnread();
    const next = reduce(state, { type: 'outside-holders', session: 1, holders: [holder(42, 1)], at: state.now });
    expect(next.messages.find((m) => m.writer === 'child')?.takenBy).toBeUndefined();
  });

  it('with two readers that could have, nothing is marked: who took it is only an inference', () => {
    const state = childWroteUnread();
    const next = reduce(state, { type: 'outside-holders', session: 1, holders: [holder(42, 1000), holder(43, 1000)], at: state.now });
    expect(outsideTakers(state, [holder(42, 1000), holder(43, 1000)])?.readers.map((h) => h.pid)).toEqual([42, 43]);
    expect(next.messages.find((m) => m.writer === 'child')?.takenBy).toBeUndefined();
  });
});

describe('an outside reader of an anonymous pipe (two pipes, cat /proc/CHILD/fd/3)', () => {
  /** Turn 1: the child's line read by the parent, the parent's answer written; then both wait in read(). */
  function answerWritten() {
    const s = new Script();
    const turn = s.cleanTurn(1, 'Who are you?', 'I am your parent');
    // Everything but the child's read of the answer.
    const state = play([...s.start(), ...turn.slice(0, -2), s.activity('parent', { doing: 'reading', fd: 20 })]);
    return { s, state };
  }
  const cat = (readSince: number, access: 'read' | 'write' = 'read'): OutsideHolder => ({
    pid: 42, command: 'cat', commandLine: 'cat /proc/778/fd/3', fds: [{ fd: 3, access, inode: DOWN }], rchar: readSince, wchar: 0, readSince, wroteSince: 0,
  });

  it('while the kernel still holds the answer, both waiting is no deadlock, and /proc is worth a look', () => {
    const { s, state } = answerWritten();
    const held = play([s.event({ type: 'queued', inode: DOWN, bytes: 19, at: s.at + 1 })], state);
    expect(findDeadlock(held)).toBeNull();
    expect(waitsBesideOurBytes(held)).toBe(true);
  });

  it('FIONREAD 0 where the answer was: DEADLOCK, and the one outside reader of that pipe took it, though its rchar grew before it was seen', () => {
    const { s, state } = answerWritten();
    const emptied = play([s.event({ type: 'queued', inode: DOWN, bytes: 0, at: s.at + 1 })], state);
    expect(findDeadlock(emptied)).toEqual({ blocked: ['parent', 'child'], finished: [] });
    const next = reduce(emptied, { type: 'outside-holders', session: 1, holders: [cat(0)], at: emptied.now });
    expect(next.messages.find((m) => m.writer === 'parent')?.takenBy).toEqual({ pid: 42, command: 'cat' });
    expect(next.messages.find((m) => m.writer === 'child')?.takenBy).toBeUndefined();
  });

  it('a reader gone before the screen looked (timeout 1 cat ...): once both have waited in read() a second on the emptied pipe, the answer is marked taken by a process gone since, and the banner says so', () => {
    const { s, state } = answerWritten();
    const emptied = play([s.event({ type: 'queued', inode: DOWN, bytes: 0, at: s.at + 1 })], state);
    // At once: our reader's own report may still be on its way.
    const early = reduce(emptied, { type: 'outside-holders', session: 1, holders: [], at: emptied.now });
    expect(early.messages.find((m) => m.writer === 'parent')?.takenBy).toBeUndefined();
    const later = reduce(emptied, { type: 'outside-holders', session: 1, holders: [], at: emptied.now + 1_500_000 });
    expect(later.messages.find((m) => m.writer === 'parent')?.takenBy).toEqual({ pid: null, command: '' });
    expect(later.messages.find((m) => m.writer === 'child')?.takenBy).toBeUndefined();
    const route = lineText(routeWords(en.ui, later.messages.find((m) => m.writer === 'parent')!));
    expect(route).toContain('another process (exited since)');
    expect(route).toContain('TAKEN');
  });

  it('once the child has read the answer, nothing waits beside bytes of ours', () => {
    const s = new Script();
    const state = play([...s.start(), ...s.cleanTurn(1, 'Who are you?', 'I am your parent'), s.activity('child', { doing: 'typing' })]);
    expect(waitsBesideOurBytes(state)).toBe(false);
  });
});

describe('an outside writer of the named pipe', () => {
  /** A named-pipe conversation: the child's C1 taken by an outside cat, both processes waiting in read() on the empty FIFO. */
  function bothWaitOnEmptyFifo(): ConversationState {
    const s = new Script(1, 'one');
    const state = play([
      ...s.start(),
      s.activity('parent', { doing: 'reading', fd: 20 }),
      ...s.write('child', 1, 'hi'),
      s.activity('child', { doing: 'reading', fd: 3 }),
      s.event({ type: 'queued', inode: SHARED, bytes: 0, at: s.at + 1 }),
    ]);
    return { ...state, session: state.session ? { ...state.session, wiring: 'named' } : null };
  }
  const writer: OutsideHolder = { pid: 43, command: 'bash', commandLine: 'bash', fds: [{ fd: 1, access: 'write', inode: SHARED }], rchar: 0, wchar: 0, readSince: 0, wroteSince: 0 };

  it('no DEADLOCK while an outside process holds a write end; DEADLOCK once it is gone', () => {
    const base = bothWaitOnEmptyFifo();
    const held = reduce(base, { type: 'outside-holders', session: 1, holders: [writer], at: base.now });
    expect(findDeadlock(held)).toBeNull();
    const gone = reduce(held, { type: 'outside-holders', session: 1, holders: [], at: held.now });
    expect(findDeadlock(gone)).toEqual({ blocked: ['parent', 'child'], finished: [] });
  });
});
