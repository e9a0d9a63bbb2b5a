import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/text/styled-lines.js';
import { traceLines } from '../../../src/app/views/trace-lines.js';
import { messagesFor } from '../../../src/i18n/index.js';
import { CHILD_PID, Script, play } from '../events.js';

describe('trace panel', () => {
  it('shows each call with its process PID, its time in the conversation and how long it took, under a separator per conversation', () => {
    const first = new Script(1);
    let state = play([...first.start(), ...first.write('child', 1, 'Who are you?')]);
    const second = new Script(2);
    second.at = first.at + 5_000_000;
    state = play([...second.start('restart'), ...second.write('child', 1, 'again')], state);
    const text = traceLines(messagesFor('en').ui, state, 100, 10).map(lineText).join('\n');
    expect(text).toContain(`conversation 1 · child PID ${CHILD_PID + 1}`);
    expect(text).toContain(`conversation 2 · child PID ${CHILD_PID + 2}`);
    expect(text.indexOf('conversation 1')).toBeLessThan(text.indexOf('conversation 2'));
    expect(text).toContain(`child ${CHILD_PID + 2}`);
    // Script enters the write 3 ms after its conversation started, and it returns 1 ms later.
    expect(text).toMatch(/ 3\.000 ms child 779 +write\(4\) +9 B <0\.001000> +"C1:again/);
  });
});
