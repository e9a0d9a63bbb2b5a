// The one owner of a conversation, outside React: the link to the child, the parent's
// program, the parent-delay gate and the child's lifetime. It forks a new child for a
// start, a toggle, a restart or a respawn (closing the old one first), and reports what
// happens as SessionEvents to its subscribers. Each conversation has an id: whatever an
// older one still reports is dropped here, so a late event never reaches the new one.
// The session knows the wiring it last asked for, so a toggle flips that, not what a
// screen last showed: n presses of Ctrl+T in a burst leave the wiring n presses mean.
// close() kills the child and ends the parent's blocked read before its first await,
// so it can run from signal-exit's onExit and from an uncaught error: process.exit()
// hangs while a thread (the parent's call thread) is blocked in read(2).
import { channelEnds } from '../channels/ends-registry.js';
import { EXERCISE_STEP_POINTS, type StepPoint } from '../channels/step-points.js';
import { nowUs, type Proc, type Wiring } from '../ipc/events.js';
import type { FifoHolder } from '../ipc/fifo-holders.js';
import { ChildLineGate } from './child-line-gate.js';
import type { ChatSession, OpenSession } from './open-session.js';
import type { Knobs, SessionEvent, StartReason } from './session-events.js';
import { problemOf } from '../i18n/problems.js';

export interface ConversationSessionOptions {
  open: OpenSession;
  /** Turns in a conversation. */
  turns: number;
  knobs: Knobs;
  /** This process: the parent of the exercise. */
  parentPid?: number;
  /** Step mode from the first conversation on (--step). */
  stepping?: boolean;
  /** Where each channel's processes are held in step mode (its step points, from the registry); every read and write by default. */
  stepPoints?: (wiring: Wiring) => readonly StepPoint[];
  /** The monotonic clock in µs and the wall clock in ms since the epoch (tests pass fixed ones). */
  clock?: () => number;
  wallClock?: () => number;
}

export class ConversationSession {
  readonly turns: number;
  private knobSettings: Knobs;
  private readonly open: OpenSession;
  private readonly parentPid: number;
  private readonly clock: () => number;
  private readonly wallClock: () => number;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private id = 0;
  private live: ChatSession | null = null;
  private gate: ChildLineGate | null = null;
  private closing: Promise<void> = Promise.resolve();
  private closed = false;
  private started: Wiring | null = null;
  private steps: boolean;
  private readonly stepPoints: (wiring: Wiring) => readonly StepPoint[];

  constructor(options: ConversationSessionOptions) {
    this.steps = options.stepping ?? false;
    this.stepPoints = options.stepPoints ?? (() => EXERCISE_STEP_POINTS);
    this.open = options.open;
    this.turns = options.turns;
    this.knobSettings = options.knobs;
    this.parentPid = options.parentPid ?? process.pid;
    this.clock = options.clock ?? nowUs;
    this.wallClock = options.wallClock ?? Date.now;
  }

  /** The wiring of the latest start, before its link is open: two keys in a row build on each other. */
  get wiring(): Wiring | null {
    return this.started;
  }

