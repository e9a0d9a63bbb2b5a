import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsOfThisFile } from './support/temp-dirs.js';

const tempDir = tempDirsOfThisFile();

// The program itself, started for what only it can show: exit statuses, stdout against
// stderr, the race it runs, files it reads. Usage errors are worded in-process, in
// test/args/usage-error.test.ts.

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['dist/cli.js', ...args], { reject: false, input: '', env: { LANG: 'C.UTF-8', LC_ALL: '', ...env } });

describe('pipe-chat command line', () => {
  it('--help prints usage and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('pipe-chat race [options]');
    expect(r.stdout).toContain('--pipes 1|2');
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('a usage error is one line and where to look on stderr, and exit status 2', async () => {
    const r = await cli(['--bogus']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    // execa drops the final newline.
    expect(r.stderr).toBe('pipe-chat: unknown option --bogus\nsee pipe-chat --help');
  });

  it('says a usage problem in Korean under a Korean locale', async () => {
    const r = await cli(['race', '--trials', '0'], { LANG: 'ko_KR.UTF-8' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('pipe-chat: --trials는 1에서 100000 사이의 정수여야 합니다 ("0"는 안 됨)\npipe-chat race --help 를 보세요');
  });

  it('race with no flags runs the one-pipe race and says so; --pipes 2 says nothing of it', async () => {
    const r = await cli(['race', '--trials', '5']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('one shared pipe, 5 trials');
    expect(r.stdout).toContain("(one shared pipe is the race's default; --pipes 2 runs the safe wiring)");
    expect(r.stdout).toMatch(/^measured on: /m);
    expect((await cli(['race', '--pipes', '2', '--trials', '5'])).stdout).not.toContain('default');
  });

  it('--child-delay is the race\'s knob too, and --delay its alias', async () => {
    for (const option of ['--child-delay', '--delay']) {
      const r = await cli(['race', option, '0.5', '--trials', '3', '--json']);
      expect(JSON.parse(r.stdout)).toMatchObject({ wiring: 'one-pipe', pipes: 1, delayMs: 0.5, trials: 3 });
    }
  });

  it('accepts the race subcommand after options', async () => {
    const r = await cli(['--pipes', '2', 'race', '--trials', '5', '--json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ pipes: 2, trials: 5 });
  });

  it('without a terminal, the chat explains itself and points to pipe-chat race (exit 2)', async () => {
    const r = await cli([]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('(stdin is not a terminal)');
    expect(r.stderr).toContain('pipe-chat race');
  });

  it('race --json prints one JSON object with the counts', async () => {
    const r = await cli(['race', '--pipes', '1', '--trials', '20', '--json']);
    expect(r.exitCode).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, number>;
    // The schema every race report shares, first, then the race's own fields.
    expect(Object.keys(result).slice(0, 7)).toEqual(['version', 'wiring', 'trials', 'stolen', 'delivered', 'lost', 'torn']);
    expect(result).toMatchObject({ version: 1, pipes: 1, trials: 20, delayMs: 0, lost: 0, torn: 0 });
    expect(result.stolen! + result.delivered!).toBe(20);
    expect(typeof result.parentBlocked).toBe('number');
    expect(Object.keys(result.machine ?? {})).toEqual(['cpuModel', 'cpus', 'kernel', 'node']);
  });

  it('race --wiring socket and --wiring named print their wiring in the JSON; a socket steals nothing', async () => {
    const socket = JSON.parse((await cli(['race', '--wiring', 'socket', '--trials', '50', '--json'])).stdout) as Record<string, unknown>;
    expect(socket).toMatchObject({ version: 1, wiring: 'socket', pipes: 0, trials: 50, stolen: 0, delivered: 50, lost: 0, torn: 0 });
    const named = JSON.parse((await cli(['race', '--wiring', 'named', '--trials', '20', '--json'])).stdout) as Record<string, unknown>;
    expect(named).toMatchObject({ version: 1, wiring: 'named', pipes: 1, trials: 20, lost: 0, torn: 0 });
    expect(Number(named.stolen) + Number(named.delivered)).toBe(20);
  });

  it('race --csv prints a header and one row, with the machine', async () => {
    const r = await cli(['race', '--trials', '5', '--csv']);
    const [header, row, ...rest] = r.stdout.trim().split('\n');
    expect(header).toMatch(/^wiring,trials,stolen,delivered,lost,torn,pipes,delayMs,parentDelayMs,parentBlocked,.*,cpuModel,cpus,kernel,node$/);
    expect(row).toMatch(/^one-pipe,5,\d,\d,0,0,1,0,0,/);
    expect(rest).toEqual([]);
  });

  it('runs with a pool of one I/O thread: the parent\'s blocked calls are on its own call thread, not on libuv\'s pool', async () => {
    const one = await cli(['race', '--trials', '20', '--json'], { UV_THREADPOOL_SIZE: '1' });
    expect(one.stderr).toBe('');
    expect(one.exitCode).toBe(0);
    const result = JSON.parse(one.stdout) as Record<string, number>;
    expect(result.stolen! + result.delivered!).toBe(20);
  }, 30_000);

  it('race prints a readable report', async () => {
    const r = await cli(['race', '--pipes', '2', '--trials', '10']);
    expect(r.stdout).toContain('two pipes, 10 trials');
    expect(r.stdout).toContain('parent received the message:     10 (100.0%)');
  });
});

describe('pipe-chat --script', () => {
  it('a bad script file is refused before the terminal is touched, with the file and the problem (exit 2)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const file = path.join(tempDir('pc-script-'), 'lines.json');
    fs.writeFileSync(file, JSON.stringify({ child: ['only one'], parent: ['a', 'b', 'c'] }));
    const r = await cli(['--script', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`--script ${file}: "child" must have 3 lines`);
    const missing = await cli(['--script', '/nonexistent/lines.json']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/--script \/nonexistent\/lines.json: .*no such file/);
  });
});

describe('messages that quote the command line or a file', () => {
  const ESC = '\x1b';
  const BEL = '\x07';
  const TITLE = `${ESC}]0;pwned${BEL}`;
  const CLEAR = `${ESC}[2J`;
  const CLIPBOARD = `${ESC}]52;c;aGk=${BEL}`;
  const noEscapes = (text: string) => expect([...text].filter((c) => c === ESC || c === BEL || c === '\x9b')).toEqual([]);

  it('show escape sequences in a --script key, its JSON and its file name as visible characters', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = tempDir('pc-script-');
    const keyFile = path.join(dir, 'key.json');
    fs.writeFileSync(keyFile, JSON.stringify({ [`${TITLE}${CLEAR}${CLIPBOARD}`]: 1, child: ['a', 'b', 'c'], parent: ['a', 'b', 'c'] }));
    const key = await cli(['--script', keyFile]);
    expect(key.exitCode).toBe(2);
    expect(key.stderr).toContain('unknown key "␛]0;pwned␇␛[2J␛]52;c;aGk=␇"');
    noEscapes(key.stderr);
    const jsonFile = path.join(dir, 'broken.json');
    fs.writeFileSync(jsonFile, `{"child": ${TITLE}${CLEAR}`);
    const json = await cli(['--script', jsonFile]);
    expect(json.exitCode).toBe(2);
    expect(json.stderr).toContain('not valid JSON');
    noEscapes(json.stderr);
    const named = await cli(['--script', path.join(dir, `missing${TITLE}\n.json`)]);
    expect(named.exitCode).toBe(2);
    expect(named.stderr).toContain('missing␛]0;pwned␇␊.json');
    expect(named.stderr.trim().split('\n')).toHaveLength(1);
    noEscapes(named.stderr);
  });
});

describe('files are read with a size limit', () => {
  it('--script /dev/zero is refused at once as too large (exit 2), without growing memory', async () => {
    const r = await execa(process.execPath, ['dist/cli.js', '--script', '/dev/zero'], { reject: false, input: '', timeout: 10_000, env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(r.timedOut).toBe(false);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('pipe-chat: --script /dev/zero: larger than 1024 KiB');
  });
});

describe('a reader that goes away early', () => {
  it.each([[['--help']], [['race', '--trials', '3']], [['--bogus']]])('%j: EPIPE on stdout and stderr ends quietly with the usual exit code', async (args) => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['dist/cli.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } });
    // Both readers are gone before the program writes a byte: every write gets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    const expected = args[0] === '--bogus' ? 2 : 0;
    if (expected === 2) child.stderr.destroy();
    else child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(expected);
  });
});

describe('a link that cannot be opened', () => {
  it('race on the named pipe, with no private place for its directory, prints one sanitized line, no stack trace, and exits 2', async () => {
    const r = await cli(['race', '--wiring', 'named', '--trials', '1'], { TMPDIR: '/nonexistent/\x1b]0;pwned\x07' });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^pipe-chat: nowhere private .*\/nonexistent\/␛\]0;pwned␇ does not exist/)]);
    expect(r.stderr).not.toContain('\x1b');
  });
});

describe('a system koffi cannot reach', () => {
  it('race says so in one line and exits 2, before any pipe is made', async () => {
    // The built program without its dependency: import('koffi') fails as it does where koffi has no binary.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-no-koffi-'));
    try {
      fs.cpSync('dist', path.join(dir, 'dist'), { recursive: true });
      fs.copyFileSync('package.json', path.join(dir, 'package.json'));
      const r = await execa(process.execPath, [path.join(dir, 'dist/cli.js'), 'race', '--trials', '1'], { reject: false, input: '', cwd: dir, env: { LANG: 'C.UTF-8', LC_ALL: '' } });
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^pipe-chat: koffi .* cannot load on .*koffi, which has no build for this system\.$/)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
