// The parent's side of the keeper (--keep FILE; the keeper itself is src/keeper.ts):
// the file, opened here with O_CREAT|O_EXCL|O_APPEND and mode 0600 so that an existing
// file is refused before anything runs, and handed to the keeper as fd 4; a kernel pipe
// of the keeper's own (pipe2), its read end the keeper's fd 3. Every delivered message
// goes in as one line with one write(2) on our end, which is non-blocking: the UI
// thread never waits on the keeper, and a full pipe (a keeper stopped) or a keeper gone
// (EPIPE) is counted as a line not kept, never waited for. The keeper's reports of the
// bytes it wrote come on its stdout. When it dies the chat goes on, and says so.
// close() closes our end: the keeper reads end of file, finishes its writes and exits.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLibc } from '../kernel/libc.js';
import { LineSplitter } from './child-protocol.js';
import { errnoCode } from './events.js';
import type { Frame, Proc } from './framing.js';
import { ourNodeProcessEnv } from '../environment.js';

/** The file could not be made ours (it exists, or its directory refuses): nothing was run. */
export class KeepFileRefused extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`--keep ${path}: ${code}`);
  }
}

export interface KeepFile {
  path: string;
  fd: number;
}

/** Makes FILE, 0600, only if nothing is at that path (O_EXCL: not even a link). */
export function openKeepFile(path: string): KeepFile {
  const { O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = fs.constants;
  try {
    return { path, fd: fs.openSync(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND, 0o600) };
  } catch (error) {
    throw new KeepFileRefused(path, errnoCode(error));
  }
}

/** What the screen says of the keeper. */
export interface KeeperState {
  pid: number;
  path: string;
  /** Bytes the keeper reported writing to the file. */
  bytes: number;
  /** Delivered lines that could not be handed over (the keeper gone, or its pipe full). */
  notKept: number;
  exit: { code: number | null; signal: string | null } | null;
}

/** One delivered message as the file keeps it: its tag, who wrote it and who read it, its text. */
export function keptLine(frame: Frame, reader: Proc): string {
  const text = frame.text.replace(/[\r\n]/g, ' ');
  return `${frame.writer === 'child' ? 'C' : 'P'}${frame.seq} ${frame.writer}→${reader}: ${text}\n`;
}

/** The keeper's report line, {"wrote": N, "total": T}: the total, or null for anything else. */
function totalOf(line: string): number | null {
  try {
    const total = (JSON.parse(line) as { total?: unknown } | null)?.total;
    return typeof total === 'number' ? total : null;
  } catch {
    return null;
  }
}

function defaultKeeperScript(): string {
  return fileURLToPath(new URL('./keeper.js', import.meta.url));
}

const F_GETFL = 3;
const F_SETFL = 4;

export class KeeperLink {
  private state: KeeperState;
  private readonly listeners = new Set<(state: KeeperState) => void>();
  private writeEnd: number | null;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    file: KeepFile,
    writeEnd: number,
  ) {
    this.writeEnd = writeEnd;
    this.state = { pid: child.pid ?? 0, path: file.path, bytes: 0, notKept: 0, exit: null };
    const splitter = new LineSplitter();
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      for (const line of splitter.push(chunk)) {
        const total = totalOf(line);
        if (total !== null) this.update({ bytes: total });
      }
    });
    child.stderr?.resume();
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.update({ exit: { code, signal } });
        resolve();
      }),
    );
  }

  /** Starts the keeper on `file` (which it now owns: our copy is closed); a spawn that fails is one clear error. */
  static async start(file: KeepFile, script = defaultKeeperScript()): Promise<KeeperLink> {
    let ends: [number, number] | null = null;
    try {
      const libc = await loadLibc();
      ends = libc.pipe2(libc.constants.O_CLOEXEC);
      libc.fcntl(ends[1], F_SETFL, libc.fcntl(ends[1], F_GETFL) | fs.constants.O_NONBLOCK);
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe', ends[0], file.fd], env: ourNodeProcessEnv(process.env) });
      const failure = new Promise<unknown>((resolve) => child.on('error', resolve));
      if (child.pid === undefined) {
        const error = await failure;
        throw new Error(`could not start the keeper: ${errnoCode(error)}`);
      }
      const link = new KeeperLink(child, file, ends[1]);
      ends = null;
      return link;
    } finally {
      // The keeper has its copies (or none was made): ours of its read end and of the file go.
      fs.closeSync(file.fd);
      if (ends) for (const fd of ends) fs.closeSync(fd);
    }
  }

  get current(): KeeperState {
    return this.state;
  }

  subscribe(listener: (state: KeeperState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands one line to the keeper with one non-blocking write(2); false (and counted) when it cannot take it. */
  keep(line: string): boolean {
    const bytes = Buffer.from(line);
    let written = 0;
    // A line within PIPE_BUF goes in whole or not at all; a longer one may go in parts.
    while (this.writeEnd !== null && this.state.exit === null && written < bytes.length) {
      try {
        written += fs.writeSync(this.writeEnd, bytes, written);
      } catch {
        break; // EAGAIN: its pipe is full; EPIPE: it is gone
      }
    }
    if (written === bytes.length) return true;
    this.update({ notKept: this.state.notKept + 1 });
    return false;
  }

  /** Closes our end (the keeper reads end of file and exits); resolves once it has, killing it after `boundMs`. */
  close(boundMs = 2000): Promise<void> {
    if (this.writeEnd !== null) fs.closeSync(this.writeEnd);
    this.writeEnd = null;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, boundMs);
    });
    return Promise.race([this.exited, late]).finally(() => clearTimeout(timer));
  }

  private update(change: Partial<KeeperState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
