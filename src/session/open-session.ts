// How a conversation opens for real: fork a child over real kernel pipes and build the
// parent's program on the same link. The session (conversation-session.ts) takes this
// as a function, so tests hand it a fake that makes no process at all.
import type { FdInfo, Proc, WiredLinkEvent, Wiring } from '../ipc/events.js';
import type { FifoHolder } from '../ipc/fifo-holders.js';
import { PipeLink, type PipeDescription } from '../ipc/link.js';
import { ParentProgram } from '../ipc/parent-program.js';
import type { StepPoint } from '../channels/step-points.js';
import { channelEnds } from '../channels/ends-registry.js';

export interface ChatLink {
  readonly wiring: Wiring;
  /** The named pipe's path; null on the other wirings. */
  readonly path: string | null;
  readonly pipes: PipeDescription[];
  readonly parentFds: FdInfo[];
  readonly childFds: FdInfo[];
  readonly childPid: number;
  typeForChild(text: string): void;
  setChildDelay(ms: number): void;
  /** A reader that stopped spinning for want of messages spins again (shm-busy); nothing on other channels. */
  resumeSpin(): void;
  /** Step mode at these step points for both processes, or off (null: held calls go at once); false where the child cannot be held. */
  setStepping(points: readonly StepPoint[] | null): boolean;
  /** Lets the call a process is held before go; false when it is not held. */
  letGo(proc: Proc): boolean;
  /** Named wiring: the other processes that hold the FIFO open now (a slow /proc scan: at most once a second). */
  outsideHolders(): FifoHolder[];
  /** Removes the named pipe's path now, synchronously (a signal path cannot await close). */
  removePath(): void;
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
  wiring: Wiring;
  turns: number;
  firstTurn: number;
  childDelayMs: number;
  parentDelayMs: number;
  /** Receives every event from the first one the child reports. */
  onEvent: (event: WiredLinkEvent) => void;
  /** Awaited by the parent before each delayed read. */
  delayStart: () => Promise<void>;
  /** Called once the child process exists. */
  onForked?: () => void;
}

export type OpenSession = (request: SessionRequest) => Promise<ChatSession>;

export function openPipeSession(childScript?: string): OpenSession {
  return async (request) => {
    const link = await PipeLink.open({
      wiring: request.wiring,
      turns: request.turns,
      firstTurn: request.firstTurn,
      childDelayMs: request.childDelayMs,
      onEvent: request.onEvent,
      ...(request.onForked ? { onForked: request.onForked } : {}),
      ...(childScript ? { childScript } : {}),
    });
    const parent = new ParentProgram(link, {
      turns: request.turns,
      firstTurn: request.firstTurn,
      readDelayMs: request.parentDelayMs,
      delayStart: request.delayStart,
      readsOnly: channelEnds(request.wiring).oneWay === true,
    });
    return {
      link: {
        wiring: link.wiring,
        path: link.path,
        pipes: link.pipes,
        parentFds: link.parentFds,
        get childFds() {
          return link.childFds;
        },
        childPid: link.childPid,
        typeForChild: (text) => link.typeForChild(text),
        setChildDelay: (ms) => link.setChildDelay(ms),
        resumeSpin: () => link.resumeSpin(),
        setStepping: (points) => link.setStepping(points),
        letGo: (proc) => link.letGo(proc),
        outsideHolders: () => link.outsideHolders(),
        removePath: () => link.removePath(),
        close: () => link.close(),
      },
      parent,
    };
  };
}

