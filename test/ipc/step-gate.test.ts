// Step mode's gate words, without threads: which calls a channel's step points hold, and
// that a hold is let go once, by the UI's key or by leaving step mode, and is said only once
// counted.
import { describe, expect, it } from 'vitest';
import { EXERCISE_STEP_POINTS } from '../../src/channels/step-points.js';
import { holdHere, holdsBefore, holdsOf, letGo, setStepping, threadStepWords, STEP_WORDS } from '../../src/ipc/step-gate.js';

const gate = () => threadStepWords(new Int32Array(new SharedArrayBuffer(STEP_WORDS * 4)));

describe('the step gate', () => {
  it("holds each process before the calls its channel's step points name, and only those", () => {
    const g = gate();
    setStepping(g, holdsOf(EXERCISE_STEP_POINTS, 'child'));
    expect([holdsBefore(g, 'read'), holdsBefore(g, 'write')]).toEqual([true, true]);
    setStepping(g, holdsOf([{ proc: 'child', spot: 'read' }, { proc: 'parent', spot: 'write' }, { proc: 'child', spot: 'fgets' }], 'child'));
    expect([holdsBefore(g, 'read'), holdsBefore(g, 'write')]).toEqual([true, false]);
    setStepping(g, holdsOf(null, 'child'));
    expect([holdsBefore(g, 'read'), holdsBefore(g, 'write')]).toEqual([false, false]);
  });

  it('lets a hold go once: a second key finds nothing held, and so does a key before any hold', () => {
    const g = gate();
    setStepping(g, holdsOf(EXERCISE_STEP_POINTS, 'parent'));
    expect(letGo(g)).toBe(false);
    const keys: boolean[] = [];
    // The waiting side's sleep is where the UI's key comes in.
    const held = { ...g, sleep: () => void keys.push(letGo(g), letGo(g)) };
    expect(holdHere(held, () => {})).toBe(true);
    expect(keys).toEqual([true, false]);
  });

  it('leaving step mode lets the held process go; the way out ends the hold without the call', () => {
    const g = gate();
    setStepping(g, holdsOf(EXERCISE_STEP_POINTS, 'parent'));
    expect(holdHere({ ...g, sleep: () => setStepping(g, 0) }, () => {})).toBe(true);
    setStepping(g, holdsOf(EXERCISE_STEP_POINTS, 'parent'));
    let closed = false;
    expect(holdHere({ ...g, sleep: () => void (closed = true) }, () => {}, () => closed)).toBe(false);
  });

  it('says a hold only once it is counted: a key pressed the moment the screen says held lets it go', () => {
    const g = gate();
    setStepping(g, holdsOf(EXERCISE_STEP_POINTS, 'child'));
    const keys: boolean[] = [];
    const slept: number[] = [];
    expect(holdHere({ ...g, sleep: (_, value) => void slept.push(value) }, () => keys.push(letGo(g)))).toBe(true);
    expect(keys).toEqual([true]);
    expect(slept).toEqual([]);
  });
});
