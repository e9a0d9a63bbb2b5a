// `pipe-chat source NAME`: the program printed for every channel compiles as printed with
// the flags a class would use (cc -O2 -Wall -Werror: every result must be checked), in
// both languages, with and without the child's sleep; and it does what the chat does: the
// two-pipes program fed six lines prints the very lines the chat's panes print for those
// six lines, and the queue program runs too and removes its queue. Skipped where `cc` is
// missing (and says so). The command's own words: the names when a name is wrong, --help.
import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineText } from '../src/text/styled-lines.js';
import { paneLines } from '../src/app/views/pane-lines.js';
import { emptyInput } from '../src/app/widgets/text-input/text-input-state.js';
import { WIRINGS, type Wiring } from '../src/channels/names.js';
import { sourceText } from '../src/app/views/source-program.js';
import { messagesFor } from '../src/i18n/index.js';
import { en } from '../src/i18n/en.js';
import { ourKey } from '../src/kernel/sysv.js';
import { Script, play } from './app/events.js';

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['dist/cli.js', ...args], { reject: false, input: '', env: { LANG: 'C.UTF-8', LC_ALL: '', ...env } });

const hasCc = spawnSync('cc', ['--version']).status === 0;
/** .ci/run installs a C compiler: there a missing one is a failure, not a skip. */
const ccRequired = process.env.PIPE_CHAT_REQUIRE_CC === '1';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-source-'));
afterAll(() => {
  for (const name of fs.readdirSync(dir)) fs.unlinkSync(path.join(dir, name));
  fs.rmdirSync(dir);
});

/** The channel's program as `pipe-chat source` prints it (sourceText; one test below holds the command's output to it), compiled as a class would; returns the executable. */
async function compiled(wiring: Wiring, lang: 'en' | 'ko' = 'en', childDelayMs = 0): Promise<string> {
  const name = `${wiring}-${lang}-${childDelayMs}`;
  const file = path.join(dir, `${name}.c`);
  fs.writeFileSync(file, `${sourceText(messagesFor(lang).ui, wiring, childDelayMs)}\n`);
  const cc = await execa('cc', ['-O2', '-Wall', '-Werror', file, '-o', path.join(dir, name)], { reject: false });
  expect(cc.exitCode, `${wiring}: ${cc.stderr}`).toBe(0);
  return path.join(dir, name);
}

/** Six lines typed: the child's and the parent's, turn by turn. */
const SIX = ['Who are you?', 'I am your parent', '안녕? 100%s', 'hello %d', 'bye  ', 'bye too'];

/** What the chat's panes print for those six lines over two pipes, read from its reducer and pane views. */
function chatPrints(): string[] {
  const s = new Script();
  const turns = [0, 1, 2].flatMap((i) => s.cleanTurn(i + 1, SIX[2 * i] ?? '', SIX[2 * i + 1] ?? ''));
  const state = play([...s.start(), ...turns]);
  const idle = { draft: emptyInput, waiting: false, focused: false, keysMode: false, pending: false };
  return (['parent', 'child'] as const)
    .flatMap((proc) => paneLines(en.ui, state, proc, idle, 80, 40, false).lines.map(lineText))
    .map((l) => l.replace(/^│|│$/g, '').trimEnd())
    .filter((l) => l.startsWith(en.ui.transcript.fromChild) || l.startsWith(en.ui.transcript.fromParent));
}

