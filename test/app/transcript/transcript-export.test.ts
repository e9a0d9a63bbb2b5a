// What the save key writes must say what the screen said: a message an outside process
// took, a line no process of ours wrote, times from the conversation's start, units.
import { describe, expect, it } from 'vitest';
import { reduce } from '../../../src/app/state/conversation-reducer.js';
import { exportTranscript } from '../../../src/app/transcript/transcript-export.js';
import { messagesFor } from '../../../src/i18n/index.js';
import type { OutsideHolder } from '../../../src/app/state/model.js';
import { outsideTakers } from '../../../src/app/state/outside-takers.js';
import { SHARED, Script, play } from '../events.js';

const en = messagesFor('en');
const savedAt = new Date(Date.UTC(2026, 11, 2, 9, 0));
const cat = (pid: number, readSince: number): OutsideHolder => ({ pid, command: 'cat', commandLine: 'cat PATH', fds: [{ fd: 3, access: 'read', inode: SHARED }], rchar: readSince, wchar: 0, readSince, wroteSince: 0 });

/** A named-pipe conversation started after another one: the child's C1 taken by an outside cat. */
function takenByCat() {
  const first = new Script(1, 'one');
  const second = new Script(2, 'one');
  second.at = 50_000_000; // the second conversation starts 49 s after the first
  let state = play([...first.start(), ...first.steal(1, 'earlier'), ...second.start('toggle'), ...second.write('child', 1, 'Who are you?')]);
  state = { ...state, session: state.session ? { ...state.session, wiring: 'named' } : null };
  const bytes = outsideTakers(state, [cat(4242, 1_000_000)])?.bytes ?? 0;
  return reduce(state, { type: 'outside-holders', session: 2, holders: [cat(4242, bytes)], at: state.now });
}

describe('the saved transcript', () => {
  it('names the outside process that took a message, as the screen does, not as unread', () => {
    const exported = exportTranscript(en.ui, takenByCat(), savedAt);
    const json = JSON.parse(exported.json) as { messages: { tag: string; takenBy: unknown; verdict: string; reader: unknown }[] };
    expect(json.messages.at(-1)).toMatchObject({ tag: 'C1', reader: null, takenBy: { pid: 4242, command: 'cat' }, verdict: 'taken' });
    expect(exported.text).toContain('C1 child→PID 4242 cat  TAKEN by an outside process  "Who are you?"');
    expect(exported.text).not.toContain('not read yet');
  });

  it('counts times from the start of each message\'s conversation, as the trace on screen does, and gives durations a unit', () => {
    const exported = exportTranscript(en.ui, takenByCat(), savedAt);
    const json = JSON.parse(exported.json) as { messages: { conversation: number; writtenAtMs: number }[]; trace: { conversation: number; startMs: number }[] };
    const [earlier, later] = json.messages;
    expect(earlier?.conversation).toBe(1);
    expect(later?.conversation).toBe(2);
    // Both were written a few ticks (1 ms each) into their own conversation, 49 s apart on the clock.
    for (const m of json.messages) expect(m.writtenAtMs).toBeLessThan(20);
    for (const e of json.trace) expect(e.startMs).toBeLessThan(20);
    expect(exported.text).toMatch(/<0\.\d{6} s>/);
  });

  it('says an untagged line was written by another process, never by the child', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), s.event({ type: 'message', proc: 'parent', frame: { writer: null, seq: 0, text: 'hi from outside', bytes: 16 }, at: 1_010_000 } as never)]);
    const exported = exportTranscript(en.ui, state, savedAt);
    const json = JSON.parse(exported.json) as { messages: { writer: string }[] };
    expect(json.messages.map((m) => m.writer)).toEqual(['outside']);
    expect(exported.text).not.toContain('child→parent');
  });
});