  get knobs(): Knobs {
    return this.knobSettings;
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the current conversation (if any) and forks a child for a new one. */
  start(reason: StartReason, wiring: Wiring, firstTurn: number): void {
    if (this.closed) return;
    const id = ++this.id;
    this.started = wiring;
    const isCurrent = (): boolean => this.id === id && !this.closed;
    const emit = (event: SessionEvent): void => {
      if (isCurrent()) this.emit(event);
    };
    const closing = this.teardown();
    this.emit({ type: 'session-starting', session: id, wiring, firstTurn, reason, parentPid: this.parentPid, at: this.clock(), wallAt: this.wallClock() * 1000 });
    const gate = new ChildLineGate((waiting) => emit({ type: 'parent-awaits-child-line', session: id, waiting, at: this.clock() }));
    this.gate = gate;
    const fail = (error: unknown): void => emit({ type: 'session-failed', session: id, problem: problemOf(error), at: this.clock() });
    const opened = closing.then(() => {
      if (!isCurrent()) return null;
      return this.open({
        wiring,
        turns: this.turns,
        firstTurn,
        childDelayMs: this.knobSettings.childDelayMs,
        parentDelayMs: this.knobSettings.parentDelayMs,
        onEvent: (event) => emit({ type: 'link-event', session: id, event }),
        // The parent's read delay counts from the child's line being typed, not from its previous step.
        delayStart: () => gate.wait(),
      });
    });
    opened.then((session) => {
      if (!session) return;
      if (!isCurrent()) {
        void stop(session);
        return;
      }
      this.live = session;
      const { childPid, pipes, parentFds, childFds, path } = session.link;
      this.emit({ type: 'session-opened', session: id, childPid, pipes, parentFds, childFds, path, at: this.clock() });
      // Before the parent's program runs: its first read is held too.
      if (this.steps) this.applyStepping(session);
      session.parent.run().catch(fail);
    }, fail);
  }

  /** Ctrl+T: to the channel's partner (two pipes and one pipe each other's; the others back to two pipes), counted from the latest start. */
  toggle(firstTurn: number): void {
    if (this.started === null) return;
    this.start('toggle', channelEnds(this.started).toggleTo, firstTurn);
  }

  /** F3's list: to the channel chosen, live, counted from the latest start. */
  switchTo(wiring: Wiring, firstTurn: number): void {
    if (this.started === null) return;
    this.start('toggle', wiring, firstTurn);
  }

  /** Hands a line to a process's keyboard; false if that process is not waiting for one. */
  type(proc: Proc, line: string): boolean {
    const session = this.live;
    if (!session) return false;
    if (proc === 'child') {
      session.link.typeForChild(line);
      this.emit({ type: 'keyboard-line', session: this.id, proc, at: this.clock() });
      this.gate?.childLineTyped();
      return true;
    }
    // The program resumes in a later microtask, so its 'writing' comes after this event.
    const accepted = session.parent.type(line);
    if (accepted) this.emit({ type: 'keyboard-line', session: this.id, proc, at: this.clock() });
    return accepted;
  }

  /** Step mode: each process waits before each call on the channel until let go (letGo). */
  get stepping(): boolean {
    return this.steps;
  }

  /** Step mode on or off, for this conversation and the next ones; off lets the held calls go at once. */
  setStepping(on: boolean): void {
    this.steps = on;
    if (this.live) this.applyStepping(this.live);
    else this.emit({ type: 'step-mode', on, refused: false });
  }

  /** Lets the call `proc` is held before go; false when it is not held. */
  letGo(proc: Proc): boolean {
    return this.live?.link.letGo(proc) ?? false;
  }

  private applyStepping(session: ChatSession): void {
    const refused = !session.link.setStepping(this.steps ? this.stepPoints(session.link.wiring) : null);
    if (refused) this.steps = false;
    this.emit({ type: 'step-mode', on: this.steps, refused });
  }

  /** A reader that stopped spinning for want of messages spins again (shm-busy). */
  resumeSpin(): void {
    this.live?.link.resumeSpin();
  }

  setChildDelay(ms: number): void {
    this.knobSettings = { ...this.knobSettings, childDelayMs: ms };
    this.live?.link.setChildDelay(ms);
    this.emit({ type: 'knob-changed', knob: 'childDelayMs', ms });
  }

  setParentDelay(ms: number): void {
    this.knobSettings = { ...this.knobSettings, parentDelayMs: ms };
    this.live?.parent.setReadDelay(ms);
    this.emit({ type: 'knob-changed', knob: 'parentDelayMs', ms });
  }

  /** Named wiring: who else holds the FIFO open (a /proc scan: call it at most once a second). */
  outsideHolders(): FifoHolder[] {
    return this.live?.link.outsideHolders() ?? [];
  }

  /** For a signal path, which cannot await close(): the named pipe's path goes now. */
  removePath(): void {
    this.live?.link.removePath();
  }

  /** Kills the child at once and closes everything; resolves once the child is gone. No conversation starts after it. */
  close(): Promise<void> {
    this.closed = true;
    return this.teardown();
  }

  private teardown(): Promise<void> {
    this.gate?.release();
    this.gate = null;
    const session = this.live;
    this.live = null;
    if (session) this.closing = Promise.all([this.closing, stop(session)]).then(() => {});
    return this.closing;
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Stops the parent's program once, then closes the link (which kills the child before it awaits anything). */
function stop(session: ChatSession): Promise<void> {
  session.parent.stop();
  return session.link.close();
}
