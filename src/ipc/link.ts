// The parent's side of the conversation: it creates the kernel pipes, forks the child
// with its ends at fds 3 and 4, and performs the parent's own read(2) and write(2)
// calls. Every call, the parent's and (through the child's report) the child's,
// comes out of `subscribe` as a LinkEvent; nothing is emitted that did not happen.
//
// Reads go through a net.Socket with a fixed `onread` buffer that stops after each
// complete frame: between reads the parent really does not read, which matters on a
// shared pipe, where any read takes whatever bytes are there.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { LineSplitter, encodeLine, parseEvent, type ControlMessage } from './child-protocol.js';
import { errnoCode, nowUs, type FdInfo, type LinkEvent, type PipeMode, type ProcActivity } from './events.js';
import { FrameDecoder, MAX_MESSAGE_BYTES, encodeFrame, type Frame } from './framing.js';
import { openKernelPipes, type EndKind } from './kernel-pipe.js';

export interface LinkOptions {
  mode: PipeMode;
  /** Turns the child plays before it exits; 0 for no limit. */
  turns?: number;
  /** The turn the child starts at (a child forked mid-conversation goes on from there). */
  firstTurn?: number;
  /** The child's sleep between its write and its read (the textbook's sleep). */
  childDelayMs?: number;
  /** The built child entry point; defaults to child.js beside this bundle. */
  childScript?: string;
  /** Benchmark only: the child sends every message straight back instead of playing turns. */
  echo?: boolean;
  /** Benchmark only: the child makes the same calls but does not report them. */
  untraced?: boolean;
  /** How long to wait for the child to report its fds. */
  startTimeoutMs?: number;
  /** Subscribed before the child can report anything: subscribe() after open() misses its first events. */
  onEvent?: (event: LinkEvent) => void;
}

export interface PipeDescription {
  name: 'child-to-parent' | 'parent-to-child' | 'shared';
  inode: number;
}

export interface PendingRead {
  /** The next whole frame the parent reads; null at end of file or when cancelled. */
  frame: Promise<Frame | null>;
  /** Stops reading; bytes not yet read stay in the pipe. */
  cancel(): void;
}

type Listener = (event: LinkEvent) => void;

interface Wiring {
  pipes: PipeDescription[];
  parentRead: number;
  parentWrite: number;
  childRead: number;
  childWrite: number;
}

/** Two pipes: each process keeps only the ends it uses. One pipe: both hold both ends. */
async function wire(mode: PipeMode): Promise<Wiring> {
  if (mode === 'two') {
    const ends: EndKind[][] = [
      ['read-nonblocking', 'write-blocking'],
      ['write-nonblocking', 'read-blocking'],
    ];
    const [up, down] = (await openKernelPipes(ends)) as [{ inode: number; fds: number[] }, { inode: number; fds: number[] }];
    const [parentRead, childWrite] = up.fds as [number, number];
    const [parentWrite, childRead] = down.fds as [number, number];
    return {
      pipes: [
        { name: 'child-to-parent', inode: up.inode },
        { name: 'parent-to-child', inode: down.inode },
      ],
      parentRead,
      parentWrite,
      childRead,
      childWrite,
    };
  }
  const [shared] = await openKernelPipes([['read-nonblocking', 'write-nonblocking', 'read-blocking', 'write-blocking']]);
  const [parentRead, parentWrite, childRead, childWrite] = shared?.fds as [number, number, number, number];
  return { pipes: [{ name: 'shared', inode: shared?.inode ?? 0 }], parentRead, parentWrite, childRead, childWrite };
}

function describe(fd: number, end: 'read' | 'write'): FdInfo {
  const stat = fs.fstatSync(fd);
  return { fd, end, isFifo: stat.isFIFO(), inode: stat.ino };
}

export function defaultChildScript(): string {
  return fileURLToPath(new URL('./child.js', import.meta.url));
}

export class PipeLink {
  readonly mode: PipeMode;
  readonly pipes: PipeDescription[];
  readonly parentFds: FdInfo[];
  childFds: FdInfo[] = [];
  readonly childPid: number;

  private readonly listeners = new Set<Listener>();
  private readonly child: ChildProcess;
  /** Never written: its end of file tells the child that the parent is gone. */
  private readonly lifeline: net.Socket | undefined;
  private readonly readSocket: net.Socket;
  private readonly writeFd: number;
  private readonly readBuffer = Buffer.alloc(MAX_MESSAGE_BYTES + 64);
  private readonly decoder = new FrameDecoder();
  private readonly received: Frame[] = [];
  private activeRead: { resolve: (frame: Frame | null) => void } | null = null;
  private writeSeq: number;
  private closed = false;
  private childExit: { code: number | null; signal: string | null } | null = null;
  private readonly exited: Promise<void>;
  private stderrTail = '';

