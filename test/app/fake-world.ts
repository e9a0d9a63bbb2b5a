// A stand-in for the real session opener: it records what the App asks for (mode,
// first turn, lines typed) and lets a test emit link events as if the processes had
// made those system calls. The App under test cannot tell it from real pipes.
import type { Proc, WiredLinkEvent } from '../../src/ipc/events.js';
import { ConversationSession } from '../../src/session/conversation-session.js';
import type { ChatSession, OpenSession, SessionRequest } from '../../src/session/open-session.js';
import type { Knobs } from '../../src/session/session-events.js';
import { CHILD_PID, ONE_PIPE_FDS, SHARED, TWO_PIPE_FDS, UP, DOWN } from './events.js';

export class FakeSession implements ChatSession {
  childLines: string[] = [];
  parentLines: string[] = [];
  parentAtKeyboard = false;
  /** Step mode as the App last set it, and the processes it let go, in order. */
  stepping = false;
  letGoes: Proc[] = [];
  closed = false;
  stopped = false;
  readonly link: ChatSession['link'];
  readonly parent: ChatSession['parent'];

  constructor(
    readonly request: SessionRequest,
    readonly index: number,
    childPid = CHILD_PID,
  ) {
    // The fixtures' two wirings: two pipes, or one shared pipe (for any other wiring asked for).
    const two = request.wiring === 'two-pipes';
    const fds = two ? TWO_PIPE_FDS : ONE_PIPE_FDS;
    this.link = {
      wiring: request.wiring,
      path: null,
      pipes:
        two
          ? [
              { name: 'child-to-parent', inode: UP },
              { name: 'parent-to-child', inode: DOWN },
            ]
          : [{ name: 'shared', inode: SHARED }],
      parentFds: fds.parent,
      childFds: fds.child,
      childPid: childPid + index,
      typeForChild: (text) => this.childLines.push(text),
      setChildDelay: () => {},
      resumeSpin: () => {},
      setStepping: (points) => {
        this.stepping = points !== null;
        return true;
      },
      letGo: (proc) => {
        this.letGoes.push(proc);
        return true;
      },
      outsideHolders: () => [],
      removePath: () => {},
      close: async () => {
        this.closed = true;
      },
    };
    this.parent = {
      run: () => new Promise(() => {}),
      type: (line) => {
        if (!this.parentAtKeyboard) return false;
        this.parentAtKeyboard = false;
        this.parentLines.push(line);
        return true;
      },
      setReadDelay: () => {},
      stop: () => {
        this.stopped = true;
      },
    };
  }

  emit(...events: WiredLinkEvent[]): void {
    for (const event of events) {
      if (event.type === 'activity' && event.proc === 'parent') this.parentAtKeyboard = event.activity.doing === 'typing';
      this.request.onEvent(event);
    }
  }
}

export class FakeWorld {
  sessions: FakeSession[] = [];
  /** The PIDs its processes get: the parent's, and the child's before its session's number is added. */
  constructor(readonly pids = { parent: 500, child: CHILD_PID }) {}
  open: OpenSession = async (request) => {
    const session = new FakeSession(request, this.sessions.length + 1, this.pids.child);
    this.sessions.push(session);
    return session;
  };

  /** The conversation session the App is handed, opening its children in this world. */
  session(clock: () => number, { knobs = { childDelayMs: 0, parentDelayMs: 0 }, wallClock }: { knobs?: Knobs; wallClock?: () => number } = {}): ConversationSession {
    return new ConversationSession({ open: this.open, turns: 3, knobs, parentPid: this.pids.parent, clock, ...(wallClock ? { wallClock } : {}) });
  }

  get last(): FakeSession {
    const s = this.sessions.at(-1);
    if (!s) throw new Error('no session opened yet');
    return s;
  }
}
