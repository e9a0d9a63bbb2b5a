// The process side of a channel, as each channel's ends.ts declares it: the kernel
// objects it makes before the fork and how they go, each process's ends and blocking
// calls, the child's arguments, how a blocked call is ended on the way out, and what can
// happen to a message on it.
// No React and no views here: the link loads this before the first fork, ahead of the UI.
import fs from 'node:fs';
import type { CallSite, Proc, ReadNote } from '../ipc/events.js';
import type { KernelCall } from '../kernel/kernel-calls.js';
import type { NamedPipe } from '../ipc/kernel-pipe.js';
import type { Wiring } from './names.js';

export interface PipeDescription {
  name: 'child-to-parent' | 'parent-to-child' | 'shared';
  inode: number;
}

/** A call's result: bytes moved (0 from a read: end of file), or the errno code ("EIDRM"). */
export type CallResult = number | string;

/**
 * Where a call that stopped on its own waits to go on (a reader that spun too long
 * without a message), and how a call that never waits in the kernel learns that the way
 * out has begun. The parent's is a futex word its call thread waits on (ipc/gate.ts),
 * opened by a key in the UI; the child's is its keyboard, where the parent sends it.
 */
export interface Gate {
  /** Blocks until told to go on (true), or until the gate is closed for good (false). */
  wait(): boolean;
  /** True once closed for good: a loop that never blocks checks it now and then. */
  closed(): boolean;
  /** The call a caller waits in there, as /proc shows it: `futex`, `read(fd 0)`. */
  readonly waitsIn: string;
}

/** The gate of a caller that gave none: it never opens, and never closes. */
export const NO_GATE: Gate = { wait: () => false, closed: () => false, waitsIn: '' };

/** A number argument `name` of `argv` (a channel's calls find what make() made by these); throws naming it when it is missing. */
export function numberArg(argv: readonly string[], name: string): number {
  const i = argv.indexOf(name);
  const n = i === -1 ? NaN : Number(argv[i + 1]);
  if (!Number.isInteger(n)) throw new Error(`the channel's calls need ${name} N`);
  return n;
}

/**
 * A process's blocking read and write on a channel, each one call made on the thread
 * that waits in it (the child's main thread, as the C child; the parent's call thread,
 * ipc/call-thread.ts, so that its UI thread only draws), and how the screen names each.
 * A pipe or socket: read(2) and write(2) on fds (ipc/fd-calls.ts); a queue: msgrcv/msgsnd.
 */
export interface ProcessCalls {
  read: CallSite;
  write: CallSite;
  /** The read as /proc/PID/task/TID/syscall shows it while it waits: the call and its first argument (null where that is a pointer); null for a reader that never waits in the kernel (it spins). */
  readInKernel: { call: KernelCall; arg: number | null } | null;
  /** One blocking read into `buffer`; a spinning reader says what it does through `note`. */
  readInto(buffer: Buffer, note?: (note: ReadNote) => void): CallResult;
  /** One blocking write of `buffer` from `offset`. */
  writeFrom(buffer: Buffer, offset: number): CallResult;
}

/** The kernel objects of one link, made before the child is forked. */
export interface Wires {
  /** The kernel pipes; none on a socket (its ends are the link's parentFds and childFds, kind 'socket'). */
  pipes: PipeDescription[];
  /** The parent's fds; the same fd on a two-way channel; -1 on a channel without fds (a queue). */
  parentRead: number;
  parentWrite: number;
  /** What the child gets at fds 3 and 4 (closed here once forked: ours would keep the channel alive). */
  childStdio: [number | 'ignore', number | 'ignore'];
  /** Arguments each process's calls need to find what was made (a queue: its id): the child's, and processCalls's. */
  childArgs: string[];
  /**
   * Removes, synchronously, what outlives its processes (a queue: IPC_RMID, and a call
   * blocked in it returns EIDRM); safe to call twice; null where nothing does.
   */
  remove: (() => void) | null;
  /** After the parent's calls have all returned (the link closed): lets go of what they used (shared memory: the parent's own mapping); absent where nothing is. */
  release?: () => void;
  /** Ends a parent's call in flight at once, on the way out (a socket: shutdown); null where closing our write end does. */
  shutdown: (() => void) | null;
  /** Arguments only the parent's calls take, after childArgs (shared memory: where its own mapping is, so that its call thread does not attach again). */
  parentArgs?: string[];
  /** A non-blocking write end of the parent's, kept only to end its own read at close (named pipe); null elsewhere. */
  wakeFd: number | null;
  /** The named pipe, with its path; null on the others. */
  named: NamedPipe | null;
  /** Memory the channel's two threads share (threads: the variable), handed to the child thread and the parent's call thread; absent elsewhere. */
  memory?: SharedArrayBuffer;
  /** The mapped file's path (mmap), for the screen; absent elsewhere. */
  mappedPath?: string;
  /**
   * Where the parent's end can only be had once the child runs (TCP: the child connects,
   * the parent accepts): resolves with the wires complete, or rejects having closed what
   * it made when the child never joins. Absent where make() gives every fd.
   */
  join?: (child: JoiningChild) => Promise<Wires>;
}

