// The package as a user gets it: `npm pack` from a clean checkout (its prepack builds the
// program), installed into an empty project (koffi, its one dependency, comes from the
// npm cache or the registry), then `npx -y -p TARBALL pipe-chat` in an empty folder and
// the installed `pipe-chat --auto --exit-when-done` in a real pseudo-terminal, to a clean
// exit. On this Node always; on Node 22 and 24 (fetched with `npx -y -p node@N`) when
// PIPE_CHAT_TEST_OTHER_NODES=1.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packAndInstall, run, type PackedInstall } from '../support/packed-install.js';
import { ptySessions, type PtySession } from '../support/pty.js';
import { expectCleanExit, followThreeTurns } from './auto-run.js';

const OTHER_NODES = process.env.PIPE_CHAT_TEST_OTHER_NODES === '1';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

let installed: PackedInstall | undefined;
beforeAll(() => {
  installed = packAndInstall();
  console.log(`packed (with its build) in ${installed.timings.packMs} ms, installed in ${installed.timings.installMs} ms`);
}, 600_000);
afterAll(() => installed?.remove());

function packed(): PackedInstall {
  if (!installed) throw new Error('the tarball was not installed');
  return installed;
}

/** Runs the installed command the way a user's shell would, and follows the auto-play to its exit. */
async function playToTheEnd(start: () => PtySession, label: string): Promise<void> {
  const t0 = Date.now();
  const chat = start();
  const { childPid } = await followThreeTurns(chat);
  await expectCleanExit(chat, childPid);
  expect(chat.output()).toContain('auto-play ×20');
  console.log(`${label}: pipe-chat --auto --exit-when-done --speed 5 ran to a clean exit in ${Date.now() - t0} ms`);
}

const AUTO_ARGS = ['--lang', 'en', '--auto', '--exit-when-done', '--speed', '20'];

describe('the packed tarball in an empty project', () => {
  it('holds only the manifest, the docs and the four bundles, built by its prepack, and installs nothing besides itself and koffi', () => {
    const { files, project } = packed();
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/child.js', 'dist/call-thread.js', 'dist/writer.js', 'package.json', 'LICENSE', 'README.md', 'README.ko.md', 'dist/THIRD-PARTY-NOTICES.txt']));
    expect(files.filter((f) => !/^(package\.json|README(\.ko)?\.md|LICENSE|dist\/(cli|child|call-thread|writer|chunk-[A-Z0-9]+)\.js|dist\/THIRD-PARTY-NOTICES\.txt)$/.test(f))).toEqual([]);
    const lock = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages).sort();
    expect(installed.filter((p) => !p.startsWith('node_modules/@koromix/koffi-'))).toEqual(['node_modules/koffi', 'node_modules/pipe-chat']);
    // koffi's binary comes in a package of its own per platform: only this platform's is installed.
    expect(installed.filter((p) => p.startsWith('node_modules/@koromix/koffi-'))).toEqual([`node_modules/@koromix/koffi-${process.platform}-${process.arch}`]);
  });

  it('ships its licence, the bundled packages\' licence notices, and where the project lives', () => {
    const root = path.join(packed().project, 'node_modules/pipe-chat');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      license: 'MIT',
      repository: { url: 'git+https://github.com/pipe-chat/pipe-chat.git' },
      homepage: 'https://github.com/pipe-chat/pipe-chat#readme',
      bugs: { url: 'https://github.com/pipe-chat/pipe-chat/issues' },
    });
    expect(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    const notices = fs.readFileSync(path.join(root, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
    const sections = notices.split(/^-{78}$/m).slice(1);
    for (const name of ['ink', 'react', 'react-reconciler', 'yoga-layout', 'scheduler']) {
      const section = sections.find((s) => s.trimStart().startsWith(`${name} `));
      expect(section, `${name}'s notice`).toMatch(/Copyright \(c\)[^\n]+\n[\s\S]*Permission is hereby granted/);
    }
    // Every section holds a licence text, not only a name.
    for (const section of sections) expect(section).toMatch(/Permission|Redistribution|licen[cs]e/i);
  });

  it('runs with npx -y -p TARBALL pipe-chat in an empty directory: --version, the race and the writers without a terminal', () => {
    const { tarball, work } = packed();
    const empty = fs.mkdtempSync(path.join(work, 'empty-'));
    // The form the README gives (npx -y ./TARBALL fails: a tarball is not a command).
    const npx = (args: string[]) => run('npx', ['-y', '-p', tarball, 'pipe-chat', ...args], empty, 300_000).stdout;
    expect(npx(['--version']).trim()).toBe((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version);
    const race = JSON.parse(npx(['race', '--pipes', '1', '--trials', '50', '--json'])) as Record<string, number>;
    expect(race).toMatchObject({ version: 1, wiring: 'one-pipe', pipes: 1, trials: 50 });
    expect((race.stolen ?? 0) + (race.delivered ?? 0)).toBe(50);
    const writers = JSON.parse(npx(['writers', '--size', '4096', '--messages', '2', '--json'])) as { runs: Record<string, number>[] };
    expect(writers.runs[0]).toMatchObject({ writers: 4, size: 4096, total: 8, whole: 8, torn: 0 });
  }, 600_000);

  it(`runs the installed pipe-chat --auto --exit-when-done on this Node (${process.version}) to a clean exit`, async () => {
    const { bin, project } = packed();
    // Through its shebang, as a shell runs it, with this test's Node first on PATH.
    const PATH = [path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter);
    await playToTheEnd(() => sessions.start({ command: bin, args: AUTO_ARGS, cwd: project, cols: 120, rows: 32, env: { PATH } }), `node ${process.version}`);
  }, 60_000);

  for (const major of [22, 24]) {
    it.runIf(OTHER_NODES)(`runs it on Node ${major} from npx -p node@${major}`, async () => {
      const { bin, project } = packed();
      // Resolve the binary once: `npx -p node@N node` spends seconds on every call.
      const t0 = Date.now();
      const located = run('npx', ['-y', '-p', `node@${major}`, 'node', '-p', 'process.execPath + " " + process.version'], project, 300_000);
      const [execPath, version] = located.stdout.trim().split(' ');
      expect(version).toMatch(new RegExp(`^v${major}\\.`));
      console.log(`node@${major}: ${version} at ${execPath}, resolved in ${Date.now() - t0} ms`);
      await playToTheEnd(() => sessions.start({ command: execPath ?? '', args: [bin, ...AUTO_ARGS], cwd: project, cols: 120, rows: 32 }), `node ${version}`);
    }, 360_000);
  }
});
