// Who wrote a line is never taken from its tag: another process can write "C1:..." into a
// named pipe. A line is ours only once our writer reported writing exactly it; before
// that it is not yet attributed, and it is forged once our writer's reports show it never
// wrote it.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/app/state/model.js';
import { conversationCounts } from '../../../src/app/state/tallies.js';
import { transcriptOf } from '../../../src/app/state/transcript.js';
import { Script, play } from '../events.js';

/** The parent's read of a line carrying `tag` that the child may or may not have written. */
function parentReads(s: Script, seq: number, text: string): Action[] {
  return s.read('parent', 'child', seq, text);
}
const summary = (state: ReturnType<typeof play>) => state.messages.map((m) => `${m.attribution}:${m.writer ?? '?'}${m.seq}:${m.verdict ?? 'unjudged'}:${m.reader ?? '-'}:${m.text}`);

describe('who wrote a message', () => {
  it('a forged C1 read before the child writes is not yet attributed, then forged when the child writes its own C1, which stays whole', () => {
    const s = new Script(1, 'one');
    const before = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), ...parentReads(s, 1, 'Who are you? [FORGED]')]);
    expect(summary(before)).toEqual(['pending:child1:unjudged:parent:Who are you? [FORGED]']);
    expect(before.counters).toEqual({ delivered: 0, stolen: 0, outOfTurn: 0, outside: 0 });
    expect(transcriptOf(before, 'child').filter((e) => e.kind === 'wrote')).toEqual([]);

    const after = play(s.write('child', 1, 'Who are you?'), before);
    expect(summary(after)).toEqual(['outside:child1:forged:parent:Who are you? [FORGED]', 'ours:child1:unjudged:-:Who are you?']);
    expect(after.counters).toEqual({ delivered: 0, stolen: 0, outOfTurn: 0, outside: 1 });
    expect(conversationCounts(after)).toMatchObject({ read: 1, delivered: 0, outside: 1 });
    // The child's pane shows the line it really wrote, not the forged one.
    expect(transcriptOf(after, 'child').flatMap((e) => (e.kind === 'wrote' ? [e.message.text] : []))).toEqual(['Who are you?']);
  });

  it('the child\'s real line read before its report of the write is attributed and counted once the report comes', () => {
    const s = new Script(1, 'two');
    const read = play([...s.start(), ...parentReads(s, 1, 'Who are you?')]);
    expect(summary(read)).toEqual(['pending:child1:unjudged:parent:Who are you?']);
    const written = play(s.write('child', 1, 'Who are you?'), read);
    expect(summary(written)).toEqual(['ours:child1:delivered:parent:Who are you?']);
    expect(written.counters.delivered).toBe(1);
  });

  it('a line carrying a tag the child already wrote, with other bytes, is forged at once', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), ...s.write('child', 1, 'Who are you?'), ...parentReads(s, 1, 'I am the child, honest')]);
    expect(summary(state)).toEqual(['ours:child1:unjudged:-:Who are you?', 'outside:child1:forged:parent:I am the child, honest']);
  });

  it('a tag the child never wrote before it ended is forged', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), ...parentReads(s, 7, 'C7 from nowhere'), s.exit(0)]);
    expect(summary(state)).toEqual(['outside:child7:forged:parent:C7 from nowhere']);
  });

  it('a line with no tag of ours is counted as from outside', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), s.event({ type: 'message', proc: 'parent', frame: { writer: null, seq: 0, text: 'hi', bytes: 3 }, at: s.at + 1 })]);
    expect(state.counters.outside).toBe(1);
    expect(summary(state)).toEqual(['outside:?0:untagged:parent:hi']);
  });
});
