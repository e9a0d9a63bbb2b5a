// The auto-play planner without timers: from a conversation state and the drafts, the
// one next step and how long to wait for it, for both sides, both endings and the user.
import { describe, expect, it } from 'vitest';
import { AUTO_STEAL_PARENT_DELAY_MS, PACE, autoPlayKnobs, planAutoStep, type AutoPlayOptions } from '../../../src/app/auto-play/auto-play-plan.js';
import type { ConversationState } from '../../../src/app/state/model.js';
import { Script, play } from '../events.js';

const SCRIPT = { child: ['Hi', 'C2', '안녕'], parent: ['Yo', 'P2', 'P3'] };
const AUTO: AutoPlayOptions = { auto: true, script: SCRIPT, speed: 1, exitWhenDone: false };
const EMPTY = { child: '', parent: '' };

function plan(state: ConversationState, drafts = EMPTY, options: Partial<AutoPlayOptions> = {}, paused = false, ownDrafts = EMPTY) {
  return planAutoStep({ state, drafts, ownDrafts, options: { ...AUTO, ...options }, paused });
}

/** A session whose child waits at its keyboard in turn 1 and whose parent is blocked in read(). */
function childAtKeyboard(script = new Script()): ConversationState {
  return play([...script.start(), script.activity('parent', { doing: 'reading', fd: 20 }), script.activity('child', { doing: 'typing' })]);
}

