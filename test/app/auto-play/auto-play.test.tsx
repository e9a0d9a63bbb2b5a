// Auto-play in the rendered App against a fake session: it types each side's line into
// that side's input a character at a time, submits it through the path Enter takes (the
// child's keyboard, the parent program's type()), leaves the keys to the user, and with
// --exit-when-done shuts the session down once the end has been on screen.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AutoPlayOptions } from '../../../src/app/auto-play/auto-play-plan.js';
import { App } from '../../../src/app/App.js';
import type { WiredLinkEvent } from '../../../src/ipc/events.js';
import { en } from '../../../src/i18n/en.js';
import { Script } from '../events.js';
import { FakeWorld } from '../fake-world.js';
import { waitUntil } from '../../support/wait.js';

const CTRL_C = '\x03';
const F1 = '\x1bOP';
const ESC = '\x1b';

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const m of mounted.splice(0)) m.unmount();
});


const LINES = { child: ['Hello there', 'C2', 'C3'], parent: ['General Kenobi', 'P2', 'P3'] };

function start(autoPlay: Partial<AutoPlayOptions> = {}) {
  const world = new FakeWorld();
  const script = new Script();
  const app = render(
    <App
      session={world.session(() => script.at)}
      options={{ wiring: 'two-pipes', color: false }}
      messages={en}
      size={{ cols: 100, rows: 30 }}
      fdReader={() => null}
      clock={() => script.at}
      autoPlay={{ auto: true, script: LINES, speed: 2, exitWhenDone: false, ...autoPlay }}
    />,
  );
  mounted.push(app);
  const frame = () => app.lastFrame() ?? '';
  const until = (text: string) => waitUntil(() => frame().includes(text), { what: `"${text}" on screen\n${frame()}` });
  const emit = (actions: ReturnType<Script['start']>) => {
    const events: WiredLinkEvent[] = actions.flatMap((a) => (a.type === 'link-event' ? [a.event] : []));
    world.last.emit(...events);
  };
  return { world, script, app, frame, until, emit };
}

describe('auto-play', () => {
  it('types the child’s line into the child input a character at a time, then submits it to the child’s keyboard', async () => {
    const { world, script, frame, until, emit } = start();
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    await until('auto-play ×2');
    emit([script.activity('parent', { doing: 'reading', fd: 20 }), script.activity('child', { doing: 'typing' })]);
    await until('› Hel');
    // Half typed: nothing has reached the child yet, and the input shows only part of the line.
    expect(world.last.childLines).toEqual([]);
    expect(frame()).not.toContain('› Hello there');
    await waitUntil(() => world.last.childLines.length === 1, { what: 'the line at the child keyboard' });
    expect(world.last.childLines).toEqual(['Hello there']);
    // Submitted as Enter does: the input is cleared and says the line went to the keyboard.
    await until('line sent…');
    expect(frame()).not.toContain('› Hello');
  });

  it('answers for the parent once the parent program waits at its keyboard, through its type()', async () => {
    const { world, script, until, emit } = start({ speed: 10 });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    const turn = script.cleanTurn(1, 'Hello there', 'General Kenobi');
    emit(turn.slice(0, -5)); // up to the parent at its keyboard
    await until('from Child: Hello there');
    await waitUntil(() => world.last.parentLines.length === 1, { what: 'the parent to take its line' });
    expect(world.last.parentLines).toEqual(['General Kenobi']);
    // The fake child never reported typing: auto-play never typed for it.
    expect(world.last.childLines).toEqual([]);
  });

  it('leaves the keys to the user: Ctrl+C quits mid-line and shuts the session down', async () => {
    const { world, script, app, until, emit } = start();
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    emit([script.activity('child', { doing: 'typing' })]);
    await until('› He');
    app.stdin.write(CTRL_C);
    await waitUntil(() => world.last.closed, { what: 'the session to close' });
    expect(world.last.childLines).toEqual([]);
  });

  it('pauses while the help is open and goes on when it is closed', async () => {
    const { world, script, app, frame, emit } = start({ speed: 10, script: { child: ['Hey', 'C2', 'C3'], parent: LINES.parent } });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    // Auto-play's timers are frozen from here (and the waits below poll without moving the
    // fake clock): its first keystroke is armed but cannot fire until the test moves the
    // clock, so what happens while the help is open is decided by the code, not by how
    // fast this machine runs.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const frozen = { interval: 0, timeout: 5000 };
    emit([script.activity('child', { doing: 'typing' })]);
    await vi.waitUntil(() => frame().includes('typing at its keyboard') && vi.getTimerCount() === 1, frozen);
    app.stdin.write(F1);
    // Paused means no step armed at all: the keystroke armed before the help opened is cleared.
    await vi.waitUntil(() => frame().includes('pipe-chat: keys') && vi.getTimerCount() === 0, frozen);
    vi.advanceTimersByTime(800);
    app.stdin.write(ESC);
    await vi.waitUntil(() => frame().includes('child keyboard'), frozen);
    expect(frame()).toContain('typing at its keyboard');
    expect(frame()).not.toContain('› H');
    expect(world.last.childLines).toEqual([]);
    // Each check of this wait moves the fake clock on, so auto-play goes on typing.
    await vi.waitUntil(() => world.last.childLines.length === 1, { timeout: 15_000 });
    expect(world.last.childLines).toEqual(['Hey']);
  });

  it('after a restart mid-line, clears its own half line and plays turn 1 again for the new child', async () => {
    const { world, script, app, until, emit } = start({ script: { child: ['One', 'Two and a long tail', 'C3'], parent: ['P1', 'P2', 'P3'] } });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    emit([...script.cleanTurn(1, 'One', 'P1'), script.activity('child', { doing: 'typing' })]);
    await until('› Two');
    app.stdin.write(ESC);
    await until('COMMAND KEY:');
    app.stdin.write('r');
    await waitUntil(() => world.sessions.length === 2, { what: 'a fresh child' });
    const fresh = new Script();
    emit([fresh.activity('parent', { doing: 'reading', fd: 20 }), fresh.activity('child', { doing: 'typing' })]);
    await waitUntil(() => world.last.childLines.length === 1, { what: 'turn 1 played again' });
    expect(world.last.childLines).toEqual(['One']);
  });

  it('with --exit-when-done, quits once the summary has been on screen, killing the session', async () => {
    const { world, script, until, emit } = start({ auto: false, exitWhenDone: true, speed: 10 });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    emit([
      ...script.cleanTurn(1, 'a', 'b'),
      ...script.cleanTurn(2, 'c', 'd'),
      ...script.cleanTurn(3, 'e', 'f'),
      script.activity('parent', { doing: 'done' }),
      script.activity('child', { doing: 'done' }),
      script.exit(0),
    ]);
    await until('DONE');
    expect(world.last.closed).toBe(false);
    await waitUntil(() => world.last.closed, { what: 'the session to close after the end' });
  });
});
