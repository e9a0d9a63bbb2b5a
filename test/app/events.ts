// Builders for the link events a real session produces, so reducer and view tests
// read like the story they tell (child writes C1, parent reads it...).
import type { FdInfo, Proc, WiredActivity, WiredLinkEvent } from '../../src/ipc/events.js';
import { encodeFrame } from '../../src/ipc/framing.js';
import { reduce } from '../../src/app/state/conversation-reducer.js';
import { initialState, type Action, type ConversationState } from '../../src/app/state/model.js';

export const UP = 1001; // child-to-parent pipe inode
export const DOWN = 1002; // parent-to-child pipe inode
export const SHARED = 2001;

export const PARENT_PID = 500;
/** The wall clock at monotonic 0, in local time (so "since" reads the same in any time zone): 14:03:00. */
export const WALL_AT_START_US = new Date(2024, 0, 15, 14, 3, 0).getTime() * 1000;
export const CHILD_PID = 777;

export interface Fds {
  parent: FdInfo[];
  child: FdInfo[];
}

export const TWO_PIPE_FDS: Fds = {
  parent: [
    { fd: 20, end: 'read', isFifo: true, inode: UP },
    { fd: 21, end: 'write', isFifo: true, inode: DOWN },
  ],
  child: [
    { fd: 3, end: 'read', isFifo: true, inode: DOWN },
    { fd: 4, end: 'write', isFifo: true, inode: UP },
  ],
};

export const ONE_PIPE_FDS: Fds = {
  parent: [
    { fd: 20, end: 'read', isFifo: true, inode: SHARED },
    { fd: 21, end: 'write', isFifo: true, inode: SHARED },
  ],
  child: [
    { fd: 3, end: 'read', isFifo: true, inode: SHARED },
    { fd: 4, end: 'write', isFifo: true, inode: SHARED },
  ],
};

/** pipe1: one pipe, child to parent, each process holding only the end it uses. */
export const PIPE1_FDS: Fds = {
  parent: [{ fd: 20, end: 'read', isFifo: true, inode: UP }],
  child: [{ fd: 4, end: 'write', isFifo: true, inode: UP }],
};

/** pipe1-open-ends: the same pipe, both processes holding both ends (never closed). */
export const PIPE1_OPEN_FDS: Fds = {
  parent: [...PIPE1_FDS.parent, { fd: 21, end: 'write', isFifo: true, inode: UP }],
  child: [{ fd: 3, end: 'read', isFifo: true, inode: UP }, ...PIPE1_FDS.child],
};

const MODES = {
  two: { wiring: 'two-pipes', fds: TWO_PIPE_FDS },
  one: { wiring: 'one-pipe', fds: ONE_PIPE_FDS },
  pipe1: { wiring: 'pipe1', fds: PIPE1_FDS },
  'pipe1-open-ends': { wiring: 'pipe1-open-ends', fds: PIPE1_OPEN_FDS },
} as const;

/** A scripted session: every helper returns actions stamped with increasing times. */
export class Script {
  at = 1_000_000;
  constructor(
    readonly session = 1,
    readonly mode: keyof typeof MODES = 'two',
    readonly firstTurn = 1,
  ) {}

  private tick(): number {
    this.at += 1000;
    return this.at;
  }

  get fds(): Fds {
    return MODES[this.mode].fds;
  }

  start(reason: 'start' | 'toggle' | 'restart' | 'respawn' = 'start'): Action[] {
    const pipes =
      this.mode === 'two'
        ? [
            { name: 'child-to-parent' as const, inode: UP },
            { name: 'parent-to-child' as const, inode: DOWN },
          ]
        : this.mode === 'one'
          ? [{ name: 'shared' as const, inode: SHARED }]
          : [{ name: 'child-to-parent' as const, inode: UP }];
    return [
      { type: 'session-starting', session: this.session, wiring: MODES[this.mode].wiring, firstTurn: this.firstTurn, reason, parentPid: PARENT_PID, at: this.tick(), wallAt: WALL_AT_START_US + this.at },
      this.event({ type: 'hello', proc: 'child', pid: CHILD_PID + this.session, fds: this.fds.child, at: this.tick() }),
      { type: 'session-opened', session: this.session, childPid: CHILD_PID + this.session, pipes, parentFds: this.fds.parent, childFds: this.fds.child, path: null, at: this.tick() },
    ];
  }

