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
//
// Four wirings (events.ts, Wiring). On the pipe wirings the above holds. On a socket
// (one socketpair made by spawn, the child's end blocking at fd 3, used both ways) the
// parent's end is non-blocking and Node cannot clear that: the parent reads through its
// event loop, whose thread waits in epoll_wait and reads as soon as the kernel says the
// socket is readable; the parent says so ('waiting-epoll'), never 'reading'. The named
// wiring is one shared FIFO kept at a path until the link closes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import { fileURLToPath } from 'node:url';
import { LineSplitter, encodeLine, parseEvent, type ControlMessage } from './child-protocol.js';
import {
  describeFd,
  errnoCode,
  modeOfWiring,
  nowUs,
  wiringOfMode,
  type EpollWait,
  type FdInfo,
  type LinkEvent,
  type PipeMode,
  type ProcActivity,
  type WiredLinkEvent,
  type Wiring,
} from './events.js';
import { findFifoHolders, type FifoHolder } from './fifo-holders.js';
import { FrameDecoder, MAX_MESSAGE_BYTES, encodeFrame, type Frame } from './framing.js';
import { openKernelPipes, openNamedPipe, type EndKind, type NamedPipe } from './kernel-pipe.js';

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

/** libuv reads a socket into a buffer of this size (uv_alloc_cb): the size each of its read(2)s asks for. */
const EVENT_LOOP_READ_BYTES = 64 * 1024;

/** How long close() waits for its wake-up bytes to end its read before it writes them again (an outside reader may take them). */
const WAKE_RETRY_MS = 20;

export interface LinkOptions<E extends WiredLinkEvent = WiredLinkEvent> {
  /** The wiring; `mode` is the older name of the two pipe wirings ('two' is two-pipes, 'one' is one-pipe). */
  wiring?: Wiring;
  mode?: PipeMode;
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
  onEvent?: (event: E) => void;
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

/** The kernel objects of a link before the child is spawned. */
interface Wires {
  pipes: PipeDescription[];
  /** The parent's fds; -1 on a socket, whose end exists only once spawn has made it. */
  parentRead: number;
  parentWrite: number;
  /** What the child gets at fds 3 and 4: our fds (closed here after spawn), or spawn's own socketpair. */
  childStdio: [number | 'pipe', number | 'ignore'];
  named: NamedPipe | null;
}

/** Two pipes: each process keeps only the ends it uses. One pipe, or a named one: both hold both ends. A socket: spawn makes it. */
async function wire(wiring: Wiring): Promise<Wires> {
  if (wiring === 'socket') return { pipes: [], parentRead: -1, parentWrite: -1, childStdio: ['pipe', 'ignore'], named: null };
  const shared: EndKind[] = ['read-blocking', 'write-blocking', 'read-blocking', 'write-blocking'];
  if (wiring === 'named') {
    // A third write end, non-blocking, only for close(): its bytes end our own read (wakeUntilReturned).
    const named = await openNamedPipe([...shared, 'write-nonblocking']);
    const [parentRead, parentWrite, childRead, childWrite] = named.fds as [number, number, number, number];
    return { pipes: [{ name: 'shared', inode: named.inode }], parentRead, parentWrite, childStdio: [childRead, childWrite], named };
  }
  if (wiring === 'two-pipes') {
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
      childStdio: [childRead, childWrite],
      named: null,
    };
  }
  const [pipe] = await openKernelPipes([shared]);
  const [parentRead, parentWrite, childRead, childWrite] = pipe?.fds as [number, number, number, number];
  return { pipes: [{ name: 'shared', inode: pipe?.inode ?? 0 }], parentRead, parentWrite, childStdio: [childRead, childWrite], named: null };
}

/** Every fd this side opened for the child, closed once spawn has copied them (or failed). */
function closeChildCopies(wires: Wires): void {
  for (const fd of wires.childStdio) if (typeof fd === 'number') fs.closeSync(fd);
}

/** The fd under a net.Socket made by spawn (libuv's handle knows it; Node exposes it only there). */
function socketFd(socket: net.Socket): number {
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (typeof fd !== 'number' || fd < 0) throw new Error('the socket to the child has no file descriptor');
  return fd;
}

export function defaultChildScript(): string {
  return fileURLToPath(new URL('./child.js', import.meta.url));
}

type Settings = Required<Omit<LinkOptions, 'startTimeoutMs' | 'onEvent' | 'mode'>>;

