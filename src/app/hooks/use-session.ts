// The one hook on the conversation session: it subscribes to the session's events and
// dispatches them, and opens the first conversation once subscribed. It owns nothing:
// the session lives outside React and whoever made it closes it. An event that arrives
// after unmount is dropped here.
import { useEffect, type Dispatch } from 'react';
import type { Wiring } from '../../ipc/events.js';
import type { ConversationSession } from '../../session/conversation-session.js';
import type { Action } from '../state/model.js';

export function useSession(session: ConversationSession, dispatch: Dispatch<Action>, wiring: Wiring): void {
  useEffect(() => {
    let mounted = true;
    const unsubscribe = session.subscribe((event) => {
      if (mounted) dispatch(event);
    });
    session.start('start', wiring, 1);
    return () => {
      mounted = false;
      unsubscribe();
    };
  }, [session, dispatch, wiring]);
}
