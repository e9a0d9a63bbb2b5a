// The parent's side of the conversation: it creates the kernel pipes, forks the child
// with its ends at fds 3 and 4, and performs the parent's own read(2) and write(2)
// calls. Every call, the parent's and (through the child's report) the child's,
// comes out of `subscribe` as a LinkEvent; nothing is emitted that did not happen.
//
// The parent's calls are the textbook's: a blocking read(2) and write(2) on its own
// blocking file descriptions, made on a thread of libuv's pool (fs.read, fs.write) so
// that the UI thread only draws. While the parent waits, a thread of this process sits
// in read(2) on the fd the screen names. One read(2) is made each time the parent asks
// to read (and again only while a frame is incomplete): between reads the parent
// really does not read, which matters on a shared pipe, where any read takes whatever
// bytes are there. A read in flight cannot be interrupted: it ends with bytes or end of
// file, so every way out ends it (the child killed and our write end closed, or our
// own wake-up bytes, see wakeRead), and process exit waits for that.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import { fileURLToPath } from 'node:url';
import { LineSplitter, encodeLine, parseEvent, type ControlMessage } from './child-protocol.js';
import { errnoCode, nowUs, type FdInfo, type LinkEvent, type PipeMode, type ProcActivity } from './events.js';
import { FrameDecoder, MAX_MESSAGE_BYTES, encodeFrame, type Frame } from './framing.js';
import { openKernelPipes, type EndKind } from './kernel-pipe.js';

/** How many threads of libuv's pool the link needs: one sits in the parent's read(2) while it waits, one makes its write(2). */
export const IO_THREADS_NEEDED = 2;

/**
 * The pool size the environment asks for, if it is too small for the link. libuv starts
 * its pool while Node loads the program (before any of our code runs), so a size set by
 * UV_THREADPOOL_SIZE cannot be changed from here: with one thread, the parent's write
 * would wait behind a read that waits for it.
 */
export function tooFewIoThreads(env: NodeJS.ProcessEnv = process.env): number | null {
  const size = Number.parseInt(env.UV_THREADPOOL_SIZE ?? '', 10);
  return Number.isInteger(size) && size < IO_THREADS_NEEDED ? size : null;
}

/** The parent never sends message 0: these bytes only end its own blocked read (wakeRead). */
const WAKE_FRAME = encodeFrame('parent', 0, '');

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
  /** The next whole frame the parent reads; null at end of file, on an error, or when cancelled. */
  frame: Promise<Frame | null>;
  /** Stops waiting for a frame. A read(2) already in flight goes on until bytes or end of file end it. */
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
      ['read-blocking', 'write-blocking'],
      ['write-blocking', 'read-blocking'],
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
  const [shared] = await openKernelPipes([['read-blocking', 'write-blocking', 'read-blocking', 'write-blocking']]);
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

