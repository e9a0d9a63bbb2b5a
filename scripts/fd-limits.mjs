// Runs `pipe-chat race`, `pipe-chat writers --writers 16` and the chat (two pipes with
// each wiring in turn by F3, a socket, a named pipe) at every `ulimit -n` from the lowest
// at which Node can start a program file, up to 64, and looks at everything each printed:
// no stack trace, no Node error dump, an exit status of 0, 1 or 2, and nothing of ours
// left running. Every run either works or says in one line why it cannot.
//
//   node scripts/fd-limits.mjs              every limit, every command
//   node scripts/fd-limits.mjs 19 24 40     only these limits
//
// Prints one line per run and exits 1 if any run failed. Needs the build (npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout, clearTimeout } from 'node:timers';
import * as pty from '@lydell/node-pty';
import { readToTheEnd } from './pty-read-to-end.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const HIGHEST = 64;
const MARKER = 'PIPE_CHAT_FD_LIMITS_RUN';
const RUN_BOUND_MS = 30_000;

/** What Node, or a crash, prints and we never may: a stack frame, Node's error dump, an unhandled event. */
const STACK_TRACE = [/^\s+at .+:\d+:\d+\)?$/m, /^Node\.js v\d+/m, /node:internal\//, /Unhandled 'error' event/, /^\s*\^\s*$/m, /Segmentation fault|Aborted|core dumped/];

// eslint-disable-next-line no-control-regex
const stripEscapes = (text) => text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-B]|\x1b[=>78]/g, '');

/** The lowest `ulimit -n` at which Node runs a program file at all (below it, nothing of ours can start). */
export function lowestLimit() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-fd-limits-'));
  const file = path.join(dir, 'empty.mjs');
  fs.writeFileSync(file, '');
  try {
    for (let limit = 8; limit <= HIGHEST; limit++) {
      if (spawnSync('bash', ['-c', `ulimit -n ${limit} && exec "${process.execPath}" "${file}"`], { stdio: 'ignore' }).status === 0) return limit;
    }
    return HIGHEST;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Our processes still alive: every process of a run carries its marker in its environment. */
function survivors(marker) {
  const needle = `${MARKER}=${marker}`;
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid).flatMap((pid) => {
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(needle)) return [];
      const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
      return state === 'Z' ? [] : [Number(pid)];
    } catch {
      return [];
    }
  });
}