  private constructor(options: Required<Omit<LinkOptions, 'startTimeoutMs' | 'onEvent'>>, wiring: Wiring) {
    this.mode = options.mode;
    this.writeSeq = options.firstTurn - 1;
    this.pipes = wiring.pipes;
    this.writeFd = wiring.parentWrite;
    this.parentFds = [describe(wiring.parentRead, 'read'), describe(wiring.parentWrite, 'write')];
    try {
      // Plain spawn, not execa: the child needs raw fds at exact numbers and unbuffered,
      // untransformed stdio. fd 3 and 4 are its pipe ends, fd 5 its lifeline (see child.ts).
      this.child = spawn(
        process.execPath,
        [
          options.childScript,
          ...['--turns', String(options.turns), '--first-turn', String(options.firstTurn), '--delay-ms', String(options.childDelayMs)],
          ...(options.echo ? ['--echo'] : []),
          ...(options.untraced ? ['--untraced'] : []),
        ],
        { stdio: ['pipe', 'pipe', 'pipe', wiring.childRead, wiring.childWrite, 'pipe'] },
      );
    } finally {
      // The child has its own copies now (spawn is synchronous); ours would keep the pipe alive.
      fs.closeSync(wiring.childRead);
      fs.closeSync(wiring.childWrite);
    }
    this.childPid = this.child.pid ?? 0;

    const onread: net.OnReadOpts = { buffer: this.readBuffer, callback: (n) => this.onRead(n) };
    // `onread` works on any net.Socket (Node docs); @types/node lists it only for connect().
    this.readSocket = new net.Socket({ fd: wiring.parentRead, readable: true, writable: false, onread } as net.SocketConstructorOpts);
    // Not reading until asked: on a shared pipe an eager reader would take the child's bytes.
    this.readSocket.pause();
    this.readSocket.on('end', () => this.finishRead(0));
    this.readSocket.on('error', (error) => this.finishRead(errnoCode(error)));

    this.child.stdout?.setEncoding('utf8');
    const splitter = new LineSplitter();
    this.child.stdout?.on('data', (chunk: string) => {
      for (const line of splitter.push(chunk)) {
        const event = parseEvent(line);
        if (event?.type === 'hello') this.childFds = event.fds;
        if (event) this.emit(event);
      }
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
    this.lifeline = (this.child.stdio as unknown[])[5] as net.Socket | undefined;
    // EPIPE on a dead child's stdin must not kill the parent.
    for (const stream of [this.child.stdin, this.lifeline]) stream?.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.childExit = { code, signal };
        this.emit({ type: 'exit', proc: 'child', code, signal, at: nowUs() });
        resolve();
      });
    });
    this.child.on('error', (error) => {
      this.stderrTail += `\n${error.message}`;
    });
  }

  /** Creates the pipes, forks the child, and resolves once the child has reported its fds. */
  static async open(options: LinkOptions): Promise<PipeLink> {
    const link = new PipeLink(
      {
        mode: options.mode,
        turns: options.turns ?? 3,
        firstTurn: options.firstTurn ?? 1,
        echo: options.echo ?? false,
        untraced: options.untraced ?? false,
        childDelayMs: options.childDelayMs ?? 0,
        childScript: options.childScript ?? defaultChildScript(),
      },
      await wire(options.mode),
    );
    if (options.onEvent) link.subscribe(options.onEvent);
    const timeoutMs = options.startTimeoutMs ?? 10_000;
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the child did not start within ${timeoutMs} ms`)), timeoutMs);
        const stop = link.subscribe((event) => {
          if (event.type !== 'hello' && event.type !== 'exit') return;
          clearTimeout(timer);
          stop();
          if (event.type === 'hello') resolve();
          else reject(new Error(`the child exited before it started: ${link.stderrTail.trim() || `code ${event.code}`}`));
        });
      });
    } catch (error) {
      await link.close();
      throw error;
    }
    return link;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get exitStatus(): { code: number | null; signal: string | null } | null {
    return this.childExit;
  }

  /** What the child printed on stderr, for an error screen. */
  get childStderr(): string {
    return this.stderrTail;
  }

  /** A line typed at the child's keyboard. It reaches the child on stdin; the child writes it to the pipe itself. */
  typeForChild(text: string): void {
    this.control({ type: 'keyboard', text });
  }

  setChildDelay(ms: number): void {
    this.control({ type: 'delay', ms });
  }

  /** Starts the parent's read: one read(2) each time the pipe has bytes, until a whole frame. */
  read(): PendingRead {
    if (this.activeRead) throw new Error('the parent is already reading');
    const queued = this.received.shift();
    if (queued) {
      this.emit({ type: 'message', proc: 'parent', frame: queued, at: nowUs() });
      return { frame: Promise.resolve(queued), cancel: () => {} };
    }
    let active: { resolve: (frame: Frame | null) => void } | null = null;
    const frame = new Promise<Frame | null>((resolve) => {
      active = { resolve };
      this.activeRead = active;
    });
    this.activity({ doing: 'reading', fd: this.parentFds[0]?.fd ?? -1 });
    this.readSocket.resume();
    return {
      frame,
      cancel: () => {
        // Only this read: a late cancel must not stop a read started after it.
        if (!active || this.activeRead !== active) return;
        this.readSocket.pause();
        this.activeRead = null;
        active.resolve(null);
      },
    };
  }

  /**
   * Writes one framed message with write(2) on a non-blocking fd: a full pipe gives
   * EAGAIN and a retry later, never a blocked UI. Resolves with the bytes written or
   * the errno code that stopped it (EPIPE when no reader is left).
   */
  async write(text: string): Promise<number | string> {
    const frame = encodeFrame('parent', ++this.writeSeq, text);
    const fd = this.writeFd;
    this.activity({ doing: 'writing', fd });
    let off = 0;
    let backoffMs = 1;
    while (off < frame.length) {
      if (this.closed) return 'EBADF';
      let result: number | string;
      try {
        result = fs.writeSync(fd, frame, off);
      } catch (error) {
        result = errnoCode(error);
      }
      this.emit(() => ({
        type: 'syscall',
        proc: 'parent',
        call: 'write',
        fd,
        requested: frame.length - off,
        result,
        data: typeof result === 'number' ? frame.subarray(off, off + result).toString('base64') : '',
        at: nowUs(),
      }));
      if (typeof result === 'number') {
        off += result;
        backoffMs = 1;
      } else if (result === 'EAGAIN') {
        await new Promise((resolve) => setTimeout(resolve, backoffMs));
        backoffMs = Math.min(backoffMs * 2, 64);
      } else {
        return result;
      }
    }
    return off;
  }

  /** Reports the parent's own activity (typing, sleeping...) in the same stream. */
  activity(activity: ProcActivity): void {
    this.emit({ type: 'activity', proc: 'parent', activity, at: nowUs() });
  }

  /** Kills the child, waits for it, and closes every fd this link opened. */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.activeRead?.resolve(null);
      this.activeRead = null;
      if (!this.childExit) this.child.kill('SIGKILL');
      this.child.stdin?.destroy();
      this.lifeline?.destroy();
      this.readSocket.destroy();
      fs.closeSync(this.writeFd);
    }
    await this.exited;
  }

  private control(message: ControlMessage): void {
    if (this.closed || this.childExit) return;
    this.child.stdin?.write(encodeLine(message));
  }

  private onRead(n: number): boolean {
    this.emit(() => ({
      type: 'syscall',
      proc: 'parent',
      call: 'read',
      fd: this.parentFds[0]?.fd ?? -1,
      requested: this.readBuffer.length,
      result: n,
      data: this.readBuffer.subarray(0, n).toString('base64'),
      at: nowUs(),
    }));
    const { frames, errors } = this.decoder.push(this.readBuffer.subarray(0, n));
    for (const error of errors) this.emit({ type: 'frame-error', proc: 'parent', error: error.message, at: nowUs() });
    this.received.push(...frames);
    const first = this.received.shift();
    if (!first) return true;
    this.emit({ type: 'message', proc: 'parent', frame: first, at: nowUs() });
    this.settleRead(first);
    return false;
  }

  private finishRead(result: number | string): void {
    if (!this.activeRead) return;
    if (result !== 0 || !this.closed) {
      this.emit({
        type: 'syscall',
        proc: 'parent',
        call: 'read',
        fd: this.parentFds[0]?.fd ?? -1,
        requested: this.readBuffer.length,
        result,
        data: '',
        at: nowUs(),
      });
    }
    this.settleRead(null);
  }

  private settleRead(frame: Frame | null): void {
    const active = this.activeRead;
    this.activeRead = null;
    this.readSocket.pause();
    active?.resolve(frame);
  }

  /** A thunk is only evaluated when someone listens (the benchmark measures the link without a UI). */
  private emit(event: LinkEvent | (() => LinkEvent)): void {
    if (this.listeners.size === 0) return;
    const value = typeof event === 'function' ? event() : event;
    for (const listener of this.listeners) listener(value);
  }
}
