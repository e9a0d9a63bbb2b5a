// Packs the repository as `npm publish` would and installs the tarball into an empty
// project, offline from an empty cache: the install can only succeed if the package
// needs nothing but its own files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
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

/** An environment for npm that cannot reach a cache or a config of the caller's by accident. */
export function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
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

/** Packs the current build (run `npm run build` first; the test setup does) and installs it. */
export function packAndInstall(): PackedInstall {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-packed-'));
  const remove = () => fs.rmSync(work, { recursive: true, force: true });
  try {
    const packDir = path.join(work, 'pack');
    const cache = path.join(work, 'empty-npm-cache');
    const project = path.join(work, 'project');
    for (const dir of [packDir, cache, project]) fs.mkdirSync(dir);
    const packed = run('npm', ['pack', '--json', '--pack-destination', packDir], REPO_ROOT);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    if (!info) throw new Error(`npm pack printed no package: ${packed.stdout}`);
    const tarball = path.join(packDir, info.filename);
    fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'packed-test', private: true }, null, 2)}\n`);
    const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', cache, tarball], project);
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
