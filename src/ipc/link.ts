// A link: the parent's side of a conversation. It makes the kernel objects of the
// chosen channel (its ends.ts, found through channels/ends-registry.ts), forks the child
// with its ends at fds 3 and 4 (child-process.ts) (or, where the channel's child is a
// thread of this process, starts that thread: child-thread.ts), and performs the
// parent's own calls (parent-end.ts). Every call, the parent's and (through the child's report) the
// child's, comes out of `subscribe` as an event; nothing is emitted that did not happen.
// It is the one owner of those resources: close() kills the child, closes every fd and
// ends the parent's read.
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { CallThread, callThreadScript, dropThread, takeThread } from './call-thread.js';
import { ChildHandle, type LinkChild } from './child-process.js';
import { ChildThread } from './child-thread.js';
import { closeChildCopies, closeParentEnds, type ChannelEnds, type PipeDescription, type ProcessCalls, type Wires } from '../channels/channel-ends.js';
import { channelEnds } from '../channels/ends-registry.js';
import { loadLibc, type Libc } from '../kernel/libc.js';
import { describeFd, nowUs, type FdInfo, type LinkEvent, type Proc, type ProcActivity, type WiredLinkEvent, type Wiring } from './events.js';
import { fdCalls } from './fd-calls.js';
import { holdsOf } from './step-gate.js';
import type { StepPoint } from '../channels/step-points.js';
import { findFifoHolders, type FifoHolder } from './fifo-holders.js';
import { encodeFrame } from './framing.js';
import { openQuickWriteEnd } from './quick-write.js';
import { ParentEnd, type PendingRead } from './parent-end.js';
import { WrittenMessages } from './written-messages.js';
import { trackLink } from './open-links.js';
import { runEach } from '../run-each.js';
import { ProblemError, detailOf } from '../i18n/problems.js';

export type { PendingRead } from './parent-end.js';
export type { PipeDescription } from '../channels/channel-ends.js';

export interface LinkOptions<E extends WiredLinkEvent = WiredLinkEvent> {
  wiring: Wiring;
  /** Turns the child plays before it exits; 0 for no limit. */
  turns?: number;
  /** The turn the child starts at (a child forked mid-conversation goes on from there). */
  firstTurn?: number;
  /** The child's sleep between its write and its read (the textbook's sleep). */
  childDelayMs?: number;
  /** The built child entry point; defaults to child.js beside this bundle. */
  childScript?: string;
  /** More arguments for that entry point (a variant of the child for the benchmark takes its own). */
  childArgs?: string[];
  /** How long to wait for the child to report its fds. */
  startTimeoutMs?: number;
  /** Subscribed before the child can report anything: subscribe() after open() misses its first events. */
  onEvent?: (event: E) => void;
  /** Called once the child process exists (before it has reported anything). */
  onForked?: () => void;
}

export function defaultChildScript(): string {
  return fileURLToPath(new URL('./child.js', import.meta.url));
}

function childArgs(options: LinkOptions<never>): string[] {
  return [
    ...['--turns', String(options.turns ?? 3), '--first-turn', String(options.firstTurn ?? 1), '--delay-ms', String(options.childDelayMs ?? 0)],
    ...channelEnds(options.wiring).childArgs,
    ...(channelEnds(options.wiring).processCalls ? ['--channel', options.wiring] : []),
    ...(options.childArgs ?? []),
  ];
}

/**
 * The parent's calls, here to name them (and for wake-up bytes), and its call thread bound
 * to the same: the channel's own calls where the parent holds no fds on it (a queue),
 * read(2) and write(2) on its fds elsewhere (TCP's parent: on the connection it accepted).
 */