/** Waits (polling, bounded) until no process of the run is left; returns those still there. */
async function leftAfter(marker, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = survivors(marker);
    if (left.length === 0 || Date.now() > deadline) {
      for (const pid of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      return left;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function verdict(name, limit, output, status, left, stuck = []) {
  const problems = stuck.map((step) => `no answer to ${step}`);
  const text = stripEscapes(output);
  if (STACK_TRACE.some((pattern) => pattern.test(text))) problems.push('a stack trace');
  if (![0, 1, 2].includes(status)) problems.push(`exit status ${status}`);
  if (left.length > 0) problems.push(`left running: ${left.join(' ')}`);
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('pipe-chat:'));
  return { name, limit, ok: problems.length === 0, status, problems, said: lines.at(-1) ?? '', output: text };
}

/** A command without a terminal: its stdout and stderr together. */
async function runPlain(name, limit, args) {
  const marker = randomUUID();
  const child = spawn('bash', ['-c', `ulimit -n ${limit} && exec "${process.execPath}" "${CLI}" "$@"`, 'fd-limits', ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', [MARKER]: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_BOUND_MS);
  const status = await new Promise((resolve) => child.once('close', (code, signal) => resolve(code ?? `signal ${signal}`)));
  clearTimeout(timer);
  return verdict(name, limit, output, status, await leftAfter(marker));
}

/**
 * The chat in a pseudo-terminal: until it draws its first screen or exits; then, if it
 * runs, F3's list through every channel (each forks a new child), and Ctrl+C.
 */
async function runChat(name, limit, args, cycleWirings) {
  const marker = randomUUID();
  const term = pty.spawn('bash', ['-c', `ulimit -n ${limit} && exec "${process.execPath}" "${CLI}" --lang en ${args.join(' ')}`], {
    cols: 100,
    rows: 30,
    cwd: ROOT,
    env: { ...process.env, TERM: 'xterm-256color', LANG: 'en_US.UTF-8', LC_ALL: '', CI: 'false', [MARKER]: marker },
  });
  let output = '';
  term.onData((data) => (output += data));
  // The chat's last line comes after it gives the terminal back, just before it exits: on a
  // loaded machine node-pty lost it (exit 1, nothing said) until the rest was read.
  readToTheEnd(term, (rest) => (output += rest));
  let status = null;
  const exited = new Promise((resolve) => term.onExit(({ exitCode, signal }) => resolve((status = signal ? `signal ${signal}` : exitCode))));
  const until = async (ready, ms) => {
    const deadline = Date.now() + ms;
    while (status === null && !ready() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  };
  const screen = () => stripEscapes(output);
  const stuck = [];
  await until(() => /typing at its keyboard|Could not start|pipe-chat:/.test(screen()), 15_000);
  // A line of ours before the chat: it is on its way out by itself.
  if (!/typing at its keyboard|Could not start/.test(screen())) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (status === null && cycleWirings) {
    // F3 opens the list of channels at the current one: ↓ and Enter switch to the next listed.
    for (const wiring of ['one shared pipe', 'one pipe, one way', 'one pipe, one way, ends left open', 'named pipe', 'socket', 'TCP', 'message queue', 'queue, one type', 'shared memory', 'shared memory, busy', 'memory-mapped file', 'shared file', 'threads, Atomics.wait', 'threads, busy', 'signals', 'signals, no acks', 'two pipes']) {
      const seen = screen().length;
      term.write('\x1bOR'); // F3
      await until(() => screen().slice(seen).includes('System V'), 5_000);
      const listed = screen().length;
      term.write('\x1b[B'); // ↓
      await until(() => screen().length > listed, 2_000);
      term.write('\r');
      const switched = () => screen().slice(seen).includes(`[${wiring}]`) && /typing at its keyboard|Could not start/.test(screen().slice(seen));
      await until(switched, 10_000);
      // A program that ended (one line, an exit status) is judged by that; one still running must have switched.
      if (status === null && !switched()) stuck.push(`the switch to ${wiring}`);
      if (status !== null) break;
    }
  }
  if (status === null) term.write('\x03');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (status === null) {
    term.kill('SIGKILL');
    status = 'hung after Ctrl+C';
  }
  return verdict(name, limit, output, status, await leftAfter(marker), stuck);
}

/** Every command at one limit. */
export async function runAtLimit(limit, only = null) {
  const runs = [
    ['race', () => runPlain('race', limit, ['race', '--trials', '5'])],
    ['race-named', () => runPlain('race --wiring named', limit, ['race', '--wiring', 'named', '--trials', '5'])],
    ['writers', () => runPlain('writers --writers 16', limit, ['writers', '--writers', '16', '--messages', '5', '--size', '64,8192'])],
    ['chat', () => runChat("chat, F3's list through every channel", limit, [], true)],
    ['chat-socket', () => runChat('chat --wiring socket', limit, ['--wiring', 'socket'], false)],
    ['chat-named', () => runChat('chat --wiring named', limit, ['--wiring', 'named'], false)],
  ];
  const results = [];
  for (const [key, run] of runs) if (!only || only.includes(key)) results.push(await run());
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const asked = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const lowest = lowestLimit();
  const limits = asked.length > 0 ? asked : Array.from({ length: HIGHEST - lowest + 1 }, (_, i) => lowest + i);
  console.log(`Node starts a program file from ulimit -n ${lowest} here; checking ${limits[0]}..${limits.at(-1)}`);
  let failed = 0;
  for (const limit of limits) {
    for (const result of await runAtLimit(limit)) {
      if (!result.ok) failed++;
      console.log(`${String(limit).padStart(3)} ${result.ok ? 'ok  ' : 'FAIL'} ${result.name}: exit ${result.status}${result.said ? ` | ${result.said}` : ''}${result.ok ? '' : ` | ${result.problems.join(', ')}`}`);
      if (!result.ok && process.env.FD_LIMITS_VERBOSE) console.log(result.output);
    }
  }
  console.log(failed === 0 ? 'no stack trace, nothing left running' : `${failed} runs failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}
