import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['dist/cli.js', ...args], { reject: false, input: '', env: { LANG: 'C.UTF-8', LC_ALL: '', ...env } });

describe('pipe-chat command line', () => {
  it('--help prints usage and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('pipe-chat race [options]');
    expect(r.stdout).toContain('--pipes 1|2');
  });

  it('--help is in Korean under a Korean locale or --lang ko', async () => {
    expect((await cli(['--help'], { LANG: 'ko_KR.UTF-8' })).stdout).toContain('사용법');
    expect((await cli(['--help', '--lang', 'ko'])).stdout).toContain('사용법');
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['--pipes', '3'], '--pipes must be 1 or 2, not "3"'],
    [['--pipes'], '--pipes needs a value'],
    [['race', '--trials', '0'], '--trials must be a whole number from 1 to 100000, not "0"'],
    [['race', '--delay', 'soon'], '--delay must be a number from 0 to 60000, not "soon"'],
    [['--lang', 'fr'], '--lang must be en or ko, not "fr"'],
    [['extra'], 'unexpected argument "extra"'],
    [['race', 'extra'], 'unexpected argument "extra"'],
    [['--trials', '5'], '--trials is an option of "pipe-chat race"'],
    [['race', '--auto'], '--auto is an option of the chat, not of "pipe-chat race"'],
  ])('%j prints the problem and usage on stderr and exits 2', async (args, message) => {
    const r = await cli(args);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`pipe-chat: ${message}\n`);
    expect(r.stderr).toContain('Usage:');
  });

  it('says a usage problem in Korean under a Korean locale, wherever --lang stands', async () => {
    for (const [args, env] of [
      [['race', '--trials', '0'], { LANG: 'ko_KR.UTF-8' }],
      [['--lang', 'ko', 'race', '--trials', '0'], {}],
    ] as const) {
      const r = await cli([...args], env);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('--trials는 1에서 100000 사이의 정수여야 합니다');
      expect(r.stderr).toContain('사용법');
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
    expect(result).toMatchObject({ pipes: 1, trials: 20, delayMs: 0 });
    expect(result.stolen! + result.delivered!).toBe(20);
    expect(typeof result.parentBlocked).toBe('number');
  });

  it('race prints a readable report', async () => {
    const r = await cli(['race', '--pipes', '2', '--trials', '10']);
    expect(r.stdout).toContain('two pipes, 10 trials');
    expect(r.stdout).toContain('parent received the message:     10 (100.0%)');
  });
});

describe('pipe-chat --script', () => {
  it('a bad script file is refused before the terminal is touched, with the file and the problem (exit 2)', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pc-script-')), 'lines.json');
    fs.writeFileSync(file, JSON.stringify({ child: ['only one'], parent: ['a', 'b', 'c'] }));
    const r = await cli(['--script', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`--script ${file}: "child" must have 3 lines`);
    const missing = await cli(['--script', '/nonexistent/lines.json']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/--script \/nonexistent\/lines.json: .*no such file/);
  });
});
