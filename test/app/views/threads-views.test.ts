// The panes when the child is a thread of the parent's own process (threads): one PID,
// each side named by the TID that plays it; a reader waiting in Atomics.wait is said to
// be BLOCKED in futex_wait only once /proc showed its thread in futex, in its pane and in
// the source view; a spinning reader is BUSY WAITING there, never BLOCKED. The kernel view
// names the threads and the child thread's fds as /proc shows them.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/app/state/model.js';
import { lineText } from '../../../src/text/styled-lines.js';
import { paneLines } from '../../../src/app/views/pane-lines.js';
import { sourceLines } from '../../../src/app/views/source-lines.js';
import { emptyInput } from '../../../src/app/widgets/text-input/text-input-state.js';
import { threads } from '../../../src/channels/threads/index.js';
import { en } from '../../../src/i18n/en.js';
import { PARENT_PID, Script, play } from '../events.js';

const t = en.ui;
const IDLE = { draft: emptyInput, waiting: false, focused: false, keysMode: false, pending: false };
const CALL_THREAD = PARENT_PID + 7;
const CHILD_THREAD = PARENT_PID + 8;

const draw = (state: ReturnType<typeof play>, proc: 'parent' | 'child'): string => paneLines(t, state, proc, IDLE, 60, 12, false).lines.map(lineText).join('\n');

/** A session whose child is a thread of the parent's process, the parent's reader waiting in Atomics.wait. */
function oneProcess(): { s: Script; actions: Action[] } {
  const s = new Script();
  const [starting, , opened] = s.start() as [Action, Action, Action];
  const actions: Action[] = [
    starting,
    s.event({ type: 'hello', proc: 'child', pid: PARENT_PID, tid: CHILD_THREAD, fds: [], at: 2 }),
    { ...(opened as Extract<Action, { type: 'session-opened' }>), childPid: PARENT_PID, pipes: [], parentFds: [], childFds: [] },
    s.activity('parent', { doing: 'reading', fd: -1, on: 'Atomics.wait(box 0.seq)' }),
    s.event({ type: 'read-note', proc: 'parent', note: { kind: 'waiting', tid: CALL_THREAD }, at: 3 }),
  ];
  return { s, actions };
}

describe('panes of two threads of one process', () => {
  it('name one PID and the TID of each side, in the titles and the divider', () => {
    const state = play(oneProcess().actions);
    expect(draw(state, 'parent')).toContain(`Parent · PID ${PARENT_PID} · TID ${CALL_THREAD}`);
    expect(draw(state, 'child')).toContain(`Child · PID ${PARENT_PID} · TID ${CHILD_THREAD}`);
    expect(draw(state, 'child')).toContain(`child PID ${PARENT_PID} · TID ${CHILD_THREAD}`);
  });

  it('say BLOCKED in futex_wait only once /proc showed the thread in futex', () => {
    const { s, actions } = oneProcess();
    const before = play(actions);
    expect(draw(before, 'parent')).not.toContain('futex_wait');
    expect(draw(before, 'parent')).toContain('in Atomics.wait(box 0.seq)');
    const look = (inFutex: boolean): Action => ({ type: 'spin-cpu', session: s.session, proc: 'parent', tid: CALL_THREAD, cpuMs: 10, share: 0, inFutex });
    expect(draw(play([...actions, look(false)]), 'parent')).not.toContain('futex_wait');
    expect(draw(play([...actions, look(true)]), 'parent')).toContain('BLOCKED in futex_wait');
  });
});

describe('the source view of a reader that does not wait in read()', () => {
  const marks = (actions: Action[], wiring: 'threads' | 'threads-busy'): string => {
    const state = play(actions);
    return sourceLines(t, { ...state, session: state.session ? { ...state.session, wiring } : null }, wiring, 60, 28).map(lineText).join('\n');
  };

  it('names the Atomics.wait until /proc showed the thread in futex, then BLOCKED in futex_wait', () => {
    const { s, actions } = oneProcess();
    expect(marks(actions, 'threads')).toContain(`P ${PARENT_PID} in Atomics.wait(box 0.seq)`);
    expect(marks(actions, 'threads')).not.toContain('BLOCKED');
    const look: Action = { type: 'spin-cpu', session: s.session, proc: 'parent', tid: CALL_THREAD, cpuMs: 10, share: 0, inFutex: true };
    expect(marks([...actions, look], 'threads')).toContain(`P ${PARENT_PID} BLOCKED in futex_wait`);
  });

  it('says BUSY WAITING for a spinning reader, and where it waits once it stopped', () => {
    const { s, actions } = oneProcess();
    const spinning = [...actions, s.event({ type: 'read-note', proc: 'parent', note: { kind: 'spinning', tid: CALL_THREAD }, at: 4 })];
    expect(marks(spinning, 'threads-busy')).toContain(`P ${PARENT_PID} BUSY WAITING on Atomics.wait(box 0.seq)`);
    const stopped = [...spinning, s.event({ type: 'read-note', proc: 'parent', note: { kind: 'idle', cpuMs: 30_000, parkedIn: 'futex' }, at: 5 })];
    expect(marks(stopped, 'threads-busy')).toContain(`P ${PARENT_PID} SPIN STOPPED, waiting in futex`);
  });
});

describe('the kernel view of one process', () => {
  it("names which TID plays which side, and the child thread's fds only while /proc still shows them", () => {
    const { s, actions } = oneProcess();
    const threadFds = [
      { fd: 21, target: 'pipe:[9]', role: 'keyboard' as const },
      { fd: 25, target: 'anon_inode:[eventpoll]', role: 'worker' as const },
    ];
    const state = play([...actions.slice(0, 1), s.event({ type: 'hello', proc: 'child', pid: PARENT_PID, tid: CHILD_THREAD, fds: [], threadFds, at: 2 }), ...actions.slice(2)]);
    const tasks = [PARENT_PID, CALL_THREAD, CHILD_THREAD, PARENT_PID + 1].map((tid) => ({ tid, comm: 'node', call: tid === CHILD_THREAD ? ('futex' as const) : ('other' as const), wchan: 'futex_do_wait' }));
    const fd = (n: number, target: string) => ({ fd: n, target, inode: null, access: null, nonblock: null });
    const view = (fds: ReturnType<typeof fd>[]) =>
      threads.kernelView(t, state, { parent: fds, child: fds, tasks }, 100, 14, 0).map(lineText).join('\n');
    const whole = view([fd(21, 'pipe:[9]'), fd(25, 'anon_inode:[eventpoll]')]);
    expect(whole).toContain(`TID ${CALL_THREAD} node  parent's reader`);
    expect(whole).toMatch(new RegExp(`TID ${CHILD_THREAD} node  the "child" \\(a Worker\\): futex`));
    expect(whole).toContain('1 more');
    expect(whole).toContain('fd 21 pipe:[9]');
    expect(whole).toContain('fd 25 anon_inode:[eventpoll]');
    expect(whole).toContain('No fd carries the message');
    expect(view([fd(21, 'pipe:[9]')])).not.toContain('fd 25');
  });
});