async function bindParentCalls(
  processCalls: ChannelEnds['processCalls'],
  wiring: Wiring,
  wires: Wires,
  script: string,
  worker: Worker,
): Promise<{ thread: CallThread; calls: ProcessCalls }> {
  const own = processCalls !== null && wires.parentRead < 0;
  const argv = [...wires.childArgs, ...(wires.parentArgs ?? [])];
  let calls: ProcessCalls;
  try {
    calls = own ? await processCalls('parent', argv, undefined, wires.memory) : fdCalls(wires.parentRead, wires.parentWrite);
  } catch (error) {
    dropThread(worker);
    throw error;
  }
  const thread = await CallThread.bind(script, worker, { wiring: own ? wiring : null, argv, readFd: wires.parentRead, writeFd: wires.parentWrite, memory: wires.memory ?? null });
  return { thread, calls };
}

export class PipeLink<E extends WiredLinkEvent = LinkEvent> {
  readonly wiring: Wiring;
  /** The kernel pipes; none on a socket (its ends are in parentFds and childFds, kind 'socket'). */
  readonly pipes: PipeDescription[];
  /** The named pipe's path (DIR/chat, a 0600 FIFO in a 0700 directory) or the mapped file's while the link is open; null on other wirings. */
  readonly path: string | null;
  readonly parentFds: FdInfo[];
  childFds: FdInfo[] = [];
  readonly childPid: number;
  /** The thread that plays the child, once its hello came: its PID in a child process, a Worker's TID in a child thread (threads). */
  childTid: number | null = null;

  private readonly listeners = new Set<(event: E) => void>();
  private readonly written = new WrittenMessages();
  private readonly end: ParentEnd;
  /** The parent's calls: how the screen names them, how /proc shows its read. Its call thread makes them. */
  private readonly calls: ProcessCalls;
  private writeSeq: number;
  private steps = false;
  private closing: Promise<void> | null = null;
  private readonly untrack = trackLink(this);
  /** FIONREAD's last answer per pipe inode, and the pipes a call touched since the last look. */
  private readonly queued = new Map<number, number>();
  private readonly touched = new Set<number>();

  private constructor(
    private readonly child: LinkChild,
    wiring: Wiring,
    firstTurn: number,
    private readonly wires: Wires,
    private readonly libc: Libc,
    calls: ProcessCalls,
    thread: CallThread,
  ) {
    this.wiring = wiring;
    this.writeSeq = firstTurn - 1;
    this.pipes = wires.pipes;
    this.path = wires.named?.path ?? wires.mappedPath ?? null;
    this.childPid = child.pid;
    this.calls = calls;
    // Where the parent's calls are read(2) and write(2) on its pipe fds (not a channel's own calls), and it writes (not one way), a second write end that never blocks (quick-write.ts).
    const ownCalls = calls.write.fd !== wires.parentWrite || calls.write.on !== undefined;
    const quickWriteFd = ownCalls || channelEnds(wiring).oneWay ? null : (wires.wakeFd ?? openQuickWriteEnd(wires.parentWrite));
    const quickEnd = quickWriteFd === null ? [] : [describeFd(quickWriteFd, 'write')];
    // A one-way channel's parent holds no write end (pipe1: closed, as pipe1.c does).
    this.parentFds = wires.parentRead < 0 ? [] : [describeFd(wires.parentRead, 'read'), ...(wires.parentWrite < 0 ? [] : [describeFd(wires.parentWrite, 'write')]), ...quickEnd];
    this.end = new ParentEnd(
      {
        readFd: wires.parentRead,
        writeFd: wires.parentWrite,
        calls,
        thread,
        shutdown: wires.shutdown,
        wakeFd: wires.wakeFd,
        shared: channelEnds(wiring).shared,
        quickWriteFd,
      },
      (event) => {
        // The child's calls published before this call of the parent's returned come first.
        child.takeReports();
        this.emit(event);
      },
    );
    if (wires.named) process.once('exit', wires.named.remove);
    if (wires.remove) process.once('exit', wires.remove);
    void child.exited.then(({ code, signal }) => {
      this.emit({ type: 'exit', proc: 'child', code, signal, at: nowUs() });
      // What outlives processes goes with the child (a queue: the parent's msgrcv then returns EIDRM, as a pipe's read returns 0).
      this.removeObjects();
      // With the child gone the parent's calls that only our gate can end do end: shared
      // memory's (the set is gone, the gate closed; its mapping goes once they have
      // returned), and a reader that checks a stop flag (a spinning reader, a signal's
      // wait). A read(2) on a pipe or socket is the kernel's to end (end of file, or never on
      // one shared pipe): a call held there in step mode is still made when let go.
      const release = this.wires.release;
      if (release || channelEnds(this.wiring).endsBlockedRead === 'a stop flag it checks') this.end.closeGate();
      if (release) void this.end.settled().then(release, () => {});
    });
  }

