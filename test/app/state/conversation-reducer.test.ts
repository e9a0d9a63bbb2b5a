import { describe, expect, it } from 'vitest';
import { bannerContent } from '../../../src/app/views/banner-lines.js';
import { reduce } from '../../../src/app/state/conversation-reducer.js';
import { initialState, type Action } from '../../../src/app/state/model.js';
import { messagesFor } from '../../../src/i18n/index.js';
import { findDeadlock } from '../../../src/app/state/deadlock.js';
import { phaseOf } from '../../../src/app/state/phase.js';
import { pipeViews } from '../../../src/app/state/pipes.js';
import { conversationCounts, wiringTally } from '../../../src/app/state/tallies.js';
import { transcriptOf } from '../../../src/app/state/transcript.js';
import { conversationTurn, displayedTurn, typingProcs } from '../../../src/app/state/turns.js';
import { CHILD_PID, PARENT_PID, Script, play } from '../events.js';

const verdicts = (state: ReturnType<typeof play>) => state.messages.map((m) => `${m.writer}#${m.seq}→${m.reader ?? '-'}:${m.verdict ?? 'unread'}`);

describe('conversation reducer', () => {
  it('plays three clean turns over two pipes: every message delivered, turn counts up, then finished', () => {
    const s = new Script();
    let state = play(s.start());
    expect(conversationTurn(state)).toBe(1);
    expect(displayedTurn(state)).toEqual({ turn: 1, parentTurn: null });
    state = play(s.cleanTurn(1, 'Who are you?', 'I am your parent'), state);
    expect(conversationTurn(state)).toBe(2);
    expect(displayedTurn(state)).toEqual({ turn: 2, parentTurn: null });
    state = play([...s.cleanTurn(2, '안녕?', '반가워'), ...s.cleanTurn(3, 'bye', 'bye too')], state);
    state = play([s.activity('parent', { doing: 'done' }), s.activity('child', { doing: 'done' }), s.exit(0)], state);

    expect(verdicts(state)).toEqual([
      'child#1→parent:delivered',
      'parent#1→child:delivered',
      'child#2→parent:delivered',
      'parent#2→child:delivered',
      'child#3→parent:delivered',
      'parent#3→child:delivered',
    ]);
    expect(state.counters).toEqual({ delivered: 6, stolen: 0, outOfTurn: 0, outside: 0 });
    expect(conversationTurn(state)).toBe(3);
    expect(displayedTurn(state)).toEqual({ turn: 3, parentTurn: null });
    expect(phaseOf(state)).toBe('finished');
    expect(findDeadlock(state)).toBeNull();
    expect(pipeViews(state).map((p) => [p.name, p.unread.length])).toEqual([
      ['child-to-parent', 0],
      ['parent-to-child', 0],
    ]);
  });

  it('counts the bytes written and not yet read in each pipe, with the bytes themselves', () => {
    const s = new Script();
    const state = play([...s.start(), s.activity('child', { doing: 'writing', fd: 4 }), ...s.write('child', 1, 'Who are you?')]);
    const up = pipeViews(state).find((p) => p.name === 'child-to-parent');
    expect(up?.unread.toString()).toBe('C1:Who are you?\n');
    expect(state.messages[0]).toMatchObject({ writer: 'child', seq: 1, reader: null, verdict: null });
  });

  it('marks a message read back by its own writer as stolen (the child reads C1 on one shared pipe)', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), ...s.steal(1, 'Who are you?'), s.activity('child', { doing: 'typing' })]);
    expect(verdicts(state)).toEqual(['child#1→child:stolen']);
    expect(state.counters).toEqual({ delivered: 0, stolen: 1, outOfTurn: 0, outside: 0 });
    // The child went on to its next turn; the parent still waits for turn 1.
    expect(conversationTurn(state)).toBe(1);
    // Not a deadlock yet: the child is at its keyboard and may still write.
    expect(findDeadlock(state)).toBeNull();
    expect(typingProcs(state)).toEqual(['child']);
    expect(transcriptOf(state, 'child').map((e) => e.kind)).toEqual(['divider', 'wrote', 'read']);
  });

  it('pipe1: the child done is about to exit with the last write end, so the parent waits for end of file, not for ever; left open, the parent\'s own end keeps it waiting', () => {
    for (const mode of ['pipe1', 'pipe1-open-ends'] as const) {
      const s = new Script(1, mode);
      let state = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 })]);
      for (const k of [1, 2, 3]) {
        state = play([...s.write('child', k, `c${k}`), ...s.read('parent', 'child', k, `c${k}`), s.activity('parent', { doing: 'reading', fd: 20 })], state);
        expect(displayedTurn(state)).toEqual({ turn: Math.min(3, k + 1), parentTurn: null });
      }
      state = play([s.activity('child', { doing: 'done' })], state);
      expect(findDeadlock(state), mode).toEqual(mode === 'pipe1' ? null : { blocked: ['parent'], finished: ['child'] });
      state = play([s.exit(0)], state);
      expect(phaseOf(state), mode).toBe(mode === 'pipe1' ? 'playing' : 'deadlock');
    }
  });

  it('shows the child’s turn after its lines are stolen, with the parent’s turn beside it', () => {
    const s = new Script(1, 'one');
    let state = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 })]);
    for (const k of [1, 2, 3]) {
      state = play([...s.write('child', k, `c${k}`), ...s.read('child', 'child', k, `c${k}`), s.activity('child', { doing: k < 3 ? 'typing' : 'done' })], state);
      expect(displayedTurn(state)).toEqual({ turn: Math.min(3, k + 1), parentTurn: 1 });
    }
    // The start of a new child after a toggle still goes on from where both had got to.
    expect(conversationTurn(state)).toBe(1);
  });

  it('shows both turns when the parent reads back its own answer and types its next line', () => {
    const s = new Script(1, 'one');
    const state = play([
      ...s.start(),
      ...s.write('child', 1, 'hi'),
      ...s.read('parent', 'child', 1, 'hi'),
      s.activity('child', { doing: 'reading', fd: 3 }),
      ...s.write('parent', 1, 'hello'),
      ...s.read('parent', 'parent', 1, 'hello'),
      s.activity('parent', { doing: 'typing' }),
    ]);
    expect(verdicts(state)).toEqual(['child#1→parent:delivered', 'parent#1→parent:stolen']);
    expect(displayedTurn(state)).toEqual({ turn: 1, parentTurn: 2 });
  });

  it('marks a message that reaches the right process in the wrong turn as out of turn (desynchronised)', () => {
    const s = new Script(1, 'one');
    const state = play([
      ...s.start(),
      ...s.write('child', 1, 'one'),
      ...s.read('child', 'child', 1, 'one'),
      ...s.write('child', 2, 'two'),
      ...s.read('parent', 'child', 2, 'two'),
    ]);
    expect(verdicts(state)).toEqual(['child#1→child:stolen', 'child#2→parent:out-of-turn']);
    expect(state.messages[1]?.expected).toBe(1);
    expect(state.counters).toEqual({ delivered: 1, stolen: 1, outOfTurn: 1, outside: 0 });
  });

  it('finds a deadlock when both processes are blocked in read() on the empty shared pipe', () => {
    const s = new Script(1, 'one');
    const state = play([
      ...s.start(),
      s.activity('parent', { doing: 'reading', fd: 20 }),
      ...s.write('child', 1, 'hi'),
      s.activity('child', { doing: 'reading', fd: 3 }),
    ]);
    // The pipe still holds C1: whoever reads first takes it, no deadlock.
    expect(findDeadlock(state)).toBeNull();
    const after = play([...s.read('child', 'child', 1, 'hi'), s.activity('child', { doing: 'typing' }), ...s.write('child', 2, 'x'), ...s.read('child', 'child', 2, 'x'), s.activity('child', { doing: 'reading', fd: 3 })], state);
    // Now the child reads again, for turn 3's answer... after its own write was stolen, nobody has bytes.
    expect(findDeadlock(after)).toEqual({ blocked: ['parent', 'child'], finished: [] });
    expect(phaseOf(after)).toBe('deadlock');
    expect(bannerContent(messagesFor('en').ui, after)).toMatchObject({ kind: 'deadlock', title: 'DEADLOCK' });
  });

  it('finds the parent blocked for good when the child is done (it holds the write end itself), and calls it no deadlock', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), ...s.stealThenChildEnds()]);
    expect(findDeadlock(state)).toEqual({ blocked: ['parent'], finished: ['child'] });
    const banner = bannerContent(messagesFor('en').ui, state);
    expect(banner).toMatchObject({ kind: 'blocked-forever', title: 'BLOCKED FOREVER' });
    expect(banner?.text).toContain('Not a deadlock');
  });

  it('is no deadlock over two pipes when the child is gone: the parent gets end of file', () => {
    const s = new Script(1, 'two');
    const state = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), s.activity('child', { doing: 'typing' }), s.exit(null, 'SIGKILL')]);
    expect(findDeadlock(state)).toBeNull();
    expect(phaseOf(state)).toBe('child-died');
  });

  it('is no deadlock in the moment between a read returning and the reader reporting what it read', () => {
    const s = new Script(1, 'one');
    const before = [
      ...s.start(),
      ...s.steal(1, 'Who are you?'),
      s.activity('child', { doing: 'writing', fd: 4 }),
      ...s.write('child', 2, 'again'),
      s.activity('child', { doing: 'reading', fd: 3 }),
    ];
    const [childRead] = s.read('child', 'child', 2, 'again'); // the read's bytes are reported, the message not yet
    const state = play([...before, childRead as Action]);
    expect(findDeadlock(state)).toBeNull();
    expect(phaseOf(state)).toBe('playing');
  });

  it('never calls an exited child stopped, whichever of the stop and the exit arrives first', () => {
    const s = new Script(1, 'two');
    const stop = (stopped: boolean): Action => ({ type: 'proc-stopped', session: 1, proc: 'child', stopped, at: 1 });
    const base = [...s.start(), s.activity('child', { doing: 'done' })];
    expect(play([...base, stop(true), s.exit(0)]).session?.child.stopped).toBe(false);
    expect(play([...base, s.exit(0), stop(true)]).session?.child.stopped).toBe(false);
    expect(play([...base, stop(true)]).session?.child.stopped).toBe(true);
  });

  it('on one shared pipe, a child killed from outside is reported as dead, not as a deadlock', () => {
    const s = new Script(1, 'one');
    const state = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), s.activity('child', { doing: 'typing' }), s.exit(null, 'SIGKILL')]);
    expect(phaseOf(state)).toBe('child-died');
  });

  it('gives the same result whatever order the two processes’ events arrive in', () => {
    const s = new Script();
    const start = s.start();
    const [parentRead, parentMessage] = s.read('parent', 'child', 1, 'Who are you?');
    const childWrite = s.write('child', 1, 'Who are you?');
    const inOrder = play([...start, ...childWrite, parentRead!, parentMessage!]);
    // The parent's events are emitted at once; the child's report of its write comes later.
    const late = play([...start, parentRead!, parentMessage!, ...childWrite]);
    expect(verdicts(late)).toEqual(verdicts(inOrder));
    expect(late.messages[0]?.writtenAt).toBe(inOrder.messages[0]?.writtenAt);
    expect(pipeViews(late)[0]?.unread.length).toBe(0);
    expect(late.counters).toEqual(inOrder.counters);
  });

  it('keeps the history across a mode toggle, with a divider naming the new mode and the new child', () => {
    const two = new Script(1, 'two');
    let state = play([...two.start(), ...two.cleanTurn(1, 'a', 'b')]);
    const one = new Script(2, 'one', 2);
    one.at = two.at;
    state = play(one.start('toggle'), state);
    expect(state.messages).toHaveLength(2);
    expect(state.dividers.at(-1)).toMatchObject({ reason: 'toggle', wiring: 'one-pipe', firstTurn: 2, childPid: CHILD_PID + 2 });
    expect(conversationTurn(state)).toBe(2);
    expect(transcriptOf(state, 'parent').map((e) => e.kind)).toEqual(['divider', 'read', 'wrote', 'divider']);
    // Late events of the closed session are ignored.
    const late = play([...two.write('child', 2, 'late')], state);
    expect(late.messages).toHaveLength(2);
  });

  it('counts delivered and stolen since start, across sessions', () => {
    const a = new Script(1, 'one');
    let state = play([...a.start(), ...a.write('child', 1, 'x'), ...a.read('child', 'child', 1, 'x')]);
    const b = new Script(2, 'two');
    b.at = a.at;
    state = play([...b.start('restart'), ...b.cleanTurn(1, 'y', 'z')], state);
    expect(state.counters).toEqual({ delivered: 2, stolen: 1, outOfTurn: 0, outside: 0 });
    // The running tally is per wiring; the summary's figures are this conversation's alone.
    expect(wiringTally(state, 'one-pipe')).toMatchObject({ read: 1, stolen: 1 });
    expect(wiringTally(state, 'two-pipes')).toMatchObject({ read: 2, stolen: 0, delivered: 2 });
    expect(conversationCounts(state)).toMatchObject({ read: 2, delivered: 2, stolen: 0, outOfTurn: 0 });
  });

  it('on one shared pipe, a delivered message is called a race won this time, with the way to force the textbook outcome', () => {
    const t = messagesFor('en').ui;
    const one = new Script(1, 'one');
    const won = play([...one.start(), ...one.write('child', 1, 'hi'), ...one.read('parent', 'child', 1, 'hi')]);
    expect(bannerContent(t, won)).toMatchObject({ kind: 'race-won', title: 'A RACE, WON THIS TIME' });
    expect(bannerContent(t, won)?.keys).toContain('p (the parent reads late)');
    const two = new Script(1, 'two');
    const safe = play([...two.start(), ...two.write('child', 1, 'hi'), ...two.read('parent', 'child', 1, 'hi')]);
    expect(bannerContent(t, safe)).toBeNull();
  });

  it('on a queue both read with one type, a delivery is the kernel handing it to the waiting receiver, not a race won', () => {
    const t = messagesFor('en').ui;
    const one = new Script(1, 'one');
    const played = play([...one.start(), ...one.write('child', 1, 'hi'), ...one.read('parent', 'child', 1, 'hi')]);
    const onQueue = { ...played, session: played.session ? { ...played.session, wiring: 'queue-one-type' as const } : null };
    expect(bannerContent(t, onQueue)).toMatchObject({ kind: 'race-won', title: 'HANDED TO THE WAITING RECEIVER' });
    expect(bannerContent(t, onQueue)?.text).toContain('pipelined_send');
  });

  it('moves the clock only forward, on ticks', () => {
    const state = reduce(reduce(initialState(), { type: 'tick', at: 5_000_000 }), { type: 'tick', at: 4_000_000 });
    expect(state.now).toBe(5_000_000);
  });
});

describe('the trace', () => {
  it('orders calls by when they were entered, on the shared clock, whichever process reported first', () => {
    const s = new Script();
    const started = play(s.start());
    const base = s.at;
    const syscall = (proc: 'parent' | 'child', call: 'read' | 'write', fd: number, start: number, at: number): Action =>
      s.event({ type: 'syscall', proc, call, fd, requested: 16, result: 16, data: Buffer.from('C1:Who are you?\n').toString('base64'), start, at });
    // The parent's read was entered first and returned last; the child's write came in between.
    // The parent reports its read before the child's report of the write arrives.
    const state = play([syscall('parent', 'read', 20, base + 10, base + 90), syscall('child', 'write', 4, base + 40, base + 50)], started);
    expect(state.trace.map((e) => `${e.proc} ${e.call} ${e.pid} took ${e.at - e.start}`)).toEqual([
      `parent read ${PARENT_PID} took 80`,
      `child write ${CHILD_PID + 1} took 10`,
    ]);
  });
});