/** Spawns the child with its ends at fds 3 and 4 (a socket: fd 3 both ways) and a lifeline at fd 5; a failure (EMFILE, EAGAIN...) becomes one clear error. */
async function spawnChild(options: Settings, wires: Wires): Promise<ChildProcess> {
  let child: ChildProcess;
  try {
    child = spawn(
      process.execPath,
      [
        options.childScript,
        ...['--turns', String(options.turns), '--first-turn', String(options.firstTurn), '--delay-ms', String(options.childDelayMs)],
        ...(options.echo ? ['--echo'] : []),
        ...(options.untraced ? ['--untraced'] : []),
        ...(options.wiring === 'socket' ? ['--one-fd'] : []),
      ],
      { stdio: ['pipe', 'pipe', 'pipe', ...wires.childStdio, 'pipe'] },
    );
  } finally {
    // The child has its own copies now (spawn is synchronous); ours would keep the pipe alive.
    closeChildCopies(wires);
  }
  if (child.pid === undefined) {
    // Node reports a failed spawn (no fds left, no processes left) as an 'error' event.
    const error = await new Promise<unknown>((resolve) => child.once('error', resolve));
    throw new Error(`could not start the child process: ${errnoCode(error)} (${error instanceof Error ? error.message : String(error)})`);
  }
  return child;
}

export class PipeLink<E extends WiredLinkEvent = LinkEvent> {
  readonly wiring: Wiring;
  /** 'one' when both processes read the same FIFO (one-pipe, named), 'two' otherwise (two-pipes, socket). */
  readonly mode: PipeMode;
  /** The kernel pipes; none on a socket (its ends are in parentFds and childFds, kind 'socket'). */
  readonly pipes: PipeDescription[];
  /** The named pipe's path (DIR/chat, a 0600 FIFO in a 0700 directory) while the link is open; null on other wirings. */
  readonly path: string | null;
  readonly parentFds: FdInfo[];
  childFds: FdInfo[] = [];
  readonly childPid: number;

