// Step mode's keys and words, with the App on a fake world: F4 turns it on and the status
// line says so; a held process is named with its call on its pane and the key line; F5,
// F6 and Esc h / Esc l let the held calls go while a line is being typed, and nothing
// typed is lost; an outcome is said as the order chosen.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { WiredLinkEvent } from '../../src/ipc/events.js';
import { App } from '../../src/app/App.js';
import { en } from '../../src/i18n/en.js';
import { F4_SEQUENCES, F5_SEQUENCES, F6_SEQUENCES } from '../../src/app/hooks/use-keys.js';
import { FakeWorld } from './fake-world.js';
import { Script } from './events.js';
import { waitUntil } from '../support/wait.js';

const [F4 = '', F5 = '', F6 = ''] = [F4_SEQUENCES[1], F5_SEQUENCES[0], F6_SEQUENCES[0]];
const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

function start() {
  const world = new FakeWorld();
  const script = new Script(1, 'one');
  const app = render(<App session={world.session(() => script.at)} options={{ wiring: 'one-pipe', color: false }} messages={en} size={{ cols: 100, rows: 30 }} fdReader={() => null} clock={() => script.at} />);
  mounted.push(app);
  const frame = () => app.lastFrame() ?? '';
  const until = (text: string) => waitUntil(() => frame().includes(text), { what: `"${text}" on screen\n${frame()}` });
  const emit = (...actions: ReturnType<Script['activity']>[]) => world.last.emit(...actions.flatMap((a): WiredLinkEvent[] => (a.type === 'link-event' ? [a.event] : [])));
  return { world, script, app, frame, until, emit };
}

describe('step mode in the chat', () => {
  it('F4 turns it on; F5 and Esc l let the held calls go while a line is typed, and the line stays', async () => {
    const s = start();
    await waitUntil(() => s.world.sessions.length === 1, { what: 'a session' });
    s.emit(s.script.activity('child', { doing: 'typing' }));
    await s.until('typing at its keyboard');
    s.app.stdin.write(F4);
    await s.until('[STEP]');
    expect(s.world.last.stepping).toBe(true);
    await s.until('STEP MODE: YOU ARE THE SCHEDULER');

    s.emit(s.script.activity('parent', { doing: 'held', call: 'read', gate: 'futex', tid: 501, fd: 20 }));
    await s.until('HELD at a futex gate before');
    await s.until('read(fd 20) · F5 lets it go');
    await s.until('F5 parent: read(fd 20)');
    s.app.stdin.write('half a li');
    await s.until('› half a li');
    s.app.stdin.write(F5);
    await waitUntil(() => s.world.last.letGoes.length === 1, { what: 'F5 to let a call go' });
    expect(s.world.last.letGoes).toEqual(['parent']);

    s.emit(s.script.activity('child', { doing: 'held', call: 'write', gate: 'futex', tid: 600, fd: 4 }));
    await s.until('F6 child: write(fd 4)');
    s.app.stdin.write('\x1b');
    s.app.stdin.write('l');
    await waitUntil(() => s.world.last.letGoes.length === 2, { what: 'Esc l to let a call go' });
    s.app.stdin.write(F6);
    await waitUntil(() => s.world.last.letGoes.length === 3, { what: 'F6 to let a call go' });
    expect(s.world.last.letGoes).toEqual(['parent', 'child', 'child']);
    // Neither key was typed: the draft is as it was.
    expect(s.frame()).toContain('› half a li');
    expect(s.frame()).not.toContain('half a lil');
  });

  it('a steal in step mode is said as the order chosen; F4 again leaves step mode', async () => {
    const s = start();
    await waitUntil(() => s.world.sessions.length === 1, { what: 'a session' });
    s.app.stdin.write(F4);
    await s.until('[STEP]');
    // The next command closes the note that step mode is on (as the user's F6 does here).
    s.app.stdin.write(F6);
    await waitUntil(() => !s.frame().includes('Step mode is on'), { what: 'the note to close' });
    s.emit(...s.script.steal(1, 'hi'), s.script.activity('child', { doing: 'typing' }));
    await s.until('STOLEN');
    await s.until("Your order: the child's read() went while the parent's waited at its gate");
    s.app.stdin.write(F4);
    await waitUntil(() => !s.frame().includes('[STEP]'), { what: 'step mode to end' });
    expect(s.world.last.stepping).toBe(false);
    await s.until('Step mode is off: both processes run on');
  });
});
