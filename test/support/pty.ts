// Drives the built program in a real pseudo-terminal and reads what a person would
// see: the bytes go through @lydell/node-pty into a headless xterm of the same size,
// and tests assert on that screen (never on the raw byte stream) by polling it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import * as pty from '@lydell/node-pty';
// @xterm/headless is CommonJS whose exports Node's ESM loader cannot name: default import only.
import xtermHeadless from '@xterm/headless';

import { buildPtyEnv, SESSION_MARKER, type EnvOverrides } from './pty-env.js';
import { findProcessesWithEnv, processInfo, signalGroup, signalPid, type ProcessInfo } from './processes.js';
import { KEYS, type KeyName } from './terminal-keys.js';
import { readToTheEnd } from '../../scripts/pty-read-to-end.mjs';

// scripts/bench-ui.ts drives the program through this module too.
export { KEYS } from './terminal-keys.js';
export { childPidsOf } from './processes.js';

const { Terminal } = xtermHeadless;
type XTerminal = InstanceType<typeof Terminal>;

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist/cli.js');


export interface StartPtyOptions {
  /** Arguments for dist/cli.js, or for `command` when it is given. */
  args?: string[];
  /** Another program to run instead of `node dist/cli.js` (e.g. `process.execPath` with `-e`). */
  command?: string;
  cols?: number;
  rows?: number;
  env?: EnvOverrides;
  cwd?: string;
  /** Pause between two writes of type()/press(), so Ink sees separate key events. */
  keyDelayMs?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

export interface PtyExit {
  exitCode: number;
  /** Signal number, or undefined when the process exited by itself. */
  signal: number | undefined;
}

export interface Cursor {
  x: number;
  y: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_INTERVAL_MS = 25;
const DEFAULT_KEY_DELAY_MS = 25;
/** No output for this long means the frame being drawn has fully arrived (for a program that does not mark its frames). */
const FRAME_QUIET_MS = 8;
/** DEC private mode 2026, synchronized update: Ink writes `ESC[?2026h` before a frame and `ESC[?2026l` after it. */
const SYNCHRONIZED_UPDATE = 2026;

export class PtySession {
  /** The pid of the process started in the terminal (a session and process-group leader). */
  readonly pid: number;
  /** The value of SESSION_MARKER in this session's environment. */
  readonly marker: string;

  private readonly term: XTerminal;
  private readonly proc: pty.IPty;
  private readonly keyDelayMs: number;
  private readonly exitPromise: Promise<PtyExit>;
  private exitStatus: PtyExit | undefined;
  private readonly closeTerminal: () => void;
  private rawOutput = '';
  private lastOutputAt = 0;
  private pendingWrites = 0;
  private flushWaiters: (() => void)[] = [];
  /** Fires once the output has been quiet for FRAME_QUIET_MS: a frame has fully arrived. */
  private quietTimer: NodeJS.Timeout | undefined;
  private quietWaiters = new Set<() => void>();
  private lastInputAt = 0;
  private inputQueue: Promise<void> = Promise.resolve();
  private cursorVisible = true;
  /** Between `ESC[?2026h` and `ESC[?2026l`: a frame is being drawn, the screen shows part of it. */
  private frameOpen = false;
  private disposed = false;
  private readonly outputListeners = new Set<(data: string) => void>();

