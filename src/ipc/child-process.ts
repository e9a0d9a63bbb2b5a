// The child process as the parent holds it: forked with execa (as the design card says)
// with its conversation ends at fds 3 and 4 (passed through as they are: no stream of
// execa's touches them), its keyboard on stdin, its report of every call on stdout, and
// a lifeline at fd 5 that the parent never writes (its end of file tells the child that
// the parent is gone). Nothing here reads the conversation.
import type { Options } from 'execa';
import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { LineSplitter, encodeLine, parseEvent, type ControlMessage } from './child-protocol.js';
import { errnoCode, type LinkEvent } from './events.js';

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

/** Stdio streams that execa leaves to us: buffer false, so it reads none of them itself. */
type Streams = [Writable | null, Readable | null, Readable | null, ...unknown[]];

export class ChildHandle {
  readonly pid: number;
  /** Settles when the child has exited (and been reaped). */
  readonly exited: Promise<ChildExit>;
  private exitStatus: ChildExit | null = null;
  private stderrTail = '';
  private readonly stdin: Writable | null;
  private readonly lifeline: { destroy(): void } | undefined;

  private constructor(
    private readonly child: ChildProcess,
    onEvent: (event: LinkEvent) => void,
  ) {
    this.pid = child.pid ?? 0;
    const [stdin, stdout, stderr, , , lifeline] = child.stdio as unknown as Streams;
    this.stdin = stdin;
    this.lifeline = lifeline as { destroy(): void } | undefined;
    // EPIPE on a dead child's stdin or lifeline must not kill the parent.
    for (const stream of [stdin, lifeline as Writable | undefined]) stream?.on('error', () => {});
    const splitter = new LineSplitter();
    stdout?.setEncoding('utf8');
    stdout?.on('data', (chunk: string) => {
      for (const line of splitter.push(chunk)) {
        const event = parseEvent(line);
        if (event) onEvent(event);
      }
    });
    stderr?.setEncoding('utf8');
    stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
    });
  }

  /**
   * Forks the child. A failed fork (no fds left, no processes left: EMFILE, ENFILE,
   * EAGAIN, ENOMEM) becomes one clear error; `reject: false` keeps a killed child from
   * ever becoming an unhandled rejection.
   */
  static async start(start: ChildStart, onEvent: (event: LinkEvent) => void): Promise<ChildHandle> {
    // execa's types name an fd number only for stdin, stdout and stderr; at run time it hands
    // a number at any index straight to spawn (the link's tests fstat the child's fds 3 and 4).
    const stdio = ['pipe', 'pipe', 'pipe', ...start.stdio, 'pipe'] as unknown as Options['stdio'];
    const options: Options = {
      stdio,
      buffer: false,
      reject: false,
      // Our own exit paths kill the child (link.close) before anything else runs.
      cleanup: false,
    };
    // Loaded when the first child is forked, not when the program starts (about 15 ms).
    const { execa } = await import('execa');
    const child = execa(process.execPath, [start.script, ...start.args], options);
    if (child.pid === undefined) {
      const result: { code?: string; shortMessage?: string } = await child;
      const code = errnoCode(result);
      throw new Error(`could not start the child process: ${code} (${result.shortMessage?.split('\n')[0] ?? code})`);
    }
    // The result promise settles when the child ends; nothing waits on it but this.
    void child.catch(() => {});
    return new ChildHandle(child, onEvent);
  }

  get exit(): ChildExit | null {
    return this.exitStatus;
  }

  /** The line of its stderr that says what went wrong (Node prints the error after the source line it points at). */
  get errorLine(): string {
    const lines = this.stderrTail.split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.find((l) => /^[A-Z][A-Za-z]*Error\b|^Error\b/.test(l)) ?? lines[0] ?? '';
  }

  /** What the child printed on stderr (its last 4000 characters), for an error screen. */
  get stderr(): string {
    return this.stderrTail;
  }

  /** A control line on the child's stdin: a keyboard line, or a knob. */
  send(message: ControlMessage): void {
    if (this.exitStatus) return;
    this.stdin?.write(encodeLine(message));
  }

  /** SIGKILL now (synchronously), and no more lines to or from it. */
  kill(): void {
    if (!this.exitStatus) this.child.kill('SIGKILL');
    this.stdin?.destroy();
    this.lifeline?.destroy();
  }
}