/** The child as the parent knows it while it waits for it to join: its PID, and its end. */
export interface JoiningChild {
  pid: number;
  exited: Promise<unknown>;
}

/** The family a channel belongs to, for the lists that group them (F3, --help). */
export type ChannelGroup = 'pipes' | 'sockets' | 'sysv' | 'files' | 'threads' | 'signals';

export interface ChannelEnds {
  /** Its family: pipes (anonymous and named), sockets, System V IPC, a plain file, threads of one process, signals. */
  group: ChannelGroup;
  /** Makes the kernel objects and every fd of both processes; on failure nothing is left open. */
  make(): Promise<Wires>;
  /** Arguments the child entry needs for this channel (a socket: one fd both ways). */
  childArgs: readonly string[];
  /**
   * Each process's calls where they are not read(2)/write(2) on its fds (the child's 3
   * and 4, the parent's ends), from the arguments make() gave (a queue; TCP's child,
   * which connects); null for those. The parent asks only where it holds no fds on the
   * channel (TCP's parent reads and writes the connection its join accepted). `memory`
   * is what make() gave as Wires.memory (threads: the variable), handed to each thread.
   */
  processCalls: ((proc: Proc, argv: readonly string[], gate?: Gate, memory?: SharedArrayBuffer) => Promise<ProcessCalls>) | null;
  /** How the parent's blocked read is ended on every way out, in the words of docs/design.md. */
  endsBlockedRead: 'closing our write end' | 'shutdown()' | 'our own wake-up bytes' | 'IPC_RMID (EIDRM)' | 'a stop flag it checks' | 'a stop word and Atomics.notify';
  /**
   * One way only (pipe1): the child writes its lines and never reads (its argument
   * --write-only), the parent reads until end of file and never writes; absent on the
   * channels of the exercise, where both do both.
   */
  oneWay?: true;
  /** Both processes read the same object: our own bytes can end our read, and the race can be run on it. */
  shared: boolean;
  /** What can happen to a message on it: read back by its own writer, never read, torn by another writer, or garbled (bits of it lost: signals). */
  hazards: { stolen: boolean; lost: boolean; torn: boolean; garbled?: boolean };
  /** Kernel pipes it uses (a socket: none), for the race's report. */
  pipes: 0 | 1 | 2;
  /** The value of the older option --pipes that names it; null when none does. */
  pipesOption: '1' | '2' | null;
  /** Where Ctrl+T goes from here. */
  toggleTo: Wiring;
  /** The race has the child write its messages back to back without reading (a box a writer overwrites: what is lost is the point). */
  raceStreams?: boolean;
  /** The race counts each message's bits, sent and taken, and reports bitsLost (signals: a bit is a signal, and signals merge). */
  raceCountsBits?: true;
  /** Where the in-chat race sweep (g) runs from here: a shared channel races itself, the others the textbook's one pipe. */
  raceOn: Wiring;
  /** Other processes can open it by a name on disk (the UI then looks for them in /proc). */
  openToOthers: boolean;
  /** The "child" is a second thread of the parent's own process (a Worker), not a process (threads); absent elsewhere. */
  inProcess?: boolean;
  /**
   * The child sends to the parent's call thread itself, by its TID (signal: tgkill): that
   * thread is bound before the fork, and the child gets its TID as `--parent-tid TID`.
   */
  childSignalsCallThread?: true;
}

/** The wires of a channel made of anonymous pipes alone: its fds, and nothing else to end, wake or remove. */
export function pipeWires(ends: Pick<Wires, 'pipes' | 'parentRead' | 'parentWrite' | 'childStdio'>): Wires {
  return { ...ends, shutdown: null, wakeFd: null, named: null, childArgs: [], remove: null };
}

/** The child has its own copies once forked. */
export function closeChildCopies(wires: Wires): void {
  for (const fd of wires.childStdio) if (typeof fd === 'number') fs.closeSync(fd);
}

/** Every fd of the parent's and what it made on disk, when the fork failed. */
export function closeParentEnds(wires: Wires): void {
  for (const fd of new Set([wires.parentRead, wires.parentWrite, wires.wakeFd ?? -1])) if (fd >= 0) fs.closeSync(fd);
  wires.named?.remove();
  wires.remove?.();
  // No call of the parent's ran: what its calls would have used goes too (the file channel's fd).
  wires.release?.();
}
