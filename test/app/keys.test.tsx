// Every key lands where the user meant it, with the App on a fake world: keys that arrive
// in one write, pastes with and without markers, typing before the child is ready, a
// sentence at DONE (never a command), a burst of Ctrl+T, the notes in the input.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { WiredLinkEvent } from '../../src/ipc/events.js';
import { App } from '../../src/app/App.js';
import { en } from '../../src/i18n/en.js';
import { FakeWorld } from './fake-world.js';
import { Script } from './events.js';
import { waitUntil } from '../support/wait.js';

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

function start(mode: 'one' | 'two' = 'two') {
  const world = new FakeWorld();
  const script = new Script();
  const app = render(<App session={world.session(() => script.at)} options={{ wiring: mode === 'one' ? 'one-pipe' : 'two-pipes', color: false }} messages={en} size={{ cols: 100, rows: 30 }} fdReader={() => null} clock={() => script.at} />);
  mounted.push(app);
  const frame = () => app.lastFrame() ?? '';
  const until = (text: string) => waitUntil(() => frame().includes(text), { what: `"${text}" on screen\n${frame()}` });
  const emit = (actions: ReturnType<Script['start']>) => world.last.emit(...actions.flatMap((a): WiredLinkEvent[] => (a.type === 'link-event' ? [a.event] : [])));
  return { world, script, app, frame, until, emit };
}

async function childTyping(s: ReturnType<typeof start>) {
  await waitUntil(() => s.world.sessions.length === 1, { what: 'a session' });
  s.emit([s.script.activity('parent', { doing: 'reading', fd: 20 }), s.script.activity('child', { doing: 'typing' })]);
  await s.until('typing at its keyboard');
}

describe('keys in one write', () => {
  it('text and Enter in one write send the text', async () => {
    const s = start();
    await childTyping(s);
    s.app.stdin.write('Who are you?\r');
    await waitUntil(() => s.world.last.childLines.length === 1, { what: 'the line sent' });
    expect(s.world.last.childLines).toEqual(['Who are you?']);
  });

  it('two Ctrl+C in one write quit (the session is closed), never typing ␃␃', async () => {
    const s = start();
    await childTyping(s);
    s.app.stdin.write('\x03\x03');
    await waitUntil(() => s.world.last.closed, { what: 'the session closed' });
    expect(s.frame()).not.toContain('␃');
  });

  it('a bracketed paste ending in a newline stays in the line; without markers its Enter submits', async () => {
    const s = start();
    await childTyping(s);
    s.app.stdin.write(`${PASTE_START}pasted line\r${PASTE_END}`);
    await s.until('› pasted line');
    expect(s.world.last.childLines).toEqual([]);
    s.app.stdin.write('\x15');
    await s.until("type the child's line");
    s.app.stdin.write('plain paste\r');
    await waitUntil(() => s.world.last.childLines.length === 1, { what: 'the line sent' });
    expect(s.world.last.childLines).toEqual(['plain paste']);
  });

  it('21 Ctrl+T in one write leave one shared pipe, and 20 more leave it there: each press counted', async () => {
    const s = start();
    await childTyping(s);
    s.app.stdin.write('\x14'.repeat(21));
    // Only the newest of a burst of conversations is opened: the others are closed before they open.
    await waitUntil(() => s.world.sessions.length === 2, { what: 'the burst’s last conversation' });
    expect(s.world.last.request).toMatchObject({ wiring: 'one-pipe' });
    await s.until('[one shared pipe]');
    s.app.stdin.write('\x14'.repeat(20));
    await waitUntil(() => s.world.sessions.length === 3, { what: 'the second burst’s last conversation' });
    expect(s.world.last.request).toMatchObject({ wiring: 'one-pipe' });
  });
});

describe('nothing typed is a command by accident', () => {
  it('keeps keys typed before the child is ready as its draft, nothing lost', async () => {
    const s = start();
    s.app.stdin.write('rq early');
    await waitUntil(() => s.world.sessions.length === 1, { what: 'a session' });
    await s.until('rq early');
    expect(s.frame()).toContain('kept: not waiting yet');
    s.emit([s.script.activity('child', { doing: 'typing' })]);
    await s.until('› rq early');
    expect(s.world.sessions).toHaveLength(1);
  });

  it('a sentence typed at DONE is a draft, never a restart or a quit; Esc then r restarts', async () => {
    const s = start();
    await waitUntil(() => s.world.sessions.length === 1, { what: 'a session' });
    s.emit([...s.script.cleanTurn(1, 'a', 'b'), ...s.script.cleanTurn(2, 'c', 'd'), ...s.script.cleanTurn(3, 'e', 'f'), s.script.activity('parent', { doing: 'done' }), s.script.activity('child', { doing: 'done' }), s.script.exit(0)]);
    await s.until('DONE');
    s.app.stdin.write('Where do I come from? quit, restart');
    await s.until('from? quit, restart');
    expect(s.frame()).toContain('kept: not waiting yet');
    expect(s.world.sessions).toHaveLength(1);
    expect(s.world.last.closed).toBe(false);
    s.app.stdin.write('\x1b');
    await s.until('COMMAND KEY:');
    s.app.stdin.write('r');
    await waitUntil(() => s.world.sessions.length === 2, { what: 'a new conversation' });
    await waitUntil(() => !s.frame().includes('COMMAND KEY:'), { what: 'typing again after the one command' });
  });

  it('a sentence typed at BLOCKED FOREVER and after the child died is a draft, never a command', async () => {
    const s = start('one');
    await waitUntil(() => s.world.sessions.length === 1, { what: 'a session' });
    const one = new Script(1, 'one');
    s.emit([...one.steal(1, 'Who are you?'), one.activity('child', { doing: 'done' }), one.exit(0)]);
    await s.until('BLOCKED FOREVER');
    s.app.stdin.write('restart? quit! toggle');
    await s.until('quit! toggle');
    expect(s.world.sessions).toHaveLength(1);
    const died = start();
    await childTyping(died);
    died.emit([died.script.exit(null, 'SIGKILL')]);
    await died.until('CHILD DIED');
    died.app.stdin.write('r and q');
    await died.until('› r and q');
    expect(died.world.sessions).toHaveLength(1);
    expect(died.world.last.closed).toBe(false);
  });

  it('an empty or blank Enter says so in the input and keeps the spaces', async () => {
    const s = start();
    await childTyping(s);
    s.app.stdin.write('   ');
    await waitUntil(() => s.frame().includes('›    ') && !s.frame().includes("type the child's line"), { what: 'spaces typed' });
    s.app.stdin.write('\r');
    await s.until('empty line: not sent');
    expect(s.world.last.childLines).toEqual([]);
  });
});
