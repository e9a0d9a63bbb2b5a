// The benchmark's C programs (scripts/bench-c/*.c), built from the project's own sources
// with `cc -O2 -pthread` into a temporary folder at bench time, and run with their
// counts read back from the one `key=value ...` line each prints.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const C_PROGRAMS = ['roundtrip', 'race-forked', 'race-same-shape'] as const;
/** The round trip on each kernel mechanism of the channels (bench-channels.ts), beside roundtrip.c's two pipes. */
export const CHANNEL_C_PROGRAMS = ['roundtrip-socket', 'roundtrip-queue', 'roundtrip-boxes', 'roundtrip-file', 'roundtrip-threads', 'roundtrip-signal'] as const;
export type ChannelCProgram = (typeof CHANNEL_C_PROGRAMS)[number];
export type CProgram = (typeof C_PROGRAMS)[number] | ChannelCProgram | 'echo';

const SOURCES: Record<CProgram, string> = {
  roundtrip: 'scripts/bench-c/roundtrip.c',
  'race-forked': 'scripts/bench-c/race-forked.c',
  'race-same-shape': 'scripts/bench-c/race-same-shape.c',
  ...(Object.fromEntries(CHANNEL_C_PROGRAMS.map((name) => [name, `scripts/bench-c/${name}.c`])) as Record<ChannelCProgram, string>),
  echo: 'scripts/bench-fixtures/echo.c',
};

export interface CBuild {
  binaries: Partial<Record<CProgram, string>>;
  /** Why a program is missing, in words. */
  problems: string[];
  dir: string;
}

/** Builds every program, or only those named. */
export function buildCPrograms(only: readonly CProgram[] = Object.keys(SOURCES) as CProgram[]): CBuild {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-bench-c-'));
  removedOnSignal(dir);
  const binaries: CBuild['binaries'] = {};
  const problems: string[] = [];
  for (const name of only) {
    const source = SOURCES[name];
    const binary = path.join(dir, name);
    try {
      execFileSync('cc', ['-O2', '-pthread', '-o', binary, path.resolve(source)], { stdio: ['ignore', 'ignore', 'pipe'] });
      binaries[name] = binary;
    } catch (error) {
      const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim().split('\n')[0] : String(error);
      problems.push(`${source} did not build (${detail || 'cc failed'})`);
    }
  }
  return { binaries, problems, dir };
}

/** Removes the binaries this run built, one by one (the folder holds nothing else). */
export function removeCPrograms(build: CBuild): void {
  for (const binary of Object.values(build.binaries)) fs.rmSync(binary, { force: true });
  fs.rmdirSync(build.dir);
  stopRemovingOnSignal();
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let onStopSignal: ((signal: NodeJS.Signals) => void) | null = null;

/** A bench stopped by Ctrl+C, kill or a closed terminal removes the folder of built programs, then dies of that signal as it would have. */
function removedOnSignal(dir: string): void {
  stopRemovingOnSignal();
  onStopSignal = (signal) => {
    stopRemovingOnSignal();
    fs.rmSync(dir, { recursive: true, force: true });
    process.kill(process.pid, signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);
}

function stopRemovingOnSignal(): void {
  if (onStopSignal) for (const signal of STOP_SIGNALS) process.off(signal, onStopSignal);
  onStopSignal = null;
}

/** Runs one program and returns its `key=value` counts. */
export function runC(binary: string, args: (string | number)[]): Record<string, number> {
  const out = execFileSync(binary, args.map(String), { encoding: 'utf8', timeout: 600_000 });
  const counts: Record<string, number> = {};
  for (const m of out.matchAll(/(\w+)=([\d.]+)/g)) counts[m[1] as string] = Number(m[2]);
  return counts;
}
