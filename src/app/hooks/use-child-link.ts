// The one hook that owns the external resource: the child process and its pipes.
// It opens a session (link + parent program), turns every link event into an action,
// and on restart, toggle or unmount stops the parent, kills the child and closes every
// fd. Each session has an id; callbacks from an older session, or arriving after
// unmount, are dropped, so a late event can never touch the new conversation.
import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import { nowUs, type PipeMode, type Proc } from '../../ipc/events.js';
import { ChildLineGate } from '../../session/child-line-gate.js';
import type { Knobs, StartReason } from '../../session/session-events.js';
import type { Action } from '../state/model.js';
import type { ChatSession, OpenSession } from '../../session/open-session.js';

export interface ChildLinkControls {
  start(reason: StartReason, mode: PipeMode, firstTurn: number): void;
  /** Hands a line to a process's keyboard; false if that process is not waiting for one. */
  type(proc: Proc, line: string): boolean;
  setChildDelay(ms: number): void;
  setParentDelay(ms: number): void;
  /** Kills the child and closes everything; resolves once the child is gone. */
  shutdown(): Promise<void>;
}

interface Live {
  id: number;
  session: ChatSession | null;
  gate: ChildLineGate | null;
  closing: Promise<void>;
  disposed: boolean;
}

export function useChildLink(
  openSession: OpenSession,
  dispatch: Dispatch<Action>,
  options: { mode: PipeMode; turns: number; knobs: Knobs; parentPid: number; clock?: () => number; wallClock?: () => number },
): ChildLinkControls {
  const live = useRef<Live>({ id: 0, session: null, gate: null, closing: Promise.resolve(), disposed: false });
  const knobs = useRef(options.knobs);
  knobs.current = options.knobs;
  const clock = options.clock ?? nowUs;
  const wallClock = options.wallClock ?? Date.now;
  const { turns, parentPid } = options;

  const teardown = useCallback((): Promise<void> => {
    const l = live.current;
    l.gate?.release();
    l.gate = null;
    const session = l.session;
    l.session = null;
    if (session) {
      session.parent.stop();
      l.closing = Promise.all([l.closing, session.link.close()]).then(() => {});
    }
    return l.closing;
  }, []);

  const start = useCallback(
    (reason: StartReason, mode: PipeMode, firstTurn: number) => {
      const l = live.current;
      if (l.disposed) return;
      const id = ++l.id;
      const isCurrent = () => l.id === id && !l.disposed;
      const closing = teardown();
      dispatch({ type: 'session-starting', session: id, mode, firstTurn, reason, parentPid, at: clock(), wallAt: wallClock() * 1000 });
      const gate = new ChildLineGate((waiting) => {
        if (isCurrent()) dispatch({ type: 'parent-awaits-child-line', session: id, waiting, at: clock() });
      });
      l.gate = gate;
      const opened = closing.then(() => {
        if (!isCurrent()) return null;
        return openSession({
          mode,
          turns,
          firstTurn,
          childDelayMs: knobs.current.childDelayMs,
          parentDelayMs: knobs.current.parentDelayMs,
          onEvent: (event) => {
            if (isCurrent()) dispatch({ type: 'link-event', session: id, event });
          },
          delayStart: () => gate.wait(),
        });
      });
      opened.then(
        (session) => {
          if (!session) return;
          if (!isCurrent()) {
            session.parent.stop();
            void session.link.close();
            return;
          }
          l.session = session;
          dispatch({
            type: 'session-opened',
            session: id,
            childPid: session.link.childPid,
            pipes: session.link.pipes,
            parentFds: session.link.parentFds,
            childFds: session.link.childFds,
            at: clock(),
          });
          session.parent.run().catch((error: unknown) => {
            if (isCurrent()) dispatch({ type: 'session-failed', session: id, message: messageOf(error), at: clock() });
          });
        },
        (error: unknown) => {
          if (isCurrent()) dispatch({ type: 'session-failed', session: id, message: messageOf(error), at: clock() });
        },
      );
    },
    [dispatch, openSession, teardown, turns, parentPid, clock, wallClock],
  );

  useEffect(() => {
    const l = live.current;
    l.disposed = false;
    start('start', options.mode, 1);
    return () => {
      void teardown();
      l.disposed = true;
    };
    // The first session opens once, on mount; later ones only through start().
  }, []);

  const type = useCallback(
    (proc: Proc, line: string): boolean => {
      const { session, gate, id } = live.current;
      if (!session) return false;
      if (proc === 'child') {
        session.link.typeForChild(line);
        dispatch({ type: 'keyboard-line', session: id, proc, at: clock() });
        gate?.childLineTyped();
        return true;
      }
      // The program resumes in a later microtask, so its 'writing' comes after this action.
      const accepted = session.parent.type(line);
      if (accepted) dispatch({ type: 'keyboard-line', session: id, proc, at: clock() });
      return accepted;
    },
    [dispatch, clock],
  );

  const setChildDelay = useCallback(
    (ms: number) => {
      live.current.session?.link.setChildDelay(ms);
      dispatch({ type: 'knob-changed', knob: 'childDelayMs', ms });
    },
    [dispatch],
  );

  const setParentDelay = useCallback(
    (ms: number) => {
      live.current.session?.parent.setReadDelay(ms);
      dispatch({ type: 'knob-changed', knob: 'parentDelayMs', ms });
    },
    [dispatch],
  );

  const shutdown = useCallback(() => {
    live.current.id++;
    return teardown();
  }, [teardown]);

  return { start, type, setChildDelay, setParentDelay, shutdown };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
