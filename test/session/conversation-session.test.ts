// The session alone, without React: it owns the child's lifetime, so closing must reach
// the link at once (before anything is awaited), and nothing an older conversation
// reports may reach its subscribers once a new one has started.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/app/state/model.js';
import type { WiredLinkEvent } from '../../src/ipc/events.js';
import type { SessionEvent } from '../../src/session/session-events.js';
import { FakeWorld } from '../app/fake-world.js';
import { Script } from '../app/events.js';
import { waitUntil } from '../support/wait.js';

function linkEvent(action: Action): WiredLinkEvent {
  if (action.type !== 'link-event') throw new Error(`not a link event: ${action.type}`);
  return action.event;
}

function open() {
  const world = new FakeWorld();
  const script = new Script();
  const session = world.session(() => script.at);
  const seen: SessionEvent[] = [];
  session.subscribe((event) => seen.push(event));
  return { world, script, session, seen };
}

describe('ConversationSession', () => {
  it('stops the parent and closes the link synchronously when closed, and starts nothing after', async () => {
    const { world, session } = open();
    session.start('start', 'two-pipes', 1);
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    await waitUntil(() => session.type('child', 'hi'), { what: 'the link to be live' });
    void session.close();
    expect(world.last.stopped).toBe(true);
    expect(world.last.closed).toBe(true);
    session.start('restart', 'two-pipes', 1);
    await Promise.resolve();
    expect(world.sessions).toHaveLength(1);
  });

  it('drops what an older conversation reports once a new one has started', async () => {
    const { world, script, session, seen } = open();
    session.start('start', 'two-pipes', 1);
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    const first = world.last;
    session.start('toggle', 'one-pipe', 1);
    await waitUntil(() => world.sessions.length === 2, { what: 'a second session' });
    expect(first.closed).toBe(true);
    first.emit(linkEvent(script.activity('child', { doing: 'typing' })));
    expect(seen.filter((e) => e.type === 'link-event')).toEqual([]);
    world.last.emit(linkEvent(script.activity('child', { doing: 'typing' })));
    expect(seen.filter((e) => e.type === 'link-event')).toHaveLength(1);
  });
});
