// The app's world: a function that forks a child over real pipes and starts the
// parent's program. App receives it as a prop, so tests can hand it a fake; the real
// one keeps a register of live links so that every exit path can kill every child.
import type { FdInfo, LinkEvent, PipeMode } from '../ipc/events.js';
import { PipeLink, type PipeDescription } from '../ipc/link.js';
import { ParentProgram } from '../ipc/parent-program.js';

export interface ChatLink {
  readonly mode: PipeMode;
  readonly pipes: PipeDescription[];
  readonly parentFds: FdInfo[];
  readonly childFds: FdInfo[];
  readonly childPid: number;
  typeForChild(text: string): void;
  setChildDelay(ms: number): void;
  /** Kills the child at once, closes the fds, resolves once the child is gone. */
  close(): Promise<void>;
}

export interface ParentSide {
  run(): Promise<void>;
  type(line: string): boolean;
  setReadDelay(ms: number): void;
  stop(): void;
}

export interface ChatSession {
  link: ChatLink;
  parent: ParentSide;
}

export interface SessionRequest {
  mode: PipeMode;
  turns: number;
  firstTurn: number;
  childDelayMs: number;
  parentDelayMs: number;
  /** Receives every event from the first one the child reports. */
  onEvent: (event: LinkEvent) => void;
  /** Awaited by the parent before each delayed read. */
  delayStart: () => Promise<void>;
}

export type OpenSession = (request: SessionRequest) => Promise<ChatSession>;

const liveLinks = new Set<PipeLink>();

export function openPipeSession(childScript?: string): OpenSession {
  return async (request) => {
    const link = await PipeLink.open({
      mode: request.mode,
      turns: request.turns,
      firstTurn: request.firstTurn,
      childDelayMs: request.childDelayMs,
      onEvent: request.onEvent,
      ...(childScript ? { childScript } : {}),
    });
    liveLinks.add(link);
    const parent = new ParentProgram(link, {
      turns: request.turns,
      firstTurn: request.firstTurn,
      readDelayMs: request.parentDelayMs,
      delayStart: request.delayStart,
    });
    const close = async (): Promise<void> => {
      parent.stop();
      await link.close();
      liveLinks.delete(link);
    };
    return {
      link: {
        mode: link.mode,
        pipes: link.pipes,
        parentFds: link.parentFds,
        get childFds() {
          return link.childFds;
        },
        childPid: link.childPid,
        typeForChild: (text) => link.typeForChild(text),
        setChildDelay: (ms) => link.setChildDelay(ms),
        close,
      },
      parent,
    };
  };
}

/** Kills every child still alive (synchronously: close() sends SIGKILL before it awaits) and waits for them. */
export function closeAllSessions(): Promise<void> {
  return Promise.all([...liveLinks].map((link) => link.close())).then(() => liveLinks.clear());
}
