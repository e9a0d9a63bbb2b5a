// The first child is forked before the UI loads; the session that asks for the same
// conversation gets that link, with what it reported meanwhile, in order, before the
// session says it opened. Any other request closes it and opens anew.
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/session/session-events.js';
import { ConversationSession } from '../../src/session/conversation-session.js';
import { openEarly, type FirstRequest } from '../../src/session/early-session.js';
import { FakeWorld } from '../app/fake-world.js';
import { Script } from '../app/events.js';
import { waitUntil } from '../support/wait.js';

const FIRST: FirstRequest = { wiring: 'two-pipes', turns: 3, firstTurn: 1, childDelayMs: 0, parentDelayMs: 0 };

function sessionOn(world: FakeWorld, first = FIRST) {
  const early = openEarly(world.open, first);
  const script = new Script();
  const session = new ConversationSession({ open: early.open, turns: 3, knobs: { childDelayMs: first.childDelayMs, parentDelayMs: first.parentDelayMs }, parentPid: 500, clock: () => script.at });
  const seen: SessionEvent[] = [];
  session.subscribe((event) => seen.push(event));
  return { early, session, seen, script };
}

describe('the early first conversation', () => {
  it('hands the link forked before the UI to the first session, with its events in order before session-opened', async () => {
    const world = new FakeWorld();
    const { session, seen, script } = sessionOn(world);
    await waitUntil(() => world.sessions.length === 1, { what: 'the early fork' });
    // The child reports while the UI is still loading: nobody listens yet.
    world.last.request.onEvent({ type: 'hello', proc: 'child', pid: 778, fds: [], at: script.at });
    world.last.request.onEvent({ type: 'activity', proc: 'child', activity: { doing: 'typing' }, at: script.at });
    session.start('start', 'two-pipes', 1);
    await waitUntil(() => seen.some((e) => e.type === 'session-opened'), { what: 'the session to open' });
    expect(world.sessions).toHaveLength(1);
    expect(seen.map((e) => (e.type === 'link-event' ? e.event.type : e.type))).toEqual(['session-starting', 'hello', 'activity', 'session-opened']);
    // Later events go straight to the session, and its lines reach the early child.
    world.last.request.onEvent({ type: 'activity', proc: 'parent', activity: { doing: 'reading', fd: 20 }, at: script.at });
    expect(seen.at(-1)).toMatchObject({ type: 'link-event', event: { type: 'activity', proc: 'parent' } });
    expect(session.type('child', 'hi')).toBe(true);
    expect(world.last.childLines).toEqual(['hi']);
  });

  it('closes the early link and opens another when the first request differs (another wiring)', async () => {
    const world = new FakeWorld();
    const { session } = sessionOn(world);
    session.start('start', 'one-pipe', 1);
    await waitUntil(() => world.sessions.length === 2, { what: 'a second fork' });
    await waitUntil(() => world.sessions[0]?.closed === true, { what: 'the early link closed' });
    expect(world.sessions[1]?.request.wiring).toBe('one-pipe');
    expect(world.sessions[1]?.closed).toBe(false);
  });

  it('closes the early link when the UI never asks for it', async () => {
    const world = new FakeWorld();
    const { early } = sessionOn(world);
    await early.discard();
    expect(world.last.closed).toBe(true);
    expect(world.last.stopped).toBe(true);
  });
});
