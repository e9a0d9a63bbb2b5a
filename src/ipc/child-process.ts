// The child process as the parent holds it: spawned with its conversation ends at fds 3
// and 4 (passed through as they are: no stream touches them), its keyboard on stdin, a
// lifeline at fd 5 that the parent never writes (its end of file tells the child that
// the parent is gone), and at fd 6 the ring in shared memory where it reports every call
// (report-reader.ts; its stdout rings the doorbell, or carries the reports as lines where
// there is no ring). Nothing here reads the conversation. Node's own spawn, not execa:
// when the stdio pipes cannot be made (too few fds) execa 9 threw "subprocess.stdio is not
// iterable" and left the failed process's 'error' event unheard, which killed the parent.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import fs from 'node:fs';
import { LineSplitter, REPORT_RING_FLAG, encodeLine, parseEvent, type ControlMessage } from './child-protocol.js';
import { errnoCode, type LinkEvent } from './events.js';
import { errorLineOf } from './error-line.js';
import { ReportReader } from './report-reader.js';
import { loadLibc } from '../kernel/libc.js';
import { ProblemError } from '../i18n/problems.js';
import { ourNodeProcessEnv } from '../environment.js';

export interface ChildStart {
  script: string;
  args: string[];
  /** What the child gets at fds 3 and 4: our fds (the caller closes its copies); 'ignore' at 4 on a two-way channel. */
  stdio: [number | 'ignore', number | 'ignore'];
}

export interface ChildExit {
  code: number | null;
  signal: string | null;
}

/** The child as a link holds it: a process (ChildHandle), or a thread of the parent's own process (child-thread.ts). */
export interface LinkChild {
  readonly pid: number;
  /** Settles when the child has exited (and been reaped). */
  readonly exited: Promise<ChildExit>;
  readonly exit: ChildExit | null;
  /** The line of its stderr that says what went wrong, and its last 4000 characters. */
  readonly errorLine: string;
  readonly stderr: string;
  /** Emits what the child has reported so far. */
  takeReports(): void;
  /** A control line on its keyboard: a keyboard line, or a knob. */
  send(message: ControlMessage): void;
  /** Ends it now (synchronously, whatever call it is in), and no more lines to or from it. */
  kill(): void;
  /** Step mode for the child: the calls it is held before (its gate is in the report ring); false where it cannot be held (no ring, no futex). */
  setStepping(holds: number): boolean;
  /** Lets the child's call held at its step gate go; false when none is held. */
  letGo(): boolean;
}

/** What every kind of child keeps the same way: how it exited, and the tail of its stderr. */
export abstract class ChildRecord {
  protected exitStatus: ChildExit | null = null;
  private stderrTail = '';

  get exit(): ChildExit | null {
    return this.exitStatus;
  }

  /** The line of its stderr that says what went wrong. */
  get errorLine(): string {
    return errorLineOf(this.stderrTail);
  }

  /** What the child printed on stderr (its last 4000 characters), for an error screen. */
  get stderr(): string {
    return this.stderrTail;
  }

  protected heardOnStderr(chunk: string): void {
    this.stderrTail = (this.stderrTail + chunk).slice(-4000);
  }

  /** The ring it reports through, where its step gate is too; null where it has none (it reports on stdout). */
  protected abstract readonly reports: ReportReader | null;

  setStepping(holds: number): boolean {
    if (!this.reports?.canStep) return false;
    this.reports.setStepping(holds);
    return true;
  }

  letGo(): boolean {
    return this.reports?.letGo() ?? false;
  }
}

/** Stdio streams that execa leaves to us: buffer false, so it reads none of them itself. */
type Streams = [Writable | null, Readable | null, Readable | null, ...unknown[]];

export class ChildHandle extends ChildRecord implements LinkChild {
  readonly pid: number;
  /** Settles when the child has exited (and been reaped). */
  readonly exited: Promise<ChildExit>;
  private readonly stdin: Writable | null;
  private readonly lifeline: { destroy(): void } | undefined;

  private constructor(
    private readonly child: ChildProcess,
    onEvent: (event: LinkEvent) => void,
    protected readonly reports: ReportReader | null,
  ) {
    super();
    this.pid = child.pid ?? 0;
    const [stdin, stdout, stderr, , , lifeline] = child.stdio as unknown as Streams;
    this.stdin = stdin;
    this.lifeline = lifeline as { destroy(): void } | undefined;
    // EPIPE on a dead child's stdin or lifeline must not kill the parent.
    for (const stream of [stdin, lifeline as Writable | undefined]) stream?.on('error', () => {});
    const splitter = new LineSplitter();
    stdout?.setEncoding('utf8');
    stdout?.on('data', (chunk: string) => {
      if (reports) return reports.take();
      for (const line of splitter.push(chunk)) {
        const event = parseEvent(line);
        if (event) onEvent(event);
      }
    });
    stderr?.setEncoding('utf8');
    stderr?.on('data', (chunk: string) => this.heardOnStderr(chunk));
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        reports?.close();
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
    });
  }

  /**
   * Forks the child. A failed fork (no fds left, no processes left: EMFILE, ENFILE,
   * EAGAIN, ENOMEM) becomes one clear error; Node reports it as an 'error' event, which
   * is always listened to.
   */
  static async start(start: ChildStart, onEvent: (event: LinkEvent) => void): Promise<ChildHandle> {
    const failed = (error: unknown): Error => {
      const code = errnoCode(error);
      return new ProblemError({ kind: 'child-spawn', errno: code, detail: error instanceof Error ? (error.message.split('\n')[0] ?? code) : code });
    };
    let reports: ReportReader | null;
    try {
      reports = ReportReader.create(await loadLibc(), onEvent);
    } catch (error) {
      throw failed(error);
    }
    const stdio: StdioOptions = ['pipe', 'pipe', 'pipe', ...start.stdio, 'pipe', ...(reports ? [reports.fd] : [])];
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [start.script, ...start.args, ...(reports ? [REPORT_RING_FLAG] : [])], { stdio, env: ourNodeProcessEnv(process.env) });
    } catch (error) {
      reports?.close();
      throw failed(error);
    } finally {
      if (reports) fs.closeSync(reports.fd);
    }
    const error = new Promise<unknown>((resolve) => child.on('error', resolve));
    if (child.pid === undefined) {
      reports?.close();
      throw failed(await error);
    }
    // Our own exit paths kill the child (link.close) before anything else runs.
    return new ChildHandle(child, onEvent, reports);
  }

  /** Emits what the child has reported so far (before an event of the parent's, so that a call of the child's that came first is seen first). */
  takeReports(): void {
    this.reports?.take();
  }

  /** A control line on the child's stdin: a keyboard line, or a knob. */
  send(message: ControlMessage): void {
    if (this.exitStatus) return;
    this.stdin?.write(encodeLine(message));
    if (message.type === 'keyboard') this.reports?.lineSent();
  }

  /** SIGKILL now (synchronously), and no more lines to or from it. */
  kill(): void {
    if (!this.exitStatus) this.child.kill('SIGKILL');
    this.stdin?.destroy();
    this.lifeline?.destroy();
  }
}
