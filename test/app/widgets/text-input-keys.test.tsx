// The text input's keys, sent as the bytes a terminal sends, through Ink and the one
// input layer: arrows, Home/End, Delete, Ctrl+A/E/U/W, Tab between two waiting inputs,
// and a chunk that holds text and Enter together.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.js';
import type { Action } from '../../../src/app/state/model.js';
import type { WiredLinkEvent } from '../../../src/ipc/events.js';
import { en } from '../../../src/i18n/en.js';
import { Script } from '../events.js';
import { FakeWorld } from '../fake-world.js';

const KEY = {
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  delete: '\x1b[3~',
  ctrlA: '\x01',
  ctrlE: '\x05',
  ctrlU: '\x15',
  ctrlW: '\x17',
  tab: '\t',
  enter: '\r',
};

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

async function waiting(...procs: ('child' | 'parent')[]) {
  const world = new FakeWorld();
  const script = new Script();
  const app = render(<App session={world.session(() => script.at)} options={{ wiring: 'two-pipes', color: false }} messages={en} size={{ cols: 100, rows: 30 }} fdReader={() => null} clock={() => script.at} />);
  mounted.push(app);
  await vi.waitUntil(() => world.sessions.length === 1);
  const events = procs.map((proc): Action => script.activity(proc, { doing: 'typing' })).flatMap((a): WiredLinkEvent[] => (a.type === 'link-event' ? [a.event] : []));
  world.last.emit(...events);
  await vi.waitUntil(() => (app.lastFrame() ?? '').includes('typing at its keyboard'));
  const keys = (...chunks: string[]) => chunks.forEach((chunk) => app.stdin.write(chunk));
  return { world, app, keys };
}

describe('the text input keys', () => {
  it('moves with the arrows, Home, End, Ctrl+A and Ctrl+E, and Delete removes the character under the cursor', async () => {
    const { world, keys } = await waiting('child');
    keys('abc', KEY.left, KEY.left, 'X', KEY.home, 'S', KEY.end, 'E', KEY.left, KEY.delete, KEY.ctrlA, '1', KEY.ctrlE, '2', KEY.enter);
    await vi.waitUntil(() => world.last.childLines.length === 1);
    expect(world.last.childLines).toEqual(['1SaXbc2']);
  });

  it('deletes the word before the cursor with Ctrl+W and the whole line with Ctrl+U', async () => {
    const { world, keys } = await waiting('child');
    keys('one two', KEY.ctrlW, 'three', KEY.ctrlU, 'four five', KEY.ctrlW, 'six', KEY.enter);
    await vi.waitUntil(() => world.last.childLines.length === 1);
    expect(world.last.childLines).toEqual(['four six']);
  });

  it('moves to the other waiting input with Tab, each keeping its own draft', async () => {
    const { world, app, keys } = await waiting('child', 'parent');
    keys('for the child', KEY.tab);
    const framesBefore = app.frames.length;
    await vi.waitUntil(() => app.frames.length > framesBefore);
    keys('for the parent', KEY.enter);
    await vi.waitUntil(() => world.last.parentLines.length === 1);
    expect(world.last.parentLines).toEqual(['for the parent']);
    expect(world.last.childLines).toEqual([]);
    expect(app.lastFrame()).toContain('› for the child');
  });

  it('takes text and Enter that arrive in one chunk as the line, then Enter', async () => {
    const { world, keys } = await waiting('child');
    keys('Who are you?\r');
    await vi.waitUntil(() => world.last.childLines.length === 1);
    expect(world.last.childLines).toEqual(['Who are you?']);
  });
});