  event(event: WiredLinkEvent): Action {
    return { type: 'link-event', session: this.session, event };
  }

  /** An activity report. */
  activity(proc: Proc, activity: WiredActivity): Action {
    return this.event({ type: 'activity', proc, activity, at: this.tick() } as WiredLinkEvent);
  }

  private fd(proc: Proc, end: 'read' | 'write'): number {
    return this.fds[proc].find((f) => f.end === end)?.fd ?? -1;
  }

  /** write(2) of a whole frame by `proc`. */
  /** write(2) of a whole frame by `proc`, and the message it completed, as the link reports them. */
  write(proc: Proc, seq: number, text: string): Action[] {
    const bytes = encodeFrame(proc, seq, text);
    const fd = this.fd(proc, 'write');
    const start = this.tick();
    const at = this.tick();
    return [
      this.event({ type: 'syscall', proc, call: 'write', fd, requested: bytes.length, result: bytes.length, data: bytes.toString('base64'), start, at }),
      this.event({ type: 'written', proc, frame: { writer: proc, seq, text, bytes: bytes.length }, at }),
    ];
  }

  /** read(2) by `reader` returning the frame `writer` wrote, then the message event. */
  read(reader: Proc, writer: Proc, seq: number, text: string): Action[] {
    const bytes = encodeFrame(writer, seq, text);
    const fd = this.fd(reader, 'read');
    const start = this.tick();
    return [
      this.event({ type: 'syscall', proc: reader, call: 'read', fd, requested: 65600, result: bytes.length, data: bytes.toString('base64'), start, at: this.tick() }),
      this.event({ type: 'message', proc: reader, frame: { writer, seq, text, bytes: bytes.length }, at: this.tick() }),
    ];
  }

  exit(code: number | null, signal: string | null = null): Action {
    return this.event({ type: 'exit', proc: 'child', code, signal, at: this.tick() });
  }
  /** The textbook's broken turn on one shared pipe: the parent waits in read(), the child writes and reads its own message back. */
  steal(seq: number, text: string): Action[] {
    return [
      this.activity('parent', { doing: 'reading', fd: 20 }),
      this.activity('child', { doing: 'writing', fd: 4 }),
      ...this.write('child', seq, text),
      this.activity('child', { doing: 'reading', fd: 3 }),
      ...this.read('child', 'child', seq, text),
    ];
  }

  /** A steal, then the child ends: the parent is left blocked on an empty pipe it holds the write end of (deadlock). */
  stealThenChildEnds(text = 'hi'): Action[] {
    return [...this.steal(1, text), this.activity('child', { doing: 'done' }), this.exit(0)];
  }


  /** One clean turn over two pipes, in the order the UI receives it. */
  cleanTurn(turn: number, childLine: string, parentLine: string): Action[] {
    const parentFd = this.fd('parent', 'read');
    return [
      this.activity('parent', { doing: 'reading', fd: parentFd }),
      this.activity('child', { doing: 'typing' }),
      this.activity('child', { doing: 'writing', fd: 4 }),
      ...this.write('child', turn, childLine),
      this.activity('child', { doing: 'reading', fd: 3 }),
      ...this.read('parent', 'child', turn, childLine),
      this.activity('parent', { doing: 'typing' }),
      this.activity('parent', { doing: 'writing', fd: 21 }),
      ...this.write('parent', turn, parentLine),
      ...this.read('child', 'parent', turn, parentLine),
    ];
  }
}

export function play(actions: Action[], state: ConversationState = initialState()): ConversationState {
  return actions.reduce(reduce, state);
}
