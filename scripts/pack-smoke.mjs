// Packs pipe-chat as `npm publish` would, installs the tarball into an empty project and
// runs the installed command, on this Node and optionally on others (fetched with
// `npx -p node@N`): proves that the package works with nothing but its own files.
//
//   node scripts/pack-smoke.mjs [--node 22] [--node 24] [--no-build] [--keep]
//
// Exit status 0 when every check passed or was skipped, 1 when one failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
// What `files` should ship: the manifest, the docs npm always adds, and the two bundles.
const EXPECTED_FILES = /^(package\.json|README(\.\w+)?|LICENSE(\.\w+)?|dist\/(cli|child)\.js)$/i;

const { values: options } = parseArgs({
  options: {
    node: { type: 'string', multiple: true, default: [] },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('usage: node scripts/pack-smoke.mjs [--node 22]... [--no-build] [--keep]');
  process.exit(0);
}

const results = [];
const started = performance.now();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-pack-'));
// A cache of our own: an offline install from it proves that nothing had to be fetched,
// and `npx <tarball>` cannot pick up a stale copy of an earlier tarball of the same version.
const isolatedCache = path.join(work, 'npm-cache');
const childEnv = { ...process.env, LANG: 'en_US.UTF-8', npm_config_update_notifier: 'false' };
for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'npm_config_cache']) delete childEnv[name];

function run(command, args, { cwd = work, env = childEnv, timeoutMs = 120_000 } = {}) {
  const t0 = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const ms = Math.round(performance.now() - t0);
  const stderr = (result.stderr ?? '')
    .split('\n')
    .filter((line) => !/npm warn Unknown (user|env) config/.test(line))
    .join('\n')
    .trim();
  return { status: result.status, signal: result.signal, error: result.error, stdout: result.stdout ?? '', stderr, ms };
}

function record(name, outcome, ms, detail = '') {
  results.push({ name, outcome, ms, detail });
  const mark = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' }[outcome];
  console.log(`${mark} ${name} (${ms} ms)${detail ? `\n       ${detail.split('\n').join('\n       ')}` : ''}`);
}

function describeFailure(r) {
  if (r.error) return r.error.message;
  const status = r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
  return `${status}\nstdout: ${r.stdout.trim().slice(0, 800)}\nstderr: ${r.stderr.slice(0, 800)}`;
}

function npm(args, opts) {
  return run('npm', args, opts);
}

// ---- build and pack ----
if (!options['no-build']) {
  const r = run(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot });
  record('build', r.status === 0 ? 'pass' : 'fail', r.ms, r.status === 0 ? '' : describeFailure(r));
  if (r.status !== 0) finish();
}

const packDir = path.join(work, 'pack');
fs.mkdirSync(packDir);
const packed = npm(['pack', '--json', '--pack-destination', packDir], { cwd: repoRoot });
let tarball;
if (packed.status === 0) {
  const [info] = JSON.parse(packed.stdout);
  tarball = path.join(packDir, info.filename);
  const files = info.files.map((file) => file.path).sort();
  const unexpected = files.filter((file) => !EXPECTED_FILES.test(file));
  const missing = ['dist/cli.js', 'dist/child.js', 'package.json'].filter((file) => !files.includes(file));
  const listing = `${info.filename}: ${(info.size / 1024).toFixed(1)} KiB packed, ${(info.unpackedSize / 1024).toFixed(1)} KiB unpacked\n` + `files: ${files.join(', ')}`;
  const problems = [...missing.map((file) => `missing ${file}`), ...unexpected.map((file) => `unexpected ${file}`)];
  record('npm pack', problems.length === 0 ? 'pass' : 'fail', packed.ms, [listing, ...problems].join('\n'));
} else {
  record('npm pack', 'fail', packed.ms, describeFailure(packed));
  finish();
}

