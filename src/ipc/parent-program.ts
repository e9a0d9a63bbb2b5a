// The parent of the textbook exercise, driven by the UI's keyboard:
//   for each turn: read(fd, buf); print("from Child: " buf); line = keyboard(); write(fd, line)
// (each call made on the parent's call thread, the next read chained to the write, except
// in step mode, where each call waits to be let go on its own).
// with an optional delay before each read (a knob that lets the child read first on a
// shared pipe: the kernel still decides who gets the bytes, nothing is faked).
import type { Frame } from './framing.js';
import type { PendingRead, PipeLink } from './link.js';

/** The parent's side of a link of any wiring: all the program needs. */
type ParentSide = Pick<PipeLink, 'read' | 'write' | 'activity' | 'stepping'>;

export interface ParentProgramOptions {
  turns?: number;
  /** The turn to start at, for a program forked anew mid-conversation. */
  firstTurn?: number;
  readDelayMs?: number;
  /**
   * Awaited before each delayed read, so the delay counts from a moment the caller
   * chooses (the UI: the child's line being typed) instead of from the previous step.
   */
  delayStart?: () => Promise<void>;
  /** A one-way channel (pipe1): the parent only reads, each message and then end of file, as pipe1.c's parent; it never types. */
  readsOnly?: boolean;
}

export class ParentProgram {
  private readDelayMs: number;
  private readonly turns: number;
  private readonly firstTurn: number;
  private pendingRead: PendingRead | null = null;
  private keyboardWaiter: ((line: string | null) => void) | null = null;
  private delayTimer: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  private stopped = false;
  private readonly delayStart: (() => Promise<void>) | undefined;
  private readonly readsOnly: boolean;

  constructor(
    private readonly link: ParentSide,
    options: ParentProgramOptions = {},
  ) {
    this.turns = options.turns ?? 3;
    this.firstTurn = options.firstTurn ?? 1;
    this.readDelayMs = options.readDelayMs ?? 0;
    this.delayStart = options.delayStart;
    this.readsOnly = options.readsOnly ?? false;
  }

  /** Runs the three turns; resolves when they are done, the pipe reached EOF, or stop() was called. */
  async run(): Promise<void> {
    if (this.readsOnly) return this.readUntilEndOfFile();
    for (let turn = this.firstTurn; turn <= this.turns && !this.stopped; turn++) {
      const frame = await this.readWithDelay();
      if (!frame || this.stopped) return;
      this.link.activity({ doing: 'typing' });
      const line = await this.keyboard();
      if (line === null || this.stopped) return;
      // The C parent's loop reads right after it writes: the read starts on the call thread the moment the write returns (not after a delay, not after the last turn).
      // In step mode each call is held on its own, so the read is asked for apart.
      const result = await this.link.write(line, turn < this.turns && this.readDelayMs === 0 && !this.link.stepping);
      if (typeof result !== 'number') return;
    }
    if (!this.stopped) this.link.activity({ doing: 'done' });
  }

  /** Reads until read() returns 0 (the child gone, no write end left) or never does (a write end left open). */
  private async readUntilEndOfFile(): Promise<void> {
    // Each message is on screen as the link reports it; the next read follows at once.
    for (let more = true; more && !this.stopped; ) more = (await this.readWithDelay()) !== null;
  }

  /** The user's line for the parent; ignored unless the parent is waiting at its keyboard. */
  type(line: string): boolean {
    const waiter = this.keyboardWaiter;
    if (!waiter) return false;
    this.keyboardWaiter = null;
    waiter(line);
    return true;
  }

  setReadDelay(ms: number): void {
    this.readDelayMs = ms;
  }

  stop(): void {
    this.stopped = true;
    this.pendingRead?.cancel();
    this.keyboardWaiter?.(null);
    this.keyboardWaiter = null;
    if (this.delayTimer) {
      clearTimeout(this.delayTimer.timer);
      this.delayTimer.resolve();
      this.delayTimer = null;
    }
  }

  private async readWithDelay(): Promise<Frame | null> {
    if (this.readDelayMs > 0 && this.delayStart) {
      await this.delayStart();
      if (this.stopped) return null;
    }
    if (this.readDelayMs > 0) {
      this.link.activity({ doing: 'sleeping', ms: this.readDelayMs });
      await new Promise<void>((resolve) => {
        this.delayTimer = { timer: setTimeout(resolve, this.readDelayMs), resolve };
      });
      this.delayTimer = null;
      if (this.stopped) return null;
    }
    this.pendingRead = this.link.read();
    const frame = await this.pendingRead.frame;
    this.pendingRead = null;
    return frame;
  }

  private keyboard(): Promise<string | null> {
    return new Promise((resolve) => {
      this.keyboardWaiter = resolve;
    });
  }
}