  constructor(options: StartPtyOptions = {}) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 24;
    this.keyDelayMs = options.keyDelayMs ?? DEFAULT_KEY_DELAY_MS;
    this.marker = randomUUID();
    let file: string;
    let args: string[];
    if (options.command !== undefined) {
      file = options.command;
      args = options.args ?? [];
    } else {
      if (!fs.existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first`);
      file = process.execPath;
      args = [CLI_PATH, ...(options.args ?? [])];
    }

    // Buffer and parser are "proposed API" in @xterm/headless 6: they throw without this flag.
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
    this.term.parser.registerCsiHandler({ prefix: '?', final: 'h' }, (params) => this.onPrivateMode(params, true));
    this.term.parser.registerCsiHandler({ prefix: '?', final: 'l' }, (params) => this.onPrivateMode(params, false));

    this.proc = pty.spawn(file, args, {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: options.cwd ?? REPO_ROOT,
      env: buildPtyEnv(options.env ?? {}, this.marker),
    });
    this.pid = this.proc.pid;

    this.proc.onData((data) => this.received(data));
    this.closeTerminal = readToTheEnd(this.proc, (rest) => this.received(rest));
    // Answers to the program's queries (cursor position, device attributes) go back as a terminal's would.
    this.term.onData((reply) => {
      if (this.exitStatus === undefined && !this.disposed) this.proc.write(reply);
    });
    this.exitPromise = new Promise((resolve) => {
      // node-pty reports the exit only after the terminal's output is drained (or 200 ms later).
      this.proc.onExit(({ exitCode, signal }) => {
        this.exitStatus = { exitCode, signal: signal === 0 ? undefined : signal };
        resolve(this.exitStatus);
      });
    });
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  /** The exit status, or undefined while the process runs. */
  get exited(): PtyExit | undefined {
    return this.exitStatus;
  }

  /** Resolves once xterm has parsed every byte received so far. */
  flush(): Promise<void> {
    if (this.pendingWrites === 0) return Promise.resolve();
    return new Promise((resolve) => this.flushWaiters.push(resolve));
  }

  /** The visible lines, right-trimmed (wide characters take one string position). */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const result: string[] = [];
    for (let y = 0; y < this.term.rows; y += 1) {
      result.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    }
    return result;
  }

  /** The visible screen, lines joined by "\n". */
  screen(): string {
    return this.lines().join('\n');
  }

  /** Every line of the active buffer, scrollback included (the normal screen keeps what scrolled off). */
  history(): string[] {
    const buffer = this.term.buffer.active;
    const result: string[] = [];
    for (let y = 0; y < buffer.length; y += 1) result.push(buffer.getLine(y)?.translateToString(true) ?? '');
    while (result.length > 0 && result.at(-1) === '') result.pop();
    return result;
  }

  /** Calls `listener` with each chunk of output as it arrives (the benchmark times frames with it); returns the unsubscribe. */
  onOutput(listener: (data: string) => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  /** Everything the program wrote, escape sequences included: for diagnostics, not assertions. */
  output(): string {
    return this.rawOutput;
  }

  isAltScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  /** Whether the cursor is shown (DECTCEM, `ESC[?25h` / `ESC[?25l`). */
  isCursorVisible(): boolean {
    return this.cursorVisible;
  }

  /** Cursor position in cells, 0-based, relative to the visible screen. */
  cursor(): Cursor {
    const buffer = this.term.buffer.active;
    return { x: buffer.cursorX, y: buffer.cursorY };
  }

  /**
   * Polls until `check` returns a value other than undefined/false; on timeout throws with
   * the screen. It looks every `intervalMs` and each time a frame has fully arrived, so a
   * screen that lasts only between two frames (a line being typed) is seen too.
   */
  async waitFor<T>(check: () => T | undefined | false, description: string, options: WaitOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.flush();
      const result = check();
      if (result !== undefined && result !== false) return result;
      if (this.exitStatus !== undefined) {
        // Output is drained before the exit is reported: the screen will not change any more.
        await this.flush();
        const last = check();
        if (last !== undefined && last !== false) return last;
        throw new Error(`${description}: the process exited (${formatExit(this.exitStatus)}) first.\n${this.describeScreen()}`);
      }
      if (Date.now() >= deadline) throw new Error(`${description}: timed out after ${timeoutMs} ms.\n${this.describeScreen()}`);
      await this.nextLook(intervalMs);
    }
  }

  /** Waits `ms`, or less: until the output has just gone quiet (a frame has fully arrived). */
  private nextLook(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.quietWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.quietWaiters.add(wake);
    });
  }

  /**
   * Polls whole frames until `check` accepts one; returns what `check` returned. A frame
   * reaches the terminal in several chunks, and a screen read between two of them shows
   * half a frame: a screen counts as whole outside a synchronized update (Ink marks each
   * frame with one) once no output has arrived for a moment. On a loaded machine the
   * chunks of one frame can arrive further apart than that moment; the marks still hold. Assert on what this returns, not on a second read of the screen: a redraw (the
   * clock, a state the kernel changed) may land in between.
   */
  waitForScreen<T>(check: (screen: string, lines: string[]) => T | undefined | false, description: string, options: WaitOptions = {}): Promise<T> {
    return this.waitFor(
      () => {
        if (this.exitStatus === undefined && (this.frameOpen || Date.now() - this.lastOutputAt < FRAME_QUIET_MS)) return undefined;
        const lines = this.lines();
        return check(lines.join('\n'), lines);
      },
      description,
      options,
    );
  }

  /** Waits until a whole frame contains the text (or matches the pattern); returns that screen. */
  waitForText(expected: string | RegExp, options: WaitOptions = {}): Promise<string> {
    return this.waitForScreen((screen) => (matches(screen, expected) ? screen : undefined), `waiting for ${describeExpected(expected)} on screen`, options);
  }

  /** Waits until a whole frame no longer contains the text (or pattern); returns that screen. */
  waitForGone(unexpected: string | RegExp, options: WaitOptions = {}): Promise<string> {
    return this.waitForScreen((screen) => (matches(screen, unexpected) ? undefined : screen), `waiting for ${describeExpected(unexpected)} to leave the screen`, options);
  }

  /** Resolves when the process has exited and its output is on the screen. */
  async waitForExit(options: WaitOptions = {}): Promise<PtyExit> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`waiting for the process to exit: timed out after ${timeoutMs} ms.\n${this.describeScreen()}`)), timeoutMs);
    });
    try {
      const status = await Promise.race([this.exitPromise, timeout]);
      await this.flush();
      return status;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Types text one character per write, `keyDelayMs` apart, as a person would: Ink reads a
   * multi-character chunk as one input (a paste), and "hi\r" in one chunk has no key.return.
   * When the next key is Enter, wait for the typed text to show before pressing it.
   */
  type(text: string): Promise<void> {
    return this.enqueueInput([...text]);
  }

  /** Presses one named key in a write of its own. */
  press(key: KeyName, times = 1): Promise<void> {
    return this.enqueueInput(Array.from({ length: times }, () => KEYS[key]));
  }

  /** Writes raw bytes in one write (a paste, or a sequence KEYS lacks). */
  write(data: string): Promise<void> {
    return this.enqueueInput([data]);
  }

  /** Resizes the terminal: the pty (the program gets SIGWINCH) and the screen model alike. */
  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
    if (this.exitStatus === undefined) this.proc.resize(cols, rows);
  }

  /** Sends a signal to the program (SIGHUP, as when a terminal window closes, by default). */
  kill(signal: NodeJS.Signals = 'SIGHUP'): void {
    if (this.exitStatus === undefined) this.proc.kill(signal);
  }

  /**
   * Closes the terminal, as closing its window or `tmux kill-session` does: the master side
   * goes away, the kernel hangs the terminal up, and its first process gets SIGHUP. A program
   * in a session of its own (setsid) gets no signal: only its reads and writes fail.
   */
  hangUp(): void {
    (this.proc as pty.IPty & { destroy(): void }).destroy();
    // node-pty's destroy() waits for the end of the output, which only the hang-up brings: close now.
    this.closeTerminal();
  }

  /**
   * Ends the session: SIGHUP, then SIGKILL to the whole process group after a grace
   * period, then the screen model is released. Safe to call twice; use in afterEach.
   */
  async dispose(graceMs = 2_000): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.exitStatus === undefined) {
      this.kill('SIGHUP');
      const exited = await Promise.race([this.exitPromise.then(() => true), delay(graceMs, false)]);
      if (!exited) {
        signalGroup(this.pid, 'SIGKILL');
        await Promise.race([this.exitPromise, delay(graceMs)]);
      }
    }
    // Whatever the program forked and left behind is ours to end too.
    for (const pid of findProcessesWithEnv(SESSION_MARKER, this.marker)) signalPid(pid, 'SIGKILL');
    clearTimeout(this.quietTimer);
    this.term.dispose();
  }

  /** Live processes started from this session (the program, its children, orphans too). */
  processes(): ProcessInfo[] {
    return findProcessesWithEnv(SESSION_MARKER, this.marker).map(processInfo).filter((info): info is ProcessInfo => info !== undefined);
  }

  /** The screen with line numbers and state, for error messages. */
  describeScreen(): string {
    const width = this.term.cols;
    const border = `+${'-'.repeat(width)}+`;
    const body = this.lines().map((line, y) => `${String(y).padStart(2)} |${line}`);
    const state = [
      `${this.term.cols}x${this.term.rows}`,
      this.isAltScreen() ? 'alternate screen' : 'normal screen',
      `cursor ${this.cursor().x},${this.cursor().y}${this.cursorVisible ? '' : ' (hidden)'}`,
      this.exitStatus === undefined ? 'running' : formatExit(this.exitStatus),
    ].join(', ');
    return [`screen (${state}):`, `   ${border}`, ...body, `   ${border}`].join('\n');
  }

  private received(data: string): void {
    this.rawOutput += data;
    this.lastOutputAt = Date.now();
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      for (const wake of [...this.quietWaiters]) wake();
    }, FRAME_QUIET_MS);
    for (const listener of this.outputListeners) listener(data);
    this.pendingWrites += 1;
    this.term.write(data, () => {
      this.pendingWrites -= 1;
      if (this.pendingWrites === 0) for (const resolve of this.flushWaiters.splice(0)) resolve();
    });
  }

  private onPrivateMode(params: (number | number[])[], enabled: boolean): boolean {
    if (params.includes(25)) this.cursorVisible = enabled;
    if (params.includes(SYNCHRONIZED_UPDATE)) this.frameOpen = enabled;
    return false; // let xterm handle the sequence too
  }

  private enqueueInput(chunks: string[]): Promise<void> {
    const run = async (): Promise<void> => {
      for (const chunk of chunks) {
        const wait = this.lastInputAt + this.keyDelayMs - Date.now();
        if (wait > 0) await delay(wait);
        if (this.exitStatus !== undefined) throw new Error(`cannot send input: the process exited (${formatExit(this.exitStatus)}).\n${this.describeScreen()}`);
        this.proc.write(chunk);
        this.lastInputAt = Date.now();
      }
    };
    const next = this.inputQueue.then(run);
    this.inputQueue = next.catch(() => undefined);
    return next;
  }
}

/** Starts a program in a pseudo-terminal; by default `node dist/cli.js ...args`. */
export function startPty(options: StartPtyOptions = {}): PtySession {
  return new PtySession(options);
}

/**
 * Collects sessions and disposes of them all, for afterEach:
 * `const sessions = ptySessions(); afterEach(() => sessions.disposeAll());`
 */
export function ptySessions(): { start(options?: StartPtyOptions): PtySession; disposeAll(): Promise<void> } {
  const live = new Set<PtySession>();
  return {
    start(options) {
      const session = startPty(options);
      live.add(session);
      return session;
    },
    async disposeAll() {
      const sessions = [...live];
      live.clear();
      await Promise.all(sessions.map((session) => session.dispose()));
    },
  };
}

function matches(screen: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? screen.includes(expected) : expected.test(screen);
}

function describeExpected(expected: string | RegExp): string {
  return typeof expected === 'string' ? JSON.stringify(expected) : String(expected);
}

function formatExit(status: PtyExit): string {
  return status.signal === undefined ? `exit code ${status.exitCode}` : `signal ${status.signal}`;
}

/**
 * Waits until no process of the session whose command line contains `text` is alive
 * (a child is given time to notice its parent's death); throws with the survivors.
 */
export async function waitForNoLeftovers(session: PtySession, text = 'dist/child.js', options: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  for (;;) {
    const survivors = session.processes().filter((info) => info.commandLine.includes(text));
    if (survivors.length === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(`processes left behind:\n${survivors.map((info) => `  ${info.pid} (ppid ${info.ppid}, ${info.state}) ${info.commandLine}`).join('\n')}`);
    }
    await delay(options.intervalMs ?? 50);
  }
}
