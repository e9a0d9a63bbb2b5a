// Output that cannot be written (a full disk: /dev/full) is one line on stderr and exit
// status 1, with no stack trace and nothing of ours left running; a reader that goes away
// early (EPIPE) is still silence with the status the run would have had.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProcessesWithEnv } from './support/processes.js';

const MARKER = 'PIPE_CHAT_OUTPUT_TEST';

/** Runs dist/cli.js with stdout on `stdoutPath`; resolves with its status, its stderr and its marker. */
function run(args: string[], stdoutPath: string): Promise<{ code: number | null; stderr: string; marker: string }> {
  const marker = randomUUID();
  const out = fs.openSync(stdoutPath, 'w');
  const child = spawn(process.execPath, ['dist/cli.js', ...args], { stdio: ['ignore', out, 'pipe'], env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', [MARKER]: marker } });
  fs.closeSync(out);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr, marker })));
}

describe('output that cannot be written', () => {
  it.each([[['--version']], [['--help']], [['race', '--trials', '3', '--json']], [['writers', '--messages', '2', '--csv']]])(
    '%j into a full disk: one line on stderr, exit 1, nothing left running',
    async (args) => {
      const r = await run(args, '/dev/full');
      expect(r.stderr).toBe('pipe-chat: could not write to standard output: ENOSPC: no space left on device, write\n');
      expect(r.code).toBe(1);
      expect(findProcessesWithEnv(MARKER, r.marker)).toEqual([]);
    },
  );
});
