// The smaller faults: a runtime directory that cannot hold our FIFOs, an option that takes
// no value given one, an empty --script, a child that runs out of memory, an ESC inside a
// paste, and restarts with no message that piled up dividers for ever.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyReader, PASTE_END, PASTE_START } from '../src/app/hooks/key-reader.js';
import { KEPT_CONVERSATIONS } from '../src/app/state/transcript.js';
import { Script, play } from './app/events.js';
import { initialState } from '../src/app/state/model.js';

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['dist/cli.js', ...args], { reject: false, input: '', timeout: 30_000, env: { LANG: 'C.UTF-8', LC_ALL: '', ...env } });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-small-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('smaller faults', () => {
  const aFile = (): string => {
    const file = path.join(dir, 'file');
    fs.writeFileSync(file, 'x');
    return file;
  };
  it.each([['a file', aFile], ['/sys', () => '/sys']])(
    'XDG_RUNTIME_DIR naming %s falls back to the temp dir',
    async (_, root) => {
      const r = await cli(['race', '--trials', '2', '--json'], { XDG_RUNTIME_DIR: root() });
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
    },
  );

  it.each([
    [['--version=1'], '--version takes no value', 'pipe-chat'],
    [['--no-color=1'], '--no-color takes no value', 'pipe-chat'],
    [['race', '--json=yes'], '--json takes no value', 'pipe-chat race'],
    [['--script', ''], '--script needs a value', 'pipe-chat'],
  ])('%j is one line that says what is wrong, and exit 2', async (args, message, command) => {
    const r = await cli(args);
    expect(r.stderr).toBe(`pipe-chat: ${message}\nsee ${command} --help`);
    expect(r.exitCode).toBe(2);
  });

  // The child alone gets a heap too small to start in: NODE_OPTIONS reaches both processes,
  // and the parent's own command-line flag outranks it (a limit on address space, ulimit -v,
  // cannot tell them apart: the child needs less than its parent, which dies first). What
  // Node says then: Node 20 ends with V8's 'FATAL ERROR: Reached heap limit ... JavaScript
  // heap out of memory' and a native stack trace; Nodes 22 and 24 crash on such a heap with
  // SIGSEGV and say nothing, so the line names the signal.
  const childHeapTooSmall = (args: string[]) =>
    execa(process.execPath, ['--max-old-space-size=4096', 'dist/cli.js', ...args], { reject: false, input: '', timeout: 30_000, env: { LANG: 'C.UTF-8', LC_ALL: '', NODE_OPTIONS: '--max-old-space-size=4' } });
  const nodesWord = Number(process.versions.node.split('.')[0]) < 22 ? 'Reached heap limit Allocation failed - JavaScript heap out of memory' : 'SIGSEGV';

  it('a child whose heap is too small to start in: one line with Node\'s own word for it, not a line of its native stack', async () => {
    const r = await childHeapTooSmall(['race', '--trials', '2']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')).toEqual([`pipe-chat: the child exited before it started: ${nodesWord}`]);
  });

  it('says so in Korean with --lang ko, only the child\'s own error line left as it came', async () => {
    const r = await childHeapTooSmall(['race', '--trials', '2', '--lang', 'ko']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')).toEqual([`pipe-chat: 자식이 시작하기 전에 끝났습니다: ${nodesWord}`]);
  });

  it('an ESC inside a bracketed paste shows as ␛, with the rest of its sequence', () => {
    const reader = new KeyReader();
    const keys = [PASTE_START, 'a', '\x1b]52;c;X\x07', '\x1b', '[31mred', PASTE_END].flatMap((event) => reader.read(event));
    expect(keys.map((k) => k.text).join('')).toBe('a␛]52;c;X␇␛[31mred');
    expect(keys.every((k) => k.paste)).toBe(true);
  });

  it(`restarts with no message keep at most ${KEPT_CONVERSATIONS} earlier conversations`, () => {
    let state = initialState();
    for (let session = 1; session <= 1000; session++) state = play(new Script(session).start(session === 1 ? 'start' : 'restart'), state);
    expect(state.dividers.length).toBeLessThanOrEqual(KEPT_CONVERSATIONS + 1);
    expect(state.dropped.conversations).toBe(1000 - state.dividers.length);
  });
});
