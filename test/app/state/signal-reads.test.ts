// A message read as signals: the kernel names the sender of every signal (si_pid), so the
// read is that process's message of the reader's turn even when lost bits garbled its tag.
// It is judged against what was written, whichever report comes first: whole (every bit
// arrived) is delivered; anything else is GARBLED, with the text that arrived, counted, and
// never called a line from outside.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/app/state/model.js';
import { conversationCounts } from '../../../src/app/state/tallies.js';
import { transcriptOf } from '../../../src/app/state/transcript.js';
import type { Proc } from '../../../src/ipc/events.js';
import { CHILD_PID, PARENT_PID, Script, play } from '../events.js';

const summary = (state: ReturnType<typeof play>) => state.messages.map((m) => `${m.attribution}:${m.writer ?? '?'}${m.seq}:${m.verdict ?? 'unjudged'}:${m.reader ?? '-'}:${m.received?.text ?? m.text}`);

/** The reader's note of the bits it took, from `from`, then the frame they made (untagged when the tag did not survive). */
function readBits(s: Script, reader: Proc, bits: number, from: number, frame: { writer: Proc | null; seq: number; text: string; bytes: number }): Action[] {
  return [
    s.event({ type: 'read-note', proc: reader, note: { kind: 'bits', received: bits, senders: [from] }, at: (s.at += 1000) }),
    s.event({ type: 'message', proc: reader, frame, at: (s.at += 1000) }),
  ];
}

const CHILD = CHILD_PID + 1;

describe('a message read as signals', () => {
  it('that lost bits is GARBLED, shown as it arrived and counted, not from outside', () => {
    const s = new Script(1, 'two');
    const state = play([...s.start(), ...s.write('child', 1, 'Who are you?'), ...readBits(s, 'parent', 3, CHILD, { writer: null, seq: 0, text: '', bytes: 1 })]);
    expect(summary(state)).toEqual(['ours:child1:garbled:parent:']);
    expect(state.messages[0]?.received?.bits).toBe(3);
    expect(state.counters.outside).toBe(0);
    expect(conversationCounts(state)).toMatchObject({ read: 1, delivered: 0, garbled: 1, outside: 0 });
    // The writer's pane keeps what it wrote.
    expect(transcriptOf(state, 'child').flatMap((e) => (e.kind === 'wrote' ? [e.message.text] : []))).toEqual(['Who are you?']);
  });

  it('read before its writer reported the write, is judged once the report comes', () => {
    const s = new Script(1, 'two');
    const read = play([...s.start(), ...readBits(s, 'parent', 40, CHILD, { writer: null, seq: 0, text: 'W\u0000x', bytes: 4 })]);
    expect(summary(read)).toEqual(['pending:child1:unjudged:parent:W\u0000x']);
    const written = play(s.write('child', 1, 'Who are you?'), read);
    expect(summary(written)).toEqual(['ours:child1:garbled:parent:W\u0000x']);
    expect(written.counters.outside).toBe(0);
  });

  it('that kept every bit is delivered, in either order of the reports', () => {
    const s = new Script(1, 'two');
    const frame = { writer: 'parent' as const, seq: 1, text: 'I am your parent', bytes: 20 };
    const first = play([...s.start(), ...s.write('parent', 1, frame.text), ...readBits(s, 'child', 160, PARENT_PID, frame)]);
    expect(summary(first)).toEqual(['ours:parent1:delivered:child:I am your parent']);
    const t = new Script(1, 'two');
    const late = play([...t.start(), ...readBits(t, 'child', 160, PARENT_PID, frame), ...t.write('parent', 1, frame.text)]);
    expect(summary(late)).toEqual(['ours:parent1:delivered:child:I am your parent']);
  });

  it('whose frame came out the same but missed a bit (of the newline the reader puts back) is still garbled', () => {
    const s = new Script(1, 'two');
    const state = play([...s.start(), ...s.write('child', 1, 'hi'), ...readBits(s, 'parent', 6 * 8 - 1, CHILD, { writer: 'child', seq: 1, text: 'hi', bytes: 6 })]);
    expect(summary(state)).toEqual(['ours:child1:garbled:parent:hi']);
  });
});
