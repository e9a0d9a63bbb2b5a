// The parent's end of the conversation and the calls it makes there: the channel's
// blocking read and write (read(2)/write(2) on blocking file descriptions of its own, or
// a queue's msgrcv/msgsnd: channel-ends.ts ProcessCalls), made on the parent's call
// thread (call-thread.ts) so that the UI thread only draws. While the parent waits, that
// thread sits in the call the screen names, and each call's times are the ones it saw.
// One read is made each time the parent asks to read (and again only while a frame is
// incomplete), or right after a write when the program reads next (write(..., thenRead)):
// between reads the parent really does not read, which matters on a shared pipe, where
// any read takes whatever bytes are there.
//
// A read in flight cannot be interrupted: bytes or end of file end it. So every way out
// ends it the way its channel says (channels/*/ends.ts): the link kills the child and
// this closes our write end (a pipe: no writer left, the read returns 0), or shuts the
// socket down, or our own wake-up bytes end it (wakeRead; on a named pipe, where an
// outside process may hold a write end, close() writes them until the read returns), or
// the link removes the queue (IPC_RMID) and the read returns EIDRM, or the call thread's
// gate is closed (a reader that spins, or waits there, returns).
// process.exit() waits for a thread blocked in a call: that is why.
import fs from 'node:fs';
import type { ProcessCalls } from '../channels/channel-ends.js';
import { wasNotMade, type CallThread, type TimedCall, type WriteThenRead } from './call-thread.js';
import { nowUs, type CallSite, type WiredLinkEvent } from './events.js';
import { PIPE_BUF, writeAtOnce } from './quick-write.js';
import { FrameDecoder, WAKE_FRAME, isWakeFrame, type Frame } from './framing.js';

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
  /** The read and the write as the screen names them; the write is made on this thread only for wake-up bytes (wakeRead). */
  calls: ProcessCalls;
  /** The thread that makes them. */
  thread: CallThread;
  /** Ends a read(2) or write(2) in flight at once, before the fds are closed (a socket: shutdown); null where closing our write end does it. */
  shutdown: (() => void) | null;
  /** A non-blocking write end kept only to end our own read at close (named pipe); null elsewhere. */
  wakeFd: number | null;
  /** Both processes read the same pipe: our own bytes can end our read (one-pipe, named). */
  shared: boolean;
  /** A second, non-blocking description of our pipe's write end, written from this thread (quick-write.ts); the wake-up end where there is one; null on no pipe. */
  quickWriteFd: number | null;
}

type Emit = (event: WiredLinkEvent | (() => WiredLinkEvent)) => void;

export class ParentEnd {
  private readonly decoder = new FrameDecoder();
  private readonly received: Frame[] = [];
  /** The caller waiting for a frame, if any. */
  private wanted: { resolve: (frame: Frame | null) => void } | null = null;
  /** Settles when the read(2) in flight returns; null when none is. */
  private readInFlight: Promise<void> | null = null;
  /** The write in flight on the call thread, if any. */
  private writeInFlight: Promise<WriteThenRead> | null = null;
  private readEnded = false;
  private closed = false;
  /** Step mode holds some call of ours at the call thread's step gate: every call is made there. */
  private stepping = false;

  private readonly open = new Set<number>();

  constructor(
    private readonly ends: Ends,
    private readonly emit: Emit,
  ) {
    for (const fd of [ends.readFd, ends.writeFd]) if (fd >= 0) this.open.add(fd);
    // The wake-up end is closed once it has ended our read (finished); any other quick end with ours.
    if (ends.quickWriteFd !== null && ends.quickWriteFd !== ends.wakeFd) this.open.add(ends.quickWriteFd);
    ends.thread.onNote((note) => this.emit({ type: 'read-note', proc: 'parent', note, at: nowUs() }));
    // Step mode: the call thread says where it is held, and when it goes on to make the call.
    ends.thread.onHeld((call, tid) => {
      if (this.closed) return;
      const site = this.ends.calls[call];
      const activity = tid === null ? { doing: call === 'read' ? ('reading' as const) : ('writing' as const), ...site } : { doing: 'held' as const, call, gate: 'futex' as const, tid, ...site };
      this.emit({ type: 'activity', proc: 'parent', activity, at: nowUs() });
    });
  }

  /** Step mode: the calls of ours that wait at the call thread's step gate until let go; 0: off, a held call goes at once. */
  setStepping(holds: number): void {
    if (this.closed) return;
    this.stepping = holds !== 0;
    this.ends.thread.setStepping(holds);
  }

  /** Lets our call held at the step gate go; false when none is held. */
  letGo(): boolean {
    return !this.closed && this.ends.thread.letGo();
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
    // From this thread: the call thread is in the read these bytes end.
    const start = nowUs();
    const result = this.ends.calls.writeFrom(WAKE_FRAME, 0);
    this.emitCall('write', WAKE_FRAME.length, { result, start, end: nowUs() }, WAKE_FRAME);
    await inFlight;
  }

