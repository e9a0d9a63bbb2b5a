// The parent's end of the conversation and the calls it makes there: the channel's
// blocking read and write (read(2)/write(2) on blocking file descriptions of its own, or
// a queue's msgrcv/msgsnd: channel-ends.ts ParentCalls), made on a thread of libuv's
// pool so that the UI thread only draws. While the parent waits, a thread of this
// process sits in the call the screen names (the socketpair is made by the parent
// through libc, blocking at both ends). One read(2) is made each time the parent asks to read (and
// again only while a frame is incomplete): between reads the parent really does not
// read, which matters on a shared pipe, where any read takes whatever bytes are there.
//
// A read in flight cannot be interrupted: bytes or end of file end it. So every way out
// ends it the way its channel says (channels/*/ends.ts): the link kills the child and
// this closes our write end (a pipe: no writer left, the read returns 0), or shuts the
// socket down, or our own wake-up bytes end it (wakeRead; on a named pipe, where an
// outside process may hold a write end, close() writes them until the read returns), or
// the link removes the queue (IPC_RMID) and the read returns EIDRM.
// process.exit() waits for a pool thread blocked in read(2): that is why.
import fs from 'node:fs';
import type { CallResult, ParentCalls } from '../channels/channel-ends.js';
import { nowUs, type WiredLinkEvent } from './events.js';
import { FrameDecoder, MAX_MESSAGE_BYTES, WAKE_FRAME, isWakeFrame, type Frame } from './framing.js';

/** How long close() waits for its wake-up bytes to end its read before it writes them again (an outside reader may take them). */
const WAKE_RETRY_MS = 20;

export interface PendingRead {
  /** The next whole frame the parent reads; null at end of file, on an error, or when cancelled. */
  frame: Promise<Frame | null>;
  /** Stops waiting for a frame. A read(2) already in flight goes on until bytes or end of file end it. */
  cancel(): void;
}

export interface Ends {
  /** The fds read and written; the same fd on a socket, which is two-way; -1 where the channel has none. */
  readFd: number;
  writeFd: number;
  /** The blocking read and write, and how the screen names them. */
  calls: ParentCalls;
  /** Ends a read(2) or write(2) in flight at once, before the fds are closed (a socket: shutdown); null where closing our write end does it. */
  shutdown: (() => void) | null;
  /** A non-blocking write end kept only to end our own read at close (named pipe); null elsewhere. */
  wakeFd: number | null;
  /** Both processes read the same pipe: our own bytes can end our read (one-pipe, named). */
  shared: boolean;
}

type Emit = (event: WiredLinkEvent | (() => WiredLinkEvent)) => void;

export class ParentEnd {
  private readonly readBuffer = Buffer.alloc(MAX_MESSAGE_BYTES + 64);
  private readonly decoder = new FrameDecoder();
  private readonly received: Frame[] = [];
  /** The caller waiting for a frame, if any. */
  private wanted: { resolve: (frame: Frame | null) => void } | null = null;
  /** Settles when the read(2) in flight returns; null when none is. */
  private readInFlight: Promise<void> | null = null;
  private writesInFlight = 0;
  private readEnded = false;
  private closed = false;

  private readonly open = new Set<number>();

  constructor(
    private readonly ends: Ends,
    private readonly emit: Emit,
  ) {
    for (const fd of [ends.readFd, ends.writeFd]) if (fd >= 0) this.open.add(fd);
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
    this.emit({ type: 'activity', proc: 'parent', activity: { doing: 'reading', ...this.ends.calls.read }, at: nowUs() });
    if (!this.readInFlight) this.startRead();
    return {
      frame,
      cancel: () => {
        // Only this read: a late cancel must not stop a read started after it.
        if (wanted && this.wanted === wanted) this.settle(null);
      },
    };
  }

  /** True while a read(2) of the parent's has not returned (the thread that made it is blocked in it). */
  get readPending(): boolean {
    return this.readInFlight !== null;
  }

  /**
   * Ends the read in flight with bytes of our own, written through our own write end:
   * only on a shared pipe, and only when no other process is reading it (the child is at
   * its keyboard), or another reader could take them. Resolves once the read has returned.
   */
  async wakeRead(): Promise<void> {
    const inFlight = this.readInFlight;
    if (!inFlight || this.closed) return;
    if (!this.ends.shared) throw new Error('only a shared pipe lets the parent wake its own read');
    this.settle(null);
    await this.write(WAKE_FRAME);
    await inFlight;
  }

