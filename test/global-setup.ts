// Every test runs against freshly built bundles: the e2e and link tests fork dist/child.js
// and dist/cli.js, the files that ship. The build runs once per test run, and not at all
// when dist/ was built from the same inputs and is still whole: a rebuild replaces the
// chunks, so two runs at once (one loading the machine for the other) would otherwise
// pull the files from under each other's children.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const STAMP = 'dist/.built-from.json';
/** What the build reads besides node_modules, whose state package-lock.json and npm's own lock record. */
const INPUTS = ['src', 'scripts/build.mjs', 'scripts/ink-patches.mjs', 'scripts/third-party-notices.mjs', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];

interface Stamp {
  inputs: string;
  outputs: Record<string, number>;
}

function filesUnder(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

/** A digest of every input's path, size and modification time (contents change one of them). */
function inputsDigest(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder)) {
    const { size, mtimeMs } = fs.statSync(file);
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function distSizes(): Record<string, number> {
  return Object.fromEntries(filesUnder('dist').filter((file) => file !== STAMP).map((file) => [file, fs.statSync(file).size]));
}

function upToDate(inputs: string): boolean {
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8')) as Stamp;
    return stamp.inputs === inputs && Object.entries(stamp.outputs).every(([file, size]) => fs.existsSync(file) && fs.statSync(file).size === size);
  } catch {
    return false;
  }
}

export default function setup(): void {
  const inputs = inputsDigest();
  if (upToDate(inputs)) return;
  fs.rmSync(STAMP, { force: true });
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const stamp: Stamp = { inputs, outputs: distSizes() };
  fs.writeFileSync(STAMP, `${JSON.stringify(stamp, null, 2)}\n`);
}
