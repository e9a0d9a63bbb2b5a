// The keeper's C program compiles as printed (`cc -O2 -Wall -Werror`, both languages'
// comments) and does what the keeper process does: given a pipe at fd 3 and a file
// opened for appending at fd 4, it appends what came through the pipe, then exits 0 at
// end of file. Skipped where there is no C compiler.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibc } from '../../../src/kernel/libc.js';
import { keeperText } from '../../../src/app/views/keeper-program.js';

const hasCc = spawnSync('cc', ['--version']).status === 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-keeper-c-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('pipe-chat source keeper prints keeper.c', () => {
  const printed = spawnSync(process.execPath, ['dist/cli.js', 'source', 'keeper', '--lang', 'ko'], { encoding: 'utf8' });
  expect(printed.status).toBe(0);
  expect(printed.stdout).toBe(`${keeperText('ko')}\n`);
});

describe.runIf(hasCc)('keeper.c', () => {

  for (const lang of ['en', 'ko'] as const) {
    it(`compiles as printed (${lang}), and appends what its pipe brings to its file`, async () => {
      const source = path.join(tmp, `keeper-${lang}.c`);
      const binary = path.join(tmp, `keeper-${lang}`);
      fs.writeFileSync(source, `${keeperText(lang)}\n`);
      const cc = spawnSync('cc', ['-O2', '-Wall', '-Werror', '-o', binary, source], { encoding: 'utf8' });
      expect(cc.stderr).toBe('');
      expect(cc.status).toBe(0);
      const kept = path.join(tmp, `kept-${lang}.txt`);
      fs.writeFileSync(kept, 'before\n');
      const file = fs.openSync(kept, fs.constants.O_WRONLY | fs.constants.O_APPEND);
      const libc = await loadLibc();
      const [readEnd, writeEnd] = libc.pipe2(libc.constants.O_CLOEXEC);
      try {
        fs.writeSync(writeEnd, 'C1 child→parent: Who are you?\n');
        fs.closeSync(writeEnd);
        const run = spawnSync(binary, [], { stdio: ['ignore', 'pipe', 'pipe', readEnd, file] });
        expect(run.status).toBe(0);
      } finally {
        fs.closeSync(readEnd);
        fs.closeSync(file);
      }
      expect(fs.readFileSync(kept, 'utf8')).toBe('before\nC1 child→parent: Who are you?\n');
    });
  }
});
