// The "child" as a thread of the parent's own process (threads): a Worker that runs the
// child's entry (child.js, the same conversation code as the child process: its keyboard
// lines, its delay, its reports, its calls), with the channel's shared memory in its
// workerData. It shares this process's memory, fd table and terminal, so what a child
// process gets from spawn it gets here in other ways: its keyboard is the read end of a
// pipe made with pipe2 (the UI writes the lines into the other end), its doorbell the
// write end of another (the UI reads it), by fd number; its report ring is the parent's
// own mapping, which it views at its address; its stdout and stderr are Worker streams
// that never reach the terminal. Its PID is the parent's: it is told apart by its TID.
// It is ended, synchronously, by closing its keyboard (a blocked keyboard read returns
// 0) and terminate() (which stops a loop, or an Atomics.wait, at once): nothing else can
// interrupt a blocking call, and process.exit() would hang on a thread blocked in one.
import net from 'node:net';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ChildThreadData } from './child-protocol.js';
import { loadLibc } from '../kernel/libc.js';
import { REPORT_RING_AT, encodeLine, type ControlMessage } from './child-protocol.js';
import { ChildRecord, type ChildExit, type ChildStart, type LinkChild } from './child-process.js';
import type { LinkEvent, ThreadFd } from './events.js';
import { ReportReader } from './report-reader.js';
import { ProblemError, detailOf } from '../i18n/problems.js';

/** This process's fds and what each is (/proc/self/fd); empty where there is no /proc. */
function fdTargets(): Map<number, string> {
  const table = new Map<number, string>();
  let names: string[];
  try {
    names = fs.readdirSync('/proc/self/fd');
  } catch {
    return table;
  }
  for (const name of names) {
    try {
      table.set(Number(name), fs.readlinkSync(`/proc/self/fd/${name}`));
    } catch {
      // closed meanwhile
    }
  }
  return table;
}

/** What a Worker's own event loop opens (an epoll fd, a pipe pair, an eventfd, and an io_uring where its libuv uses one: Node 22); a file a module load opens meanwhile is none of these. */
const LOOP_FD = /^(anon_inode:\[(eventpoll|eventfd|io_uring)\]|pipe:\[\d+\])$/;

/**
 * The fds a child thread brings into the process's table, told with its hello: its
 * keyboard and doorbell pipes, and what its Worker's event loop opened (the table before
 * the Worker, against the table at its hello, when that loop is up).
 */
class ThreadPlumbing {
  private before = new Map<number, string>();

  constructor(private readonly pipes: { keyboard: [number, number]; doorbell: [number, number] }) {}

  beforeWorker(): void {
    this.before = fdTargets();
  }

  told(event: LinkEvent): LinkEvent {
    if (event.type !== 'hello') return event;
    const now = fdTargets();
    const own = (['keyboard', 'doorbell'] as const).flatMap((role) => this.pipes[role].map((fd): ThreadFd => ({ fd, target: now.get(fd) ?? '?', role })));
    const added = [...now].filter(([fd, target]) => this.before.get(fd) !== target && LOOP_FD.test(target));
    return { ...event, threadFds: [...own, ...added.map(([fd, target]): ThreadFd => ({ fd, target, role: 'worker' }))] };
  }
}

export class ChildThread extends ChildRecord implements LinkChild {
  readonly pid = process.pid;
  readonly exited: Promise<ChildExit>;

  private constructor(
    private readonly worker: Worker,
    private readonly keyboard: net.Socket,
    doorbell: net.Socket,
    threadEnds: number[],
    protected readonly reports: ReportReader,
  ) {
    super();
    keyboard.on('error', () => {});
    doorbell.on('data', () => reports.take()).on('error', () => {});
    worker.stdout.resume();
    worker.stderr.setEncoding('utf8');
    worker.stderr.on('data', (chunk: string) => this.heardOnStderr(chunk));
    worker.on('error', (error) => this.heardOnStderr(`${error instanceof Error ? error.message : String(error)}\n`));
    this.exited = new Promise((resolve) => {
      worker.once('exit', (code) => {
        reports.close();
        // The thread's own ends: no call of its can be in them now.
        for (const fd of threadEnds) fs.closeSync(fd);
        doorbell.destroy();
        keyboard.destroy();
        this.exitStatus = { code, signal: null };
        resolve(this.exitStatus);
      });
    });
  }

  /** Starts the child's entry as a thread of this process; the channel's memory goes with it. */
  static async start(start: ChildStart, memory: SharedArrayBuffer | undefined, onEvent: (event: LinkEvent) => void): Promise<ChildThread> {
    const libc = await loadLibc();
    const made: number[] = [];
    let reports: ReportReader | null = null;
    try {
      const [keyboardRead, keyboardWrite] = libc.pipe2(libc.constants.O_CLOEXEC);
      made.push(keyboardRead, keyboardWrite);
      const [doorbellRead, doorbellWrite] = libc.pipe2(libc.constants.O_CLOEXEC);
      made.push(doorbellRead, doorbellWrite);
      const plumbing = new ThreadPlumbing({ keyboard: [keyboardRead, keyboardWrite], doorbell: [doorbellRead, doorbellWrite] });
      reports = ReportReader.create(libc, (event) => onEvent(plumbing.told(event)));
      if (!reports) throw new Error('no memfd_create here: a child thread reports through the ring only');
      // The thread views the ring where this process mapped it: the fd is not needed.
      fs.closeSync(reports.fd);
      const { address, bytes } = reports.ringAt;
      const data: ChildThreadData = { childThread: { keyboard: keyboardRead, doorbell: doorbellWrite }, memory };
      plumbing.beforeWorker();
      const worker = new Worker(start.script, { argv: [...start.args, REPORT_RING_AT, address.toString(), String(bytes)], workerData: data, stdout: true, stderr: true });
      // Our ends are non-blocking descriptions of their own (a pipe's two ends are two descriptions): the thread's stay blocking.
      const keyboard = new net.Socket({ fd: keyboardWrite, readable: false, writable: true });
      const doorbell = new net.Socket({ fd: doorbellRead, readable: true, writable: false });
      return new ChildThread(worker, keyboard, doorbell, [keyboardRead, doorbellWrite], reports);
    } catch (error) {
      reports?.close();
      for (const fd of made) fs.closeSync(fd);
      throw new ProblemError({ kind: 'child-thread', detail: detailOf(error) });
    }
  }

  takeReports(): void {
    this.reports.take();
  }

  send(message: ControlMessage): void {
    if (this.exitStatus) return;
    this.keyboard.write(encodeLine(message));
    if (message.type === 'keyboard') this.reports.lineSent();
  }

  /** Its keyboard closed (a read of it returns 0), then terminate(): a loop or an Atomics.wait stops at once. */
  kill(): void {
    if (this.exitStatus) return;
    // A thread held at its step gate sits in futex(2), a call terminate() cannot end (the
    // process would never exit): leaving step mode lets it go on to its call, which the way
    // out's stop word ends.
    this.setStepping(0);
    this.keyboard.destroy();
    void this.worker.terminate();
  }
}
