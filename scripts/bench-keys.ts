// What typing feels like, measured in a real pseudo-terminal beside a minimal Ink app
// that echoes keys (scripts/bench-fixtures/minimal-ink-echo.mjs) in the same run: the
// time from a key press to the end of the frame it causes, the parent's CPU per key,
// both fresh and after a long lesson (many conversations played through the keyboard),
// and a 64 KiB paste (its CPU, and whether frames keep coming while it lands).
import fs from 'node:fs';
import path from 'node:path';
import { KEYS, startPty, type PtySession } from '../test/support/pty.js';
import { spread, type Spread } from './bench-stats.js';

const CLI = path.resolve('dist/cli.js');
const MINIMAL_ECHO = path.resolve('scripts/bench-fixtures/minimal-ink-echo.mjs');
const CLOCK_TICKS_PER_SECOND = 100;
/** A frame has fully arrived when no output followed it for this long. */
const QUIET_MS = 40;
const CHILD_HINT = /type the child's line|type a line, press Enter/;
/** Either side's input asking for its line. */
const ANY_HINT = /type the child's line|type the parent's answer|type a line, press Enter/;

export interface KeyFigures {
  /** Key press to the end of its frame, ms. */
  latencyMs: Spread | undefined;
  /** The parent's CPU per key press, ms. */
  cpuMsPerKey: number;
  /** Bytes written to the terminal per key press. */
  bytesPerKey: number;
}

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND) * 1000;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes `data` and resolves, once the output it caused has gone quiet, with when that
 * output began (ms after the write: the frame reaches the screen in one write, and a
 * throttled repeat of it changes nothing a person sees) and the bytes of the whole burst.
 */
function frameAfter(session: PtySession, data: string, timeoutMs = 5_000): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first = 0;
    let bytes = 0;
    let quiet: NodeJS.Timeout | undefined;
    const done = (error?: Error) => {
      stop();
      clearTimeout(quiet);
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve({ ms: first - started, bytes });
    };
    const stop = session.onOutput((chunk) => {
      if (bytes === 0) first = performance.now();
      bytes += Buffer.byteLength(chunk);
      clearTimeout(quiet);
      quiet = setTimeout(() => done(), QUIET_MS);
    });
    const deadline = setTimeout(() => done(bytes > 0 ? undefined : new Error(`no frame within ${timeoutMs} ms of ${JSON.stringify(data.slice(0, 20))}`)), timeoutMs);
    void session.write(data);
  });
}

/** Types `count` letters one at a time, each after the previous frame ended; then clears the line (Ctrl+U). */
export async function typeKeys(session: PtySession, count = 40): Promise<KeyFigures> {
  await pause(300);
  const latencies: number[] = [];
  let bytes = 0;
  const before = cpuMs(session.pid);
  for (let i = 0; i < count; i++) {
    const frame = await frameAfter(session, String.fromCharCode(97 + (i % 26)));
    latencies.push(frame.ms);
    bytes += frame.bytes;
  }
  const cpu = cpuMs(session.pid) - before;
  await frameAfter(session, KEYS.ctrlU);
  return { latencyMs: spread(latencies), cpuMsPerKey: cpu / count, bytesPerKey: bytes / count };
}

export function startMinimalEcho(): Promise<PtySession> {
  const session = startPty({ command: process.execPath, args: [MINIMAL_ECHO], cols: 100, rows: 30 });
  return session.waitForText(/minimal ink echo ready/, { timeoutMs: 20_000 }).then(() => session);
}

export async function startChatAtKeyboard(args: string[] = []): Promise<PtySession> {
  const session = startPty({ command: process.execPath, args: [CLI, ...args], cols: 100, rows: 30 });
  await session.waitForText(CHILD_HINT, { timeoutMs: 20_000 });
  return session;
}

/** Plays whole conversations through the keyboard (three turns, each side types "hi"), restarting after each. */
export async function playConversations(session: PtySession, conversations: number): Promise<void> {
  for (let c = 0; c < conversations; c++) {
    // Three turns, the child's line then the parent's; the frame after Enter no longer asks for that line.
    for (let line = 0; line < 6; line++) {
      await session.waitFor(() => ANY_HINT.test(session.screen()), 'a keyboard waiting', { timeoutMs: 20_000, intervalMs: 2 });
      await frameAfter(session, `hi${c}\r`);
    }
    await session.waitForText(/DONE/, { timeoutMs: 20_000, intervalMs: 2 });
    // A letter is a command only right after Esc (sent apart: ESC and r in one read are Alt+r).
    await session.write(KEYS.escape);
    await session.waitForText(/COMMAND KEY/, { timeoutMs: 20_000, intervalMs: 2 });
    await session.write('r');
    await session.waitForText(CHILD_HINT, { timeoutMs: 20_000, intervalMs: 2 });
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K  conversation ${c + 1}/${conversations}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

export interface PasteFigures {
  cpuMs: number;
  wallMs: number;
  /** Frames drawn while the paste landed, and the longest time without one. */
  frames: number;
  longestGapMs: number;
  landedWhole: boolean;
}

/** Pastes 64 KiB (one terminal write, as a terminal's paste is) and waits until its end shows at the cursor. */
export async function paste64k(session: PtySession, endMark: RegExp = /PASTE-END/): Promise<PasteFigures> {
  await pause(300);
  const text = 'x'.repeat(64 * 1024 - 'PASTE-END'.length) + 'PASTE-END';
  const frames: number[] = [];
  const stop = session.onOutput(() => frames.push(performance.now()));
  const before = cpuMs(session.pid);
  const started = performance.now();
  await session.write(text);
  try {
    await session.waitFor(() => endMark.test(session.screen()), 'the end of the paste', { timeoutMs: 120_000, intervalMs: 5 });
    await pause(QUIET_MS);
  } finally {
    stop();
  }
  const wallMs = performance.now() - started;
  const cpu = cpuMs(session.pid) - before;
  const gaps = frames.map((t, i) => t - (frames[i - 1] ?? started));
  const landedWhole = !/line full/.test(session.screen());
  await frameAfter(session, KEYS.ctrlU);
  return { cpuMs: cpu, wallMs, frames: frames.length, longestGapMs: Math.max(0, ...gaps), landedWhole };
}

/** Opens (or closes) the trace and fd panels: Esc makes only the next key a command, so Esc x, then Esc f. */
export async function openPanels(session: PtySession): Promise<void> {
  for (const key of ['x', 'f']) {
    await frameAfter(session, KEYS.escape);
    await session.waitForText(/COMMAND KEY/, { timeoutMs: 20_000, intervalMs: 2 });
    await frameAfter(session, key);
  }
}