  /**
   * write(2) until the whole frame is in; resolves with the bytes written or the errno
   * code (EPIPE when no reader is left). With `thenRead`, the parent's next read starts on
   * its call thread the moment the write returns, as the C parent's loop does.
   */
  async write(frame: Buffer, thenRead = false): Promise<number | string> {
    // With our read in flight on the call thread, a write asked of it would wait there until
    // the read returns: a frame of at most PIPE_BUF goes at once from here instead, all of it
    // or none (EAGAIN: then to the call thread). Any other write stays on the call thread,
    // where the C parent's loop has it: with the race's answers made from here, the child
    // stole 3 and 8 of 200 at a child delay of 0.5 ms against 0 and 1 (one interleaved try
    // at a load average of 9: not conclusive, so the calls keep the C program's shape).
    if (this.readInFlight && !this.stepping && !this.closed && this.ends.quickWriteFd !== null && frame.length <= PIPE_BUF) {
      const quick = writeAtOnce(this.ends.quickWriteFd, frame);
      this.emitCall('write', frame.length, quick, frame, { fd: this.ends.quickWriteFd });
      if (quick.result !== 'EAGAIN') return quick.result;
    }
    let off = 0;
    while (off < frame.length) {
      if (this.closed) return 'EBADF';
      this.writeInFlight = this.ends.thread.write(frame, off, thenRead && !this.readInFlight);
      const { write, read } = await this.writeInFlight;
      this.writeInFlight = null;
      if (read) this.track(read);
      this.closeIdleFds();
      if (wasNotMade(write)) return write.result;
      this.emitCall('write', frame.length - off, write, frame.subarray(off));
      if (typeof write.result !== 'number') return write.result;
      off += write.result;
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
    this.closeGate();
    this.ends.shutdown?.();
    this.closeIdleFds();
  }

  /** A call of ours that stopped on its own (a reader that spun too long) goes on. */
  openGate(): void {
    if (!this.closed) this.ends.thread.openGate();
  }

  /** On the way out, or with the child gone: a call at the gate, or looping without waiting in the kernel, returns, and one asked later finds the gate closed. */
  closeGate(): void {
    this.ends.thread.closeGate();
  }

  /** Resolves once the calls in flight now have returned. */
  async settled(): Promise<void> {
    await this.readInFlight;
    await this.writeInFlight;
  }

  /** After close(), once the child is gone: resolves when our calls have returned, and gives the call thread back. */
  async finished(): Promise<void> {
    if (this.ends.wakeFd !== null) {
      await this.wakeUntilReturned(this.ends.wakeFd);
      fs.closeSync(this.ends.wakeFd);
    }
    await this.settled();
    await this.ends.thread.release();
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
    if (this.writeInFlight) busy.add(this.ends.writeFd);
    for (const fd of [...this.open]) {
      if (busy.has(fd)) continue;
      this.open.delete(fd);
      fs.closeSync(fd);
    }
  }

  /** One read on the call thread, which blocks in it until bytes or end of file (or EIDRM). */
  private startRead(): void {
    this.track(this.ends.thread.read());
  }

  /** A read in flight on the call thread (asked for, or chained after a write). */
  private track(read: Promise<TimedCall>): void {
    this.readInFlight = read.then((call) => {
      this.readInFlight = null;
      this.onRead(call);
    });
  }

  /** One read of ours returned, on the call thread. */
  private onRead(call: TimedCall): void {
    if (this.closed) {
      this.closeIdleFds();
      return;
    }
    // Held by step mode when its gate closed (the child gone): no call was made, so none is reported.
    if (wasNotMade(call)) {
      this.readEnded = true;
      this.settle(null);
      return;
    }
    const { result } = call;
    const buffer = this.ends.thread.readBuffer;
    const bytes = Buffer.from(buffer.subarray(0, typeof result === 'number' ? result : 0));
    this.emitCall('read', buffer.length, call, bytes);
    if (typeof result !== 'number' || result === 0) {
      this.readEnded = true;
      this.settle(null);
      return;
    }
    const { frames, errors } = this.decoder.push(bytes);
    for (const error of errors) this.emit({ type: 'frame-error', proc: 'parent', error: error.message, at: call.end });
    this.received.push(...frames.filter((frame) => !isWakeFrame(frame)));
    if (!this.wanted) return;
    const first = this.received.shift();
    if (first) {
      this.emit({ type: 'message', proc: 'parent', frame: first, at: call.end });
      this.settle(first);
    } else {
      this.startRead();
    }
  }

  /** A call of the parent's, with the times the thread that made it saw, and the bytes it moved. */
  private emitCall(call: 'read' | 'write', requested: number, { result, start, end }: TimedCall, data: Buffer, site: CallSite = this.ends.calls[call]): void {
    const moved = typeof result === 'number' ? data.subarray(0, result) : data.subarray(0, 0);
    this.emit(() => ({ type: 'syscall', proc: 'parent', call, ...site, requested, result, data: moved.toString('base64'), start, at: end }));
  }

  private settle(frame: Frame | null): void {
    const wanted = this.wanted;
    this.wanted = null;
    wanted?.resolve(frame);
  }
}