/** Spawns the child with its pipe ends at fds 3 and 4 and a lifeline at fd 5; a failure (EMFILE, EAGAIN...) becomes one clear error. */
async function spawnChild(options: Required<Omit<LinkOptions, 'startTimeoutMs' | 'onEvent'>>, wiring: Wiring): Promise<ChildProcess> {
  let child: ChildProcess;
  try {
    child = spawn(
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
  if (child.pid === undefined) {
    // Node reports a failed spawn (no fds left, no processes left) as an 'error' event.
    const error = await new Promise<unknown>((resolve) => child.once('error', resolve));
    throw new Error(`could not start the child process: ${errnoCode(error)} (${error instanceof Error ? error.message : String(error)})`);
  }
  return child;
}

export class PipeLink {
  readonly mode: PipeMode;
  readonly pipes: PipeDescription[];
  readonly parentFds: FdInfo[];
  childFds: FdInfo[] = [];
  readonly childPid: number;

  private readonly listeners = new Set<Listener>();
  /** Never written: its end of file tells the child that the parent is gone. */
  private readonly lifeline: net.Socket | undefined;
  private readonly readFd: number;
  private readonly writeFd: number;
  private readonly readBuffer = Buffer.alloc(MAX_MESSAGE_BYTES + 64);
  private readonly decoder = new FrameDecoder();
  private readonly received: Frame[] = [];
  /** The caller waiting for a frame, if any. */
  private wanted: { resolve: (frame: Frame | null) => void } | null = null;
  /** Settles when the read(2) in flight returns; null when none is. */
  private readInFlight: Promise<void> | null = null;
  private writesInFlight = 0;
  private readEnded = false;
  private writeSeq: number;
  private closed = false;
  private childExit: { code: number | null; signal: string | null } | null = null;
  private readonly exited: Promise<void>;
  private stderrTail = '';

  private constructor(
    private readonly child: ChildProcess,
    options: Required<Omit<LinkOptions, 'startTimeoutMs' | 'onEvent'>>,
    wiring: Wiring,
  ) {
    this.mode = options.mode;
    this.writeSeq = options.firstTurn - 1;
    this.pipes = wiring.pipes;
    this.readFd = wiring.parentRead;
    this.writeFd = wiring.parentWrite;
    this.parentFds = [describe(wiring.parentRead, 'read'), describe(wiring.parentWrite, 'write')];
    this.childPid = child.pid ?? 0;

    child.stdout?.setEncoding('utf8');
    const splitter = new LineSplitter();
    child.stdout?.on('data', (chunk: string) => {
      for (const line of splitter.push(chunk)) {
        const event = parseEvent(line);
        if (event?.type === 'hello') this.childFds = event.fds;
        if (event) this.emit(event);
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
    this.lifeline = (child.stdio as unknown[])[5] as net.Socket | undefined;
    // EPIPE on a dead child's stdin must not kill the parent.
    for (const stream of [child.stdin, this.lifeline]) stream?.on('error', () => {});
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.childExit = { code, signal };
        this.emit({ type: 'exit', proc: 'child', code, signal, at: nowUs() });
        resolve();
      });
    });
    child.on('error', (error) => {
      this.stderrTail += `\n${error.message}`;
    });
  }

  /** Creates the pipes, forks the child, and resolves once the child has reported its fds. */
  static async open(options: LinkOptions): Promise<PipeLink> {
    const settings = {
      mode: options.mode,
      turns: options.turns ?? 3,
      firstTurn: options.firstTurn ?? 1,
      echo: options.echo ?? false,
      untraced: options.untraced ?? false,
      childDelayMs: options.childDelayMs ?? 0,
      childScript: options.childScript ?? defaultChildScript(),
    };
    const wiring = await wire(options.mode);
    let child: ChildProcess;
    try {
      child = await spawnChild(settings, wiring);
    } catch (error) {
      fs.closeSync(wiring.parentRead);
      fs.closeSync(wiring.parentWrite);
      throw error;
    }
    const link = new PipeLink(child, settings, wiring);
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

  /** Starts the parent's read: one blocking read(2), and another only while a frame is incomplete. */
  read(): PendingRead {
    if (this.wanted) throw new Error('the parent is already reading');
    const queued = this.received.shift();
    if (queued) {
      this.emit({ type: 'message', proc: 'parent', frame: queued, at: nowUs() });
      return { frame: Promise.resolve(queued), cancel: () => {} };
    }
    if (this.readEnded || this.closed) return { frame: Promise.resolve(null), cancel: () => {} };
    let wanted: { resolve: (frame: Frame | null) => void } | null = null;
    const frame = new Promise<Frame | null>((resolve) => {
      wanted = { resolve };
      this.wanted = wanted;
    });
    this.activity({ doing: 'reading', fd: this.readFd });
    if (!this.readInFlight) this.startRead();
    return {
      frame,
      cancel: () => {
        // Only this read: a late cancel must not stop a read started after it.
        if (!wanted || this.wanted !== wanted) return;
        this.settle(null);
      },
    };
  }

  /** True while a read(2) of the parent's has not returned (the thread that made it is blocked in it). */
  get readPending(): boolean {
    return this.readInFlight !== null;
  }

  /**
   * Ends the parent's read in flight with bytes of its own, written through its own write
   * end: only on one shared pipe, and only when no other process is reading it (the
   * child is at its keyboard), or another reader could take them. Resolves once the
   * read has returned; the wake-up bytes are read and dropped.
   */
  async wakeRead(): Promise<void> {
    const inFlight = this.readInFlight;
    if (!inFlight) return;
    if (this.mode !== 'one') throw new Error('only a shared pipe lets the parent wake its own read');
    this.settle(null);
    await this.writeBytes(WAKE_FRAME);
    await inFlight;
  }

  /** Writes one framed message with a blocking write(2); resolves with the bytes written or the errno code (EPIPE when no reader is left). */
  async write(text: string): Promise<number | string> {
    this.activity({ doing: 'writing', fd: this.writeFd });
    return this.writeBytes(encodeFrame('parent', ++this.writeSeq, text));
  }

  /** Reports the parent's own activity (typing, sleeping...) in the same stream. */
  activity(activity: ProcActivity): void {
    this.emit({ type: 'activity', proc: 'parent', activity, at: nowUs() });
  }

  /**
   * Kills the child, closes every fd this link opened, and resolves once the child is
   * gone and the parent's read (if one is in flight) has returned. Everything that ends
   * the read happens synchronously, before the first await: an exit path that cannot
   * wait (a signal, process.exit) still leaves no thread blocked for good.
   */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.settle(null);
      if (!this.childExit) this.child.kill('SIGKILL');
      this.child.stdin?.destroy();
      this.lifeline?.destroy();
      // With the child gone and our write end closed, no writer is left: the read returns 0.
      if (this.writesInFlight === 0) fs.closeSync(this.writeFd);
      if (!this.readInFlight) fs.closeSync(this.readFd);
    }
    await this.exited;
    await this.readInFlight;
  }

  private async writeBytes(frame: Buffer): Promise<number | string> {
    let off = 0;
    while (off < frame.length) {
      if (this.closed) return 'EBADF';
      const start = nowUs();
      this.writesInFlight++;
      const result = await new Promise<number | string>((resolve) => {
        fs.write(this.writeFd, frame, off, frame.length - off, null, (error, n) => resolve(error ? errnoCode(error) : n));
      });
      this.writesInFlight--;
      if (this.closed && this.writesInFlight === 0) fs.closeSync(this.writeFd);
      const at = nowUs();
      this.emit(() => ({
        type: 'syscall',
        proc: 'parent',
        call: 'write',
        fd: this.writeFd,
        requested: frame.length - off,
        result,
        data: typeof result === 'number' ? frame.subarray(off, off + result).toString('base64') : '',
        start,
        at,
      }));
      if (typeof result !== 'number') return result;
      off += result;
    }
    return off;
  }

  /** One read(2) on a pool thread, which blocks in it until bytes or end of file. */
  private startRead(): void {
    const start = nowUs();
    this.readInFlight = new Promise((done) => {
      fs.read(this.readFd, this.readBuffer, 0, this.readBuffer.length, null, (error, n) => {
        this.readInFlight = null;
        this.onRead(error ? errnoCode(error) : n, start, nowUs());
        done();
      });
    });
  }

  private onRead(result: number | string, start: number, at: number): void {
    if (this.closed) {
      fs.closeSync(this.readFd);
      return;
    }
    const bytes = typeof result === 'number' ? this.readBuffer.subarray(0, result) : this.readBuffer.subarray(0, 0);
    this.emit(() => ({
      type: 'syscall',
      proc: 'parent',
      call: 'read',
      fd: this.readFd,
      requested: this.readBuffer.length,
      result,
      data: bytes.toString('base64'),
      start,
      at,
    }));
    if (typeof result !== 'number' || result === 0) {
      this.readEnded = true;
      this.settle(null);
      return;
    }
    const { frames, errors } = this.decoder.push(bytes);
    for (const error of errors) this.emit({ type: 'frame-error', proc: 'parent', error: error.message, at });
    this.received.push(...frames.filter((frame) => !(frame.writer === 'parent' && frame.seq === 0)));
    if (!this.wanted) return;
    const first = this.received.shift();
    if (first) {
      this.emit({ type: 'message', proc: 'parent', frame: first, at });
      this.settle(first);
    } else {
      this.startRead();
    }
  }

  private settle(frame: Frame | null): void {
    const wanted = this.wanted;
    this.wanted = null;
    wanted?.resolve(frame);
  }

  private control(message: ControlMessage): void {
    if (this.closed || this.childExit) return;
    this.child.stdin?.write(encodeLine(message));
  }

  /** A thunk is only evaluated when someone listens (the benchmark measures the link without a UI). */
  private emit(event: LinkEvent | (() => LinkEvent)): void {
    if (this.listeners.size === 0) return;
    const value = typeof event === 'function' ? event() : event;
    for (const listener of this.listeners) listener(value);
  }
}
