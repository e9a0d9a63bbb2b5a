// `pipe-chat writers`: N writer processes write whole tagged messages into ONE kernel
// pipe at once, each message with one write(2), and this process reads them all. The
// counts come from what read(2) returned (see stream-check.ts): a message is whole when
// its bytes arrived in one piece, torn when another writer's bytes sit inside it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { EndKind } from '../kernel/anonymous-pipes.js';
import { openKernelPipes } from '../kernel/anonymous-pipes.js';
import { notMade } from '../i18n/problems.js';
import { StreamChecker, type StreamVerdict } from './stream-check.js';
import { errorLineOf } from '../ipc/error-line.js';
import { ourNodeProcessEnv } from '../environment.js';

export interface WritersSettings {
  writers: number;
  size: number;
  messages: number;
  /** The built writer entry; defaults to writer.js beside this bundle. */
  writerScript?: string;
  /** Called as bytes arrive, with how many so far. */
  onBytes?: (read: number) => void;
}

export interface WritersResult extends StreamVerdict {
  writers: number;
  size: number;
  messages: number;
  durationMs: number;
}

function defaultWriterScript(): string {
  return fileURLToPath(new URL('./writer.js', import.meta.url));
}

/** Resolves once the writer has its buffers ready; rejects if it dies first. */
function ready(child: ChildProcess, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code, signal) => reject(new Error(`a writer exited before it started (${signal ?? `code ${code}`}): ${errorLineOf(stderr())}`)));
  });
}

/** Spawns one writer; a spawn that fails (too few fds or processes) is one clear error, never an unheard 'error' event. */
async function spawnWriter(script: string, args: string[], fd: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe', fd], env: ourNodeProcessEnv(process.env) });
  const failure = new Promise<unknown>((resolve) => child.on('error', resolve));
  if (child.pid !== undefined) return child;
  const error = await failure;
  throw new Error(`could not start a writer process: ${error instanceof Error ? error.message : String(error)}`);
}

function exited(child: ChildProcess, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (code: number | null, signal: NodeJS.Signals | null): void =>
      code === 0 ? resolve() : reject(new Error(`a writer failed (${signal ?? `code ${code}`}): ${errorLineOf(stderr())}`));
    if (child.exitCode !== null || child.signalCode !== null) settle(child.exitCode, child.signalCode);
    else child.once('exit', settle);
  });
}

function readAll(fd: number, checker: StreamChecker, onBytes?: (read: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let read = 0;
    const socket = new net.Socket({ fd, readable: true, writable: false });
    socket.on('data', (chunk: Buffer) => {
      try {
        checker.push(chunk);
        read += chunk.length;
        onBytes?.(read);
      } catch (error) {
        socket.destroy();
        reject(error as Error);
      }
    });
    socket.once('end', () => resolve());
    socket.once('error', reject);
  });
}

export async function runWriters(settings: WritersSettings): Promise<WritersResult> {
  const { writers, size, messages } = settings;
  // The read end is ours alone: net.Socket makes its description non-blocking itself.
  const ends: EndKind[] = ['read-blocking', ...new Array<EndKind>(writers).fill('write-blocking')];
  const [pipe] = await openKernelPipes([ends]).catch((error: unknown) => {
    throw notMade('pipe', error);
  });
  const [readFd, ...writeFds] = pipe!.fds as [number, ...number[]];
  const children: ChildProcess[] = [];
  let reading: Promise<void> | null = null;
  try {
    const errors: string[] = [];
    for (const [writer, fd] of writeFds.entries()) {
      const child = await spawnWriter(settings.writerScript ?? defaultWriterScript(), [String(writer), String(size), String(messages)], fd);
      errors[writer] = '';
      child.stderr?.on('data', (chunk: Buffer) => (errors[writer] += chunk.toString()));
      children.push(child);
      // Only the writers hold write ends now: the reader sees EOF when the last one exits.
      fs.closeSync(fd);
      writeFds[writer] = -1;
    }
    const stderrOf = (i: number) => () => errors[i] ?? '';
    await Promise.all(children.map((child, i) => ready(child, stderrOf(i))));
    const checker = new StreamChecker(writers, messages, size);
    reading = readAll(readFd, checker, settings.onBytes);
    const started = performance.now();
    for (const child of children) child.stdin?.end('go');
    await Promise.all([reading, ...children.map((child, i) => exited(child, stderrOf(i)))]);
    return { writers, size, messages, ...checker.finish(), durationMs: Math.round(performance.now() - started) };
  } finally {
    // Once reading has started, the socket owns the read end and closes it.
    if (!reading) fs.closeSync(readFd);
    for (const fd of writeFds) if (fd >= 0) fs.closeSync(fd);
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