  private readonly listeners = new Set<(event: E) => void>();
  /** The parent's end of the socketpair (socket wiring), read through the event loop. */
  private readonly socket: net.Socket | null;
  private readonly named: NamedPipe | null;
  private readonly wakeFd: number | null;
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
    options: Settings,
    wires: Wires,
  ) {
    this.wiring = options.wiring;
    this.mode = modeOfWiring(options.wiring);
    this.writeSeq = options.firstTurn - 1;
    this.pipes = wires.pipes;
    this.named = wires.named;
    this.path = wires.named?.path ?? null;
    this.wakeFd = wires.named?.fds[4] ?? null;
    this.socket = options.wiring === 'socket' ? ((child.stdio as unknown[])[3] as net.Socket) : null;
    this.readFd = this.socket ? socketFd(this.socket) : wires.parentRead;
    this.writeFd = this.socket ? this.readFd : wires.parentWrite;
    this.parentFds = [describeFd(this.readFd, 'read'), describeFd(this.writeFd, 'write')];
    this.childPid = child.pid ?? 0;
    if (this.named) process.once('exit', this.named.remove);
    this.socket
      ?.on('data', (chunk: Buffer) => {
        const at = nowUs();
        this.onRead(chunk.length, chunk, at, at);
      })
      .on('end', () => this.onRead(0, Buffer.alloc(0), nowUs(), nowUs()))
      .on('error', (error) => this.onRead(errnoCode(error), Buffer.alloc(0), nowUs(), nowUs()));

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

  /** Creates the pipes (or socket), forks the child, and resolves once the child has reported its fds. */
  static open(options: LinkOptions<LinkEvent> & { mode: PipeMode; wiring?: undefined }): Promise<PipeLink>;
  static open(options: LinkOptions & { wiring: Wiring }): Promise<PipeLink<WiredLinkEvent>>;
  static async open(options: LinkOptions<LinkEvent> | LinkOptions): Promise<PipeLink | PipeLink<WiredLinkEvent>> {
    const wiring = options.wiring ?? wiringOfMode(options.mode ?? 'two');
    const settings: Settings = {
      wiring,
      turns: options.turns ?? 3,
      firstTurn: options.firstTurn ?? 1,
      echo: options.echo ?? false,
      untraced: options.untraced ?? false,
      childDelayMs: options.childDelayMs ?? 0,
      childScript: options.childScript ?? defaultChildScript(),
    };
    const wires = await wire(wiring);
    let child: ChildProcess;
    try {
      child = await spawnChild(settings, wires);
    } catch (error) {
      for (const fd of [wires.parentRead, wires.parentWrite, wires.named?.fds[4] ?? -1]) if (fd >= 0) fs.closeSync(fd);
      wires.named?.remove();
      throw error;
    }
    const link = new PipeLink<WiredLinkEvent>(child, settings, wires);
    // A link opened by mode emits only LinkEvents (see emit).
    if (options.onEvent) link.subscribe(options.onEvent as (event: WiredLinkEvent) => void);
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

  subscribe(listener: (event: E) => void): () => void {
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
    if (this.socket) this.emit({ type: 'activity', proc: 'parent', activity: { doing: 'waiting-epoll', fd: this.readFd } satisfies EpollWait, at: nowUs() });
    else {
      this.activity({ doing: 'reading', fd: this.readFd });
      if (!this.readInFlight) this.startRead();
    }
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
    if (this.closed) return this.closing;
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
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.named?.remove();
      if (this.named) process.removeListener('exit', this.named.remove);
      this.settle(null);
      if (!this.childExit) this.child.kill('SIGKILL');
      this.child.stdin?.destroy();
      this.lifeline?.destroy();
      // With the child gone and our write end closed, no writer is left: the read returns 0.
      // On a named pipe an outside process may still hold a write end: our own bytes end it.
      if (this.writesInFlight === 0) this.releaseWriteEnd();
      if (!this.readInFlight && !this.socket) fs.closeSync(this.readFd);
      this.closing = this.finishClose();
    }
    return this.closing;
  }

  /**
   * Named wiring only: every other process that has the FIFO open now (never the parent
   * or the child), from /proc, with its rchar and wchar. A scan of /proc: call it at most
   * once a second. Empty on other wirings and once the link is closed.
   */
  outsideHolders(): FifoHolder[] {
    if (!this.named || this.closed) return [];
    return findFifoHolders({ dev: this.named.dev, ino: this.named.inode }, [process.pid, this.childPid]);
  }

  /** Removes the named pipe's path and directory now, synchronously (for a signal handler); close() does it too. */
  removePath(): void {
    this.named?.remove();
  }

  private closing: Promise<void> = Promise.resolve();

  private async finishClose(): Promise<void> {
    await this.exited;
    if (this.wakeFd !== null) {
      await this.wakeUntilReturned();
      fs.closeSync(this.wakeFd);
    }
    await this.readInFlight;
  }

  /**
   * Ends our read on a named pipe: an outside process holding a write end keeps end of
   * file away for as long as it likes, so we write our own wake-up bytes through a
   * non-blocking end of ours. An outside reader may take them first: then write again.
   * EAGAIN means the pipe is full, and a full pipe ends any read at once.
   */
  private async wakeUntilReturned(): Promise<void> {
    while (this.readInFlight && this.wakeFd !== null) {
      try {
        fs.writeSync(this.wakeFd, WAKE_FRAME);
      } catch {
        // EAGAIN: full, so the read returns with what is there
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.readInFlight, new Promise((resolve) => (timer = setTimeout(resolve, WAKE_RETRY_MS)))]);
      clearTimeout(timer);
    }
  }

  private releaseWriteEnd(): void {
    if (this.socket) this.socket.destroy();
    else fs.closeSync(this.writeFd);
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
      if (this.closed && this.writesInFlight === 0) this.releaseWriteEnd();
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
        const result = error ? errnoCode(error) : n;
        this.onRead(result, this.readBuffer.subarray(0, typeof result === 'number' ? result : 0), start, nowUs());
        done();
      });
    });
  }

  /**
   * One read(2) returned: on a pipe, ours on a pool thread; on a socket, the event loop's
   * (it reads as soon as epoll says the socket is readable, so it did not block: start is at).
   */
  private onRead(result: number | string, bytes: Buffer, start: number, at: number): void {
    if (this.closed) {
      if (!this.socket) fs.closeSync(this.readFd);
      return;
    }
    this.emit(() => ({
      type: 'syscall',
      proc: 'parent',
      call: 'read',
      fd: this.readFd,
      requested: this.socket ? EVENT_LOOP_READ_BYTES : this.readBuffer.length,
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
    } else if (!this.socket) {
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
  private emit(event: WiredLinkEvent | (() => WiredLinkEvent)): void {
    if (this.listeners.size === 0) return;
    // E is LinkEvent only for links opened by mode, which never wait in epoll.
    const value = (typeof event === 'function' ? event() : event) as E;
    for (const listener of this.listeners) listener(value);
  }
}