  /** Makes the channel's kernel objects, forks the child, and resolves once the child has reported its fds. */
  static async open(options: LinkOptions): Promise<PipeLink> {
    const wiring = options.wiring;
    const childScript = options.childScript ?? defaultChildScript();
    const threadScript = callThreadScript(childScript);
    const libc = await loadLibc();
    const ends = channelEnds(wiring);
    // The parent's call thread starts now, while the channel is made and the child forked.
    const worker = takeThread(threadScript);
    let wires: Wires;
    try {
      wires = await ends.make();
    } catch (error) {
      dropThread(worker);
      throw error;
    }
    // Events can come before the link exists (the child's hello): they wait here for it.
    let link: PipeLink | null = null;
    const early: LinkEvent[] = [];
    let child: LinkChild;
    let thread: CallThread;
    let calls: ProcessCalls;
    // A channel that joins after the fork (TCP: accept) binds the parent's calls once the join gave its fds.
    const join = wires.join;
    try {
      const bound = join ? null : bindParentCalls(ends.processCalls, wiring, wires, threadScript, worker);
      // A child that signals the parent's call thread (tgkill) needs its TID: the thread binds first.
      const threadArgs = ends.childSignalsCallThread && bound ? ['--parent-tid', String((await bound).thread.tid ?? -1)] : [];
      const start = { script: childScript, args: [...childArgs(options as LinkOptions<never>), ...wires.childArgs, ...threadArgs], stdio: wires.childStdio };
      const onChildEvent = (event: LinkEvent): void => void (link ? link.fromChild(event) : early.push(event));
      // The child is a process, or (threads) a thread of this one, started once the call
      // thread is up: the fds its own Worker opens are then told apart from the call thread's.
      const started: Promise<LinkChild> = ends.inProcess
        ? Promise.resolve(bound).then(() => ChildThread.start(start, wires.memory, onChildEvent))
        : ChildHandle.start(start, onChildEvent);
      // The child exists once started: whoever waits for that (the UI's code loading) goes on while the call thread starts.
      if (options.onForked) void started.then(options.onForked, () => {});
      const [threadOutcome, childOutcome] = await Promise.allSettled([bound, started]);
      if (childOutcome.status === 'rejected') {
        if (threadOutcome.status === 'fulfilled') await threadOutcome.value?.thread.release();
        if (join) dropThread(worker);
        throw childOutcome.reason;
      }
      child = childOutcome.value;
      if (threadOutcome.status === 'rejected') {
        child.kill();
        throw threadOutcome.reason;
      }
      if (threadOutcome.value) ({ thread, calls } = threadOutcome.value);
      else {
        closeChildCopies(wires);
        // The thread waits unbound meanwhile: its death (it could not start) is heard here, not left unheard.
        let threadDied: unknown = null;
        worker.on('error', (error) => (threadDied ??= error));
        try {
          wires = await (join as NonNullable<Wires['join']>)({ pid: child.pid, exited: child.exited });
        } catch (error) {
          child.kill();
          dropThread(worker);
          throw error;
        }
        try {
          if (threadDied !== null) throw new ProblemError({ kind: 'call-thread', detail: detailOf(threadDied) });
          ({ thread, calls } = await bindParentCalls(ends.processCalls, wiring, wires, threadScript, worker));
        } catch (error) {
          child.kill();
          throw error;
        }
      }
    } catch (error) {
      closeParentEnds(wires);
      throw error;
    } finally {
      closeChildCopies(wires);
    }
    link = new PipeLink(child, wiring, options.firstTurn ?? 1, wires, libc, calls, thread);
    if (options.onEvent) link.subscribe(options.onEvent);
    const started = link.started(options.startTimeoutMs ?? 10_000);
    for (const event of early.splice(0)) link.fromChild(event);
    try {
      await started;
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
    return this.child.stderr;
  }

  /** A line typed at the child's keyboard. It reaches the child on stdin; the child writes it to the pipe itself. */
  typeForChild(text: string): void {
    if (!this.closing) this.child.send({ type: 'keyboard', text });
  }

  setChildDelay(ms: number): void {
    if (!this.closing) this.child.send({ type: 'delay', ms });
  }

  /** Starts the parent's read: one blocking read(2), and another only while a frame is incomplete. */
  read(): PendingRead {
    return this.end.read();
  }

  /** True while a read(2) of the parent's has not returned (the thread that made it is blocked in it). */
  get readPending(): boolean {
    return this.end.readPending;
  }

  /** The parent's read as /proc shows it while it waits (read on its fd, msgrcv on its queue). */
  get readInKernel(): ProcessCalls['readInKernel'] {
    return this.calls.readInKernel;
  }

  /** A reader that stopped spinning for want of messages, in either process, spins again (shm-busy); nothing elsewhere. */
  resumeSpin(): void {
    if (this.closing || this.calls.readInKernel !== null) return;
    this.end.openGate();
    this.child.send({ type: 'resume' });
  }

  /** Step mode is on: each process waits at its step gate before each call on the channel (ipc/step-gate.ts). */
  get stepping(): boolean {
    return this.steps;
  }

  /**
   * Step mode at the channel's step points (each process held before its read and its
   * write where the channel declares them), or off (null): a held call goes at once. False
   * when the child cannot be held here (no report ring or no futex(2): not Linux); then
   * neither is, and nothing changed.
   */
  setStepping(points: readonly StepPoint[] | null): boolean {
    if (this.closing) return false;
    if (!this.child.setStepping(holdsOf(points, 'child'))) return false;
    this.end.setStepping(holdsOf(points, 'parent'));
    this.steps = points !== null;
    return true;
  }

  /** Lets the call `proc` is held before go (it then makes it, for real); false when it is not held. */
  letGo(proc: Proc): boolean {
    if (this.closing) return false;
    return proc === 'child' ? this.child.letGo() : this.end.letGo();
  }

  /** Ends the parent's read in flight with its own bytes (one shared pipe, the child not reading): see ParentEnd.wakeRead. */
  wakeRead(): Promise<void> {
    return this.closing ?? this.end.wakeRead();
  }

  /**
   * Writes one framed message with a blocking write(2); resolves with the bytes written or
   * the errno code (EPIPE when no reader is left). With `thenRead` the parent's next read
   * follows on its call thread at once (see ParentEnd.write).
   */
  async write(text: string, thenRead = false): Promise<number | string> {
    this.activity({ doing: 'writing', ...this.calls.write });
    return this.end.write(encodeFrame('parent', ++this.writeSeq, text), thenRead);
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
    if (!this.closing) {
      const named = this.wires.named;
      // What ends the read comes first, and a step that throws skips none of the others;
      // the first failure rejects the close once the read has returned.
      const failures = runEach([() => this.removeObjects(), () => this.child.kill(), () => this.end.close(), () => named && process.removeListener('exit', named.remove), () => named?.remove()]);
      this.closing = this.child.exited
        .then(() => this.end.finished())
        // Only now: the parent's calls used what it lets go of (its mapping of shared memory).
        .then(() => this.wires.release?.())
        .finally(this.untrack)
        .then(() => {
          if (failures.length > 0) throw failures[0];
        });
    }
    return this.closing;
  }

  /**
   * Every other process that has the named pipe, or one of our anonymous pipes (through
   * /proc/PID/fd), open now (never the parent or the child), from /proc, with its rchar
   * and wchar; and what the kernel holds in each pipe now (an outside reader takes bytes
   * without a call of ours). A scan of /proc: call it at most once a second. Empty on a
   * channel without pipes and once the link is closed.
   */
  outsideHolders(): FifoHolder[] {
    const named = this.wires.named;
    if (this.pipes.length === 0 || this.closing) return [];
    for (const pipe of this.pipes) this.touched.add(pipe.inode);
    this.lookAtQueued();
    const target = named ? { dev: named.dev, ino: named.inode } : { pipes: this.pipes.map((p) => p.inode) };
    return findFifoHolders(target, [process.pid, this.childPid]);
  }

  /** Removes the named pipe's path and directory, and what outlives processes (a queue), now, synchronously (for a signal handler); close() does it too. */
  removePath(): void {
    this.wires.named?.remove();
    this.removeObjects();
  }

  private removeObjects(): void {
    if (!this.wires.remove) return;
    this.wires.remove();
    process.removeListener('exit', this.wires.remove);
  }

  private fromChild(event: LinkEvent): void {
    if (event.type === 'hello') {
      this.childFds = event.fds;
      this.childTid = event.tid ?? null;
    }
    this.emit(event);
  }

  /** Resolves when the child has reported its fds; rejects if it exits first or takes too long. */
  private started(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ProblemError({ kind: 'child-timeout', ms: timeoutMs })), timeoutMs);
      const stop = this.subscribe((event) => {
        if (event.type !== 'hello' && event.type !== 'exit') return;
        clearTimeout(timer);
        stop();
        if (event.type === 'hello') resolve();
        else reject(new ProblemError({ kind: 'child-exited', detail: this.child.errorLine || (event.signal ?? `code ${event.code}`) }));
      });
    });
  }

  /**
   * A thunk is only evaluated when someone listens (the benchmark measures the link without
   * a UI). A write is followed by the whole messages it completed ('written').
   */
  private emit(event: WiredLinkEvent | (() => WiredLinkEvent)): void {
    if (this.listeners.size === 0) return;
    const value = typeof event === 'function' ? event() : event;
    for (const each of [value, ...(value.type === 'syscall' ? this.written.after(value) : [])] as E[]) {
      for (const listener of this.listeners) listener(each);
    }
    if (value.type === 'syscall') this.touch(value.proc, value.fd);
  }

  /**
   * A call of either process on a pipe changed what it holds: FIONREAD is asked once for
   * every pipe touched in this turn of the event loop (a child's report brings several
   * calls at once), on the parent's own end of it, and a change is emitted as 'queued'.
   */
  private touch(proc: 'parent' | 'child', fd: number): void {
    const inode = (proc === 'parent' ? this.parentFds : this.childFds).find((f) => f.fd === fd)?.inode;
    if (inode === undefined || !this.pipes.some((p) => p.inode === inode)) return;
    if (this.touched.size === 0) queueMicrotask(() => this.lookAtQueued());
    this.touched.add(inode);
  }

  private lookAtQueued(): void {
    const inodes = [...this.touched];
    this.touched.clear();
    if (this.closing) return;
    for (const inode of inodes) {
      const fd = this.parentFds.find((f) => f.inode === inode)?.fd;
      if (fd === undefined) continue;
      let bytes: number;
      try {
        bytes = this.libc.fionread(fd);
      } catch {
        continue;
      }
      if (this.queued.get(inode) === bytes) continue;
      this.queued.set(inode, bytes);
      this.emit({ type: 'queued', inode, bytes, at: nowUs() });
    }
  }
}
