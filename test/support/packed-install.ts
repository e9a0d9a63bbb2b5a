// Packs a clean checkout of the repository (its files as git sees them: no dist/, no
// build left over) as `npm publish` would, so the tarball holds the program only if the
// package's own prepack builds it; then installs the tarball into an empty project. The
// install fetches the package's one dependency (koffi, and its binary for this platform)
// from the npm cache or the registry, and nothing else.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extraCaCertsForTls } from './extra-ca-certs.js';
import { REPO_ROOT } from './pty.js';

export interface PackedInstall {
  /** The temporary directory that holds everything below; remove() deletes it. */
  work: string;
  tarball: string;
  /** The empty project the tarball was installed into. */
  project: string;
  /** node_modules/.bin/pipe-chat of that project. */
  bin: string;
  /** Files in the tarball. */
  files: string[];
  timings: { packMs: number; installMs: number };
  remove(): void;
}

/** An environment for npm that cannot reach a cache or a config of the caller's by accident, with the certificates its registry connections may need. */
export function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraCaCertsForTls(), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  delete env.npm_config_cache;
  return env;
}

export function run(command: string, args: string[], cwd: string, timeoutMs = 120_000): { stdout: string; ms: number } {
  const t0 = performance.now();
  const result = spawnSync(command, args, { cwd, env: npmEnv(), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const ms = Math.round(performance.now() - t0);
  if (result.status !== 0) {
    const how = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit ${result.status}`;
    throw new Error(`${command} ${args.join(' ')} failed (${how}) in ${cwd}\nstdout: ${result.stdout?.slice(0, 2000)}\nstderr: ${result.stderr?.slice(0, 2000)}`);
  }
  return { stdout: result.stdout, ms };
}

/**
 * The repository's files as a fresh clone of this working tree would have them: tracked
 * and new files, nothing git ignores (dist/, node_modules/). The build tools come from
 * the repository's own node_modules, linked in, so that no install is needed to build.
 */
function cleanCheckout(into: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(REPO_ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    fs.copyFileSync(from, path.join(into, file));
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(into, 'node_modules'));
}

/** Packs a clean checkout (its prepack builds dist/) and installs the tarball into an empty project. */
export function packAndInstall(): PackedInstall {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-packed-'));
  const remove = () => fs.rmSync(work, { recursive: true, force: true });
  try {
    const packDir = path.join(work, 'pack');
    const checkout = path.join(work, 'checkout');
    const project = path.join(work, 'project');
    for (const dir of [packDir, checkout, project]) fs.mkdirSync(dir);
    cleanCheckout(checkout);
    const packed = run('npm', ['pack', '--json', '--pack-destination', packDir], checkout, 300_000);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    if (!info) throw new Error(`npm pack printed no package: ${packed.stdout}`);
    const tarball = path.join(packDir, info.filename);
    fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'packed-test', private: true }, null, 2)}\n`);
    const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project, 300_000);
    return {
      work,
      tarball,
      project,
      bin: path.join(project, 'node_modules/.bin/pipe-chat'),
      files: info.files.map((f) => f.path).sort(),
      timings: { packMs: packed.ms, installMs: installed.ms },
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}
