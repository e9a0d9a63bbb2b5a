// The first conversation's child is forked before the UI is loaded: Ink, React and the
// views take longer to load than the child takes to start, so both start at once and
// the first frame can already take a line. The link opened here is the one the session
// asks for first (same wiring, turns and delays): the events it reported meanwhile are
// handed over in order, before the session says it opened, so the screen tells the same
// story as if the session had forked the child itself. Any other request, or no request
// at all (discard), closes it and opens as usual.
import type { WiredLinkEvent } from '../ipc/events.js';
import type { ChatSession, OpenSession, SessionRequest } from './open-session.js';

export type FirstRequest = Omit<SessionRequest, 'onEvent' | 'delayStart' | 'onForked'>;

export interface EarlySession {
  /**
   * Settles once the child process exists (or could not be made). Loading the UI's code
   * blocks the event loop for a while: await this first, so the fork is not held up
   * behind it and the child starts on the other core meanwhile.
   */
  forked: Promise<void>;
  /** Hands the early link to the first matching request; opens any other with `open`. */
  open: OpenSession;
  /** Closes the early link if no session took it (the UI refused to start). */
  discard(): Promise<void>;
}

const sameRequest = (a: FirstRequest, b: FirstRequest): boolean =>
  a.wiring === b.wiring && a.turns === b.turns && a.firstTurn === b.firstTurn && a.childDelayMs === b.childDelayMs && a.parentDelayMs === b.parentDelayMs;

function stop(session: Promise<ChatSession>): Promise<void> {
  return session.then(
    (s) => {
      s.parent.stop();
      return s.link.close();
    },
    () => undefined,
  );
}

export function openEarly(open: OpenSession, first: FirstRequest): EarlySession {
  const waiting: WiredLinkEvent[] = [];
  let taker: SessionRequest | null = null;
  let forkedNow = (): void => {};
  const forked = new Promise<void>((resolve) => (forkedNow = resolve));
  const early = open({
    ...first,
    onForked: () => forkedNow(),
    onEvent: (event) => (taker ? taker.onEvent(event) : waiting.push(event)),
    // The parent's program runs only once a session took the link, so a taker is there.
    delayStart: () => taker?.delayStart() ?? Promise.resolve(),
  });
  // Until a session takes it, a link that failed to open has nobody to tell: the session that asks hears it.
  early.then(forkedNow, forkedNow);
  let used = false;
  return {
    forked,
    open: (request) => {
      if (used || !sameRequest(request, first)) {
        if (!used) void stop(early);
        used = true;
        return open(request);
      }
      used = true;
      return early.then((session) => {
        for (const event of waiting.splice(0)) request.onEvent(event);
        taker = request;
        return session;
      });
    },
    discard: () => {
      if (used) return Promise.resolve();
      used = true;
      return stop(early);
    },
  };
}