// ---- install into an empty project ----
const project = path.join(work, 'project');
fs.mkdirSync(project);
fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'pack-smoke', private: true }, null, 2)}\n`);
const runtimeDependencies = Object.keys(pkg.dependencies ?? {});
// With no runtime dependency the install must succeed offline from an empty cache.
const offline = runtimeDependencies.length === 0;
const installArgs = ['install', '--no-audit', '--no-fund', ...(offline ? ['--offline', '--cache', isolatedCache] : []), tarball];
const installed = npm(installArgs, { cwd: project });
if (installed.status !== 0) {
  record(`npm install${offline ? ' --offline' : ''} <tarball>`, 'fail', installed.ms, describeFailure(installed));
  finish();
}
const lock = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/.package-lock.json'), 'utf8'));
const others = Object.entries(lock.packages)
  .filter(([where]) => where !== 'node_modules/pipe-chat')
  .map(([where, info]) => `${where.replace(/^.*node_modules\//, '')}@${info.version}`);
record(
  `npm install${offline ? ' --offline' : ''} <tarball>`,
  offline && others.length > 0 ? 'fail' : 'pass',
  installed.ms,
  others.length === 0
    ? 'installed: pipe-chat alone'
    : `installed besides pipe-chat (${others.length}): ${others.slice(0, 40).join(' ')}${others.length > 40 ? ' ...' : ''}\n` +
        `package.json dependencies: ${runtimeDependencies.join(', ') || 'none'}${offline ? '' : ' (the bundle should need none: move them to devDependencies)'}`,
);
const bin = path.join(project, 'node_modules/.bin/pipe-chat');

// ---- the installed command, on each Node ----
const runtimes = [{ label: `node ${process.version} (bin via its shebang)`, command: bin, prefix: [] }];
for (const major of options.node) {
  const t0 = performance.now();
  // Resolve the binary once: `npx -p node@N node` on every call would cost seconds each.
  const located = run('npx', ['-y', '-p', `node@${major}`, 'node', '-p', 'process.execPath + " " + process.version'], { timeoutMs: 300_000 });
  const ms = Math.round(performance.now() - t0);
  const [execPath, version] = located.stdout.trim().split(' ');
  if (located.status !== 0 || !execPath || !version?.startsWith(`v${major}.`)) {
    record(`fetch node@${major}`, 'fail', ms, describeFailure(located));
    continue;
  }
  record(`fetch node@${major}`, 'pass', ms, `${version} at ${execPath}`);
  runtimes.push({ label: `node ${version}`, command: execPath, prefix: [bin] });
}

for (const runtime of runtimes) {
  const invoke = (args) => run(runtime.command, [...runtime.prefix, ...args], { cwd: project });

  const version = invoke(['--version']);
  const versionOk = version.status === 0 && version.stdout.trim() === pkg.version;
  record(`${runtime.label}: pipe-chat --version`, versionOk ? 'pass' : 'fail', version.ms, versionOk ? version.stdout.trim() : describeFailure(version));

  const help = invoke(['--help']);
  const helpOk = help.status === 0 && help.stdout.includes('pipe-chat') && help.stdout.includes('race');
  record(`${runtime.label}: pipe-chat --help`, helpOk ? 'pass' : 'fail', help.ms, helpOk ? help.stdout.trim().split('\n')[0] : describeFailure(help));

  const race = invoke(['race', '--pipes', '1', '--trials', '50', '--json']);
  const name = `${runtime.label}: pipe-chat race --pipes 1 --trials 50 --json`;
  if (race.status === 2) {
    // A usage error: the command line does not know `race` (yet).
    record(name, 'skip', race.ms, `race is not available in this build (exit 2): ${race.stderr.split('\n')[0]}`);
    continue;
  }
  let report;
  try {
    report = JSON.parse(race.stdout);
  } catch {
    report = undefined;
  }
  const raceOk =
    race.status === 0 &&
    report?.pipes === 1 &&
    report?.trials === 50 &&
    Number.isInteger(report?.stolen) &&
    report.stolen >= 0 &&
    report.stolen <= 50;
  record(name, raceOk ? 'pass' : 'fail', race.ms, raceOk ? `stolen ${report.stolen}/50, ${report.trialsPerSecond ?? '?'} trials/s` : describeFailure(race));
}

// ---- npx, as a user runs it, in an empty directory ----
{
  const empty = path.join(work, 'empty');
  fs.mkdirSync(empty);
  const r = run('npx', ['-y', '--cache', isolatedCache, ...(offline ? ['--offline'] : []), '--package', tarball, '--', 'pipe-chat', '--version'], { cwd: empty });
  const ok = r.status === 0 && r.stdout.trim() === pkg.version;
  record(`npx --package <tarball> pipe-chat --version (empty directory${offline ? ', offline' : ''})`, ok ? 'pass' : 'fail', r.ms, ok ? '' : describeFailure(r));
}

finish();

function finish() {
  const failed = results.filter((r) => r.outcome === 'fail').length;
  const skipped = results.filter((r) => r.outcome === 'skip').length;
  const total = Math.round(performance.now() - started);
  console.log(`\n${results.length - failed - skipped} passed, ${failed} failed, ${skipped} skipped in ${(total / 1000).toFixed(1)} s`);
  if (options.keep) console.log(`kept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
  process.exit(failed > 0 ? 1 : 0);
}
