// The lesson's reducer, pure: a step goes question → running → result, each once; a
// pick out of range or a key on the wrong screen changes nothing; --from skips the
// steps before it; the picks are held against what the runs answered.
import { describe, expect, it } from 'vitest';
import { initialLesson, pickWasRight, reduceLesson, tally, type LessonAction, type LessonState } from '../../src/lesson/lesson-reducer.js';
import { LESSON_STEPS, lessonSteps } from '../../src/lesson/steps.js';

const steps = lessonSteps();
const play = (state: LessonState, ...actions: LessonAction[]) => actions.reduce(reduceLesson, state);

describe('the lesson reducer', () => {
  it('asks, runs, says the result, then asks the next step; the last step leads to the summary', () => {
    let state = initialLesson(steps);
    expect(state).toMatchObject({ at: 0, screen: 'question' });
    state = play(state, { type: 'picked', answer: 1, auto: false });
    expect(state.screen).toBe('running');
    state = play(state, { type: 'ran', answer: 'child' });
    expect(state.screen).toBe('result');
    expect(state.records[0]).toEqual({ pick: 1, auto: false, ran: true, answer: 'child' });
    state = play(state, { type: 'next' });
    expect(state).toMatchObject({ at: 1, screen: 'question' });
    const last = initialLesson(steps, steps.length);
    expect(play(last, { type: 'picked', answer: 0, auto: true }, { type: 'ran', answer: 'parent' }, { type: 'next' }).screen).toBe('summary');
  });

  it('ignores a pick out of range, a second pick, and a result or next on the wrong screen', () => {
    const state = initialLesson(steps);
    expect(play(state, { type: 'picked', answer: steps[0]?.answers.length ?? 9, auto: false })).toBe(state);
    expect(play(state, { type: 'ran', answer: 'child' })).toBe(state);
    expect(play(state, { type: 'next' })).toBe(state);
    const running = play(state, { type: 'picked', answer: 0, auto: false });
    expect(play(running, { type: 'picked', answer: 1, auto: false })).toBe(running);
  });

  it('starts at --from: the steps before it are not asked, and the summary counts only those asked', () => {
    let state = initialLesson(steps, 3);
    expect(state).toMatchObject({ at: 2, screen: 'question' });
    const first = steps[2];
    state = play(state, { type: 'picked', answer: 0, auto: true }, { type: 'ran', answer: first?.answers[0] ?? 'parent' });
    expect(pickWasRight(first ?? steps[0]!, state.records[2]!)).toBe(true);
    expect(pickWasRight(steps[0]!, state.records[0]!)).toBeNull();
    expect(tally(state)).toEqual({ asked: 1, right: 1 });
    // A run that could not answer (its child died) holds no pick right or wrong.
    state = play(state, { type: 'next' }, { type: 'picked', answer: 0, auto: true }, { type: 'ran', answer: null });
    expect(state.records[3]).toMatchObject({ ran: true, answer: null });
    expect(pickWasRight(steps[3]!, state.records[3]!)).toBeNull();
    expect(tally(state)).toEqual({ asked: 1, right: 1 });
  });

  it('leaves out a step whose channel is not in the registry yet, and keeps the rest in the chapter\'s order', () => {
    expect(LESSON_STEPS.map((s) => s.id)).toEqual(['pipe1', 'pipe1-open-ends', 'one-pipe', 'one-pipe-sleep', 'two-pipes', 'exercise', 'named', 'queue', 'shm', 'shm-busy', 'file', 'threads', 'signal', 'tcp']);
    expect(lessonSteps(['two-pipes', 'one-pipe']).map((s) => s.id)).toEqual(['one-pipe', 'one-pipe-sleep', 'two-pipes', 'exercise']);
    expect(lessonSteps(['pipe1', 'two-pipes']).map((s) => s.id)).toEqual(['pipe1', 'two-pipes', 'exercise']);
  });
});