  /** write(2) until the whole frame is in; resolves with the bytes written or the errno code (EPIPE when no reader is left). */
  async write(frame: Buffer): Promise<number | string> {
    let off = 0;
    while (off < frame.length) {
      if (this.closed) return 'EBADF';
      const start = nowUs();
      this.writesInFlight++;
      const result = await new Promise<CallResult>((resolve) => this.ends.calls.writeFrom(frame, off, frame.length - off, resolve));
      this.writesInFlight--;
      this.closeIdleFds();
      const at = nowUs();
      const moved = typeof result === 'number' ? frame.subarray(off, off + result) : frame.subarray(0, 0);
      this.emit(() => ({ type: 'syscall', proc: 'parent', call: 'write', ...this.ends.calls.write, requested: frame.length - off, result, data: moved.toString('base64'), start, at }));
      if (typeof result !== 'number') return result;
      off += result;
    }
    return off;
  }

  /**
   * Synchronously: stops waiting, ends the calls in flight where the channel can
   * (shutdown), closes our write end (with the child gone, no writer is left and the read
   * returns 0) and every fd no call is using; the others close as their calls return.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.settle(null);
    this.ends.shutdown?.();
    this.closeIdleFds();
  }

  /** After close(), once the child is gone: resolves when our read has returned. */
  async finished(): Promise<void> {
    if (this.ends.wakeFd !== null) {
      await this.wakeUntilReturned(this.ends.wakeFd);
      fs.closeSync(this.ends.wakeFd);
    }
    await this.readInFlight;
  }

  /**
   * A named pipe: an outside process holding a write end keeps end of file away for as
   * long as it likes, so we write our own wake-up bytes through a non-blocking end of
   * ours. An outside reader may take them first: then write again. EAGAIN means the pipe
   * is full, and a full pipe ends any read at once.
   */
  private async wakeUntilReturned(wakeFd: number): Promise<void> {
    while (this.readInFlight) {
      try {
        fs.writeSync(wakeFd, WAKE_FRAME);
      } catch {
        // EAGAIN: full, so the read returns with what is there
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.readInFlight, new Promise((resolve) => (timer = setTimeout(resolve, WAKE_RETRY_MS)))]);
      clearTimeout(timer);
    }
  }

  /** After close(): each fd of ours closed once, and only when no call of ours is in it (its number could be reused under the call). */
  private closeIdleFds(): void {
    if (!this.closed) return;
    const busy = new Set<number>();
    if (this.readInFlight) busy.add(this.ends.readFd);
    if (this.writesInFlight > 0) busy.add(this.ends.writeFd);
    for (const fd of [...this.open]) {
      if (busy.has(fd)) continue;
      this.open.delete(fd);
      fs.closeSync(fd);
    }
  }

  /** One read on a pool thread, which blocks in it until bytes or end of file (or EIDRM). */
  private startRead(): void {
    const start = nowUs();
    this.readInFlight = new Promise((done) => {
      this.ends.calls.readInto(
        this.readBuffer,
        (result) => {
          this.readInFlight = null;
          this.onRead(result, this.readBuffer.subarray(0, typeof result === 'number' ? result : 0), start, nowUs());
          done();
        },
        (note) => this.emit({ type: 'spin', proc: 'parent', note, at: nowUs() }),
      );
    });
  }

  /** One read(2) of ours returned, on its pool thread. */
  private onRead(result: number | string, bytes: Buffer, start: number, at: number): void {
    if (this.closed) {
      this.closeIdleFds();
      return;
    }
    const requested = this.readBuffer.length;
    this.emit(() => ({ type: 'syscall', proc: 'parent', call: 'read', ...this.ends.calls.read, requested, result, data: bytes.toString('base64'), start, at }));
    if (typeof result !== 'number' || result === 0) {
      this.readEnded = true;
      this.settle(null);
      return;
    }
    const { frames, errors } = this.decoder.push(bytes);
    for (const error of errors) this.emit({ type: 'frame-error', proc: 'parent', error: error.message, at });
    this.received.push(...frames.filter((frame) => !isWakeFrame(frame)));
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
}