describe('planAutoStep', () => {
  it('does nothing before a session is open, when nobody is at a keyboard, or when auto-play is off', () => {
    const s = new Script();
    expect(plan(play(s.start().slice(0, 1)))).toBeNull();
    expect(plan(play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 })]))).toBeNull();
    expect(plan(childAtKeyboard(), EMPTY, { auto: false })).toBeNull();
  });

  it('types the child’s line one character at a time: a pause first, then the character pace', () => {
    const state = childAtKeyboard();
    expect(plan(state)).toMatchObject({ kind: 'type', proc: 'child', text: 'H', delayMs: PACE.pauseMs });
    expect(plan(state, { child: 'H', parent: '' })).toMatchObject({ kind: 'type', proc: 'child', text: 'i', delayMs: PACE.charMs });
  });

  it('presses Enter after a pause once the whole line stands in the input', () => {
    expect(plan(childAtKeyboard(), { child: 'Hi', parent: '' })).toMatchObject({ kind: 'submit', proc: 'child', delayMs: PACE.pauseMs });
  });

  it("lets the script's next release go once that process is held in step mode, and waits for it otherwise", () => {
    const s = new Script();
    const held = play([{ type: 'step-mode', on: true, refused: false }, ...s.start(), s.activity('parent', { doing: 'held', call: 'read', gate: 'futex', tid: 501, fd: 20 }), s.activity('child', { doing: 'held', call: 'write', gate: 'futex', tid: 600, fd: 4 })]);
    const releases = { ...SCRIPT, releases: ['child', 'child', 'parent'] as ('child' | 'parent')[] };
    expect(planAutoStep({ state: held, drafts: EMPTY, ownDrafts: EMPTY, options: { ...AUTO, script: releases }, paused: false })).toMatchObject({ kind: 'release', proc: 'child', delayMs: PACE.pauseMs });
    expect(planAutoStep({ state: held, drafts: EMPTY, ownDrafts: EMPTY, options: { ...AUTO, script: releases }, paused: false, releasesDone: 2 })).toMatchObject({ kind: 'release', proc: 'parent' });
    // The child next, but it is at its keyboard: it types its line instead.
    const typing = play([s.activity('child', { doing: 'typing' })], held);
    expect(planAutoStep({ state: typing, drafts: EMPTY, ownDrafts: EMPTY, options: { ...AUTO, script: releases }, paused: false })).toMatchObject({ kind: 'type', proc: 'child' });
  });

  it('divides every wait by the speed', () => {
    expect(plan(childAtKeyboard(), EMPTY, { speed: 5 })?.delayMs).toBe(PACE.pauseMs / 5);
    expect(plan(childAtKeyboard(), { child: 'H', parent: '' }, { speed: 0.5 })?.delayMs).toBe(PACE.charMs * 2);
  });

  it('gives each step its own key, so a new character or a new session re-arms the timer', () => {
    const a = plan(childAtKeyboard());
    const b = plan(childAtKeyboard(), { child: 'H', parent: '' });
    const c = plan(childAtKeyboard(new Script(2)));
    expect(new Set([a?.key, b?.key, c?.key]).size).toBe(3);
  });

  it('plays the parent’s line of its own turn once it is at its keyboard', () => {
    const s = new Script();
    const turnOne = s.cleanTurn(1, 'Hi', 'Yo');
    const state = play([...s.start(), ...turnOne.slice(0, -5)]); // the parent has read C1 and waits at its keyboard (its write of P1, the message it completed and the child's read not yet)
    expect(plan(state)).toMatchObject({ kind: 'type', proc: 'parent', text: 'Y' });
    const next = play([...s.start(), ...turnOne, s.activity('child', { doing: 'typing' })]);
    expect(plan(next)).toMatchObject({ kind: 'type', proc: 'child', text: 'C' });
  });

  it('types Hangul a syllable at a time', () => {
    const s = new Script();
    const state = play([...s.start(), ...s.cleanTurn(1, 'Hi', 'Yo'), ...s.cleanTurn(2, 'C2', 'P2'), s.activity('child', { doing: 'typing' })]);
    expect(plan(state)).toMatchObject({ kind: 'type', proc: 'child', text: '안' });
    expect(plan(state, { child: '안', parent: '' })).toMatchObject({ kind: 'type', text: '녕' });
  });

  it('leaves a line the user has typed over to the user', () => {
    expect(plan(childAtKeyboard(), { child: 'Hx', parent: '' })).toBeNull();
    expect(plan(childAtKeyboard(), { child: 'Hi!', parent: '' })).toBeNull();
  });

  it('clears its own half line of another turn (after a restart) before typing, but never the user’s', () => {
    const leftover = { child: 'C', parent: '' }; // auto-play had begun turn 2's "C2"
    expect(plan(childAtKeyboard(), leftover, {}, false, leftover)).toMatchObject({ kind: 'clear', proc: 'child', delayMs: PACE.pauseMs });
    expect(plan(childAtKeyboard(), { child: 'Cx', parent: '' }, {}, false, leftover)).toBeNull();
  });

  it('does not type past the script, nor an empty line; controls are typed as the input shows them', () => {
    expect(plan(childAtKeyboard(new Script(1, 'two', 4)))).toBeNull();
    expect(plan(childAtKeyboard(), EMPTY, { script: { child: [' \t', '', ''], parent: SCRIPT.parent } })).toBeNull();
    expect(plan(childAtKeyboard(), EMPTY, { script: { child: ['\u0001\u0002', '', ''], parent: SCRIPT.parent } })).toMatchObject({ kind: 'type', text: '␁' });
  });

  it('waits while the help is open', () => {
    expect(plan(childAtKeyboard(), EMPTY, {}, true)).toBeNull();
  });

  it('with --exit-when-done, quits after the summary or the deadlock has been shown long enough; otherwise stays', () => {
    const s = new Script();
    const done = play([
      ...s.start(),
      ...s.cleanTurn(1, 'Hi', 'Yo'),
      ...s.cleanTurn(2, 'C2', 'P2'),
      ...s.cleanTurn(3, 'C3', 'P3'),
      s.activity('parent', { doing: 'done' }),
      s.activity('child', { doing: 'done' }),
      s.exit(0),
    ]);
    expect(plan(done)).toBeNull();
    expect(plan(done, EMPTY, { exitWhenDone: true, speed: 4 })).toMatchObject({ kind: 'quit', delayMs: PACE.endMs / 4 });
    expect(plan(done, EMPTY, { auto: false, exitWhenDone: true })).toMatchObject({ kind: 'quit' });

    const one = new Script(1, 'one');
    const deadlock = play([...one.start(), ...one.stealThenChildEnds('x')]);
    expect(plan(deadlock, EMPTY, { exitWhenDone: true })).toMatchObject({ kind: 'quit', delayMs: PACE.endMs });
    expect(plan(childAtKeyboard(), EMPTY, { exitWhenDone: true })).toMatchObject({ kind: 'type' });
  });

  it('with endAtFailure (the lesson), a conversation that could not start or whose child died has ended too', () => {
    const s = new Script();
    const failed = play([...s.start().slice(0, 1), { type: 'session-failed', session: 1, problem: { kind: 'child-timeout', ms: 5000 }, at: s.at + 1 }]);
    const died = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), s.exit(null, 'SIGKILL')]);
    for (const state of [failed, died]) {
      expect(plan(state, EMPTY, { exitWhenDone: true })).toBeNull();
      expect(plan(state, EMPTY, { exitWhenDone: true, endAtFailure: true })).toMatchObject({ kind: 'quit' });
    }
  });
});

describe('autoPlayKnobs', () => {
  const knobs = { childDelayMs: 0, parentDelayMs: 0 };
  it('sets the parent’s read delay on one shared pipe so that the child reads first', () => {
    expect(autoPlayKnobs(AUTO, 'one-pipe', knobs)).toEqual({ childDelayMs: 0, parentDelayMs: AUTO_STEAL_PARENT_DELAY_MS });
  });
  it('keeps the knobs on two pipes, without auto-play, or when a delay was given', () => {
    expect(autoPlayKnobs(AUTO, 'two-pipes', knobs)).toBe(knobs);
    expect(autoPlayKnobs({ ...AUTO, auto: false }, 'one-pipe', knobs)).toBe(knobs);
    expect(autoPlayKnobs(AUTO, 'one-pipe', { childDelayMs: 0, parentDelayMs: 1000 })).toEqual({ childDelayMs: 0, parentDelayMs: 1000 });
  });
});