describe('pipe-chat source NAME', () => {
  it.runIf(ccRequired)('has a C compiler to check its programs with (PIPE_CHAT_REQUIRE_CC=1)', () => {
    expect(hasCc, '`cc --version` failed').toBe(true);
  });

  describe.skipIf(!hasCc)('the program printed (cc -O2 -Wall -Werror)', () => {
    for (const wiring of WIRINGS) {
      it(`${wiring}: compiles as printed, in English and in Korean, with and without the child's sleep`, async () => {
        await compiled(wiring);
        await compiled(wiring, 'ko', 100);
        await compiled(wiring, 'en', 2000);
      });
    }

    it('two-pipes, fed six lines on stdin, prints three "from Child:" and three "from Parent:" lines, as the chat shows them', async () => {
      const program = await compiled('two-pipes');
      const run = await execa(program, [], { input: `${SIX.join('\n')}\n`, reject: false, timeout: 20_000 });
      expect(run.exitCode, run.stderr).toBe(0);
      const printed = run.stdout.split('\n').map((l) => l.trimEnd());
      const shown = chatPrints();
      expect(shown.filter((l) => l.startsWith('from Child: '))).toHaveLength(3);
      expect(shown.filter((l) => l.startsWith('from Parent: '))).toHaveLength(3);
      // The two processes print each to their own stdout buffer: compare each one's lines in order.
      for (const prefix of ['from Child: ', 'from Parent: ']) {
        expect(printed.filter((l) => l.startsWith(prefix))).toEqual(shown.filter((l) => l.startsWith(prefix)));
      }
      expect(printed.filter((l) => l !== '')).toHaveLength(6);
    });

    it('pipe1, fed three lines, prints them from the parent, then its read() = 0 once the child has exited', async () => {
      const program = await compiled('pipe1');
      const run = await execa(program, [], { input: `${SIX.slice(0, 3).join('\n')}\n`, reject: false, timeout: 20_000 });
      expect(run.exitCode, run.stderr).toBe(0);
      // The child writes all three at once from a piped stdin: one read() may take more than
      // one of them, and prints the ones after the first with their tags ("C2:...").
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe(`from Child: ${SIX[0]}`);
      expect(lines.slice(0, -1).map((l) => l.replace(/^(from Child: |C\d:)/, ''))).toEqual(SIX.slice(0, 3));
      expect(lines.at(-1)).toBe('read() = 0');
    });

    it('queue, fed six lines, prints the same six and removes its queue', async () => {
      const program = await compiled('queue');
      const child = execa(program, [], { input: `${SIX.join('\n')}\n`, reject: false, timeout: 20_000 });
      const run = await child;
      expect(run.exitCode, run.stderr).toBe(0);
      // A pane pads its lines with spaces: trailing spaces are compared away on both sides.
      expect(run.stdout.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '').sort()).toEqual(chatPrints().sort());
      const keys = fs.readFileSync('/proc/sysvipc/msg', 'utf8').split('\n').slice(1).map((l) => Number(l.trim().split(/\s+/)[0]));
      expect(keys).not.toContain(ourKey(child.pid ?? 0, 0));
    });

    it('tcp, fed six lines, prints the same six over its connection on 127.0.0.1', async () => {
      const program = await compiled('tcp');
      const run = await execa(program, [], { input: `${SIX.join('\n')}\n`, reject: false, timeout: 20_000 });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '').sort()).toEqual(chatPrints().sort());
    });
  });

  it("the threads program's reader waits on the number its test loaded, not on a second load (a write finished between the two left it asleep for good)", () => {
    const waits = sourceText(en.ui, 'threads', 0)
      .split('\n')
      .filter((line) => line.includes('wait_while(&box'));
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait).toMatch(/wait_while\(&box\[\d\]\.seq, seq\);/);
  });

  it('an unknown name is one line that lists the names, exit status 2', async () => {
    const r = await cli(['source', 'pipes']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`pipe-chat: no channel is named "pipes"; the channels: ${WIRINGS.join(', ')}`);
    const none = await cli(['source', '--lang', 'ko']);
    expect(none.stderr).toBe(`pipe-chat: pipe-chat source에는 채널 이름이 필요합니다: ${WIRINGS.join(', ')}`);
  });

  it('prints comments in Korean with --lang ko, and the sleep with --child-delay: the program the tests above compile', async () => {
    const r = await cli(['source', 'one-pipe', '--lang', 'ko', '--child-delay', '2000']);
    expect(r.stdout).toContain('if (pid == 0) {  /* 자식 */');
    expect(r.stdout).toContain('sleep(2);');
    // execa drops the final newline.
    expect(r.stdout).toBe(sourceText(messagesFor('ko').ui, 'one-pipe', 2000));
  });

  it('is in --help, in English and in Korean, and has its own --help', async () => {
    expect((await cli(['--help'])).stdout).toContain('pipe-chat source NAME');
    expect((await cli(['--help', '--lang', 'ko'])).stdout).toContain('pipe-chat source 이름');
    const own = await cli(['source', '--help']);
    expect(own.exitCode).toBe(0);
    expect(own.stdout).toContain('cc -O2 -Wall -Werror');
  });
});
