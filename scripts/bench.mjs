// `npm run bench`: bundles scripts/bench.ts (it uses src/ directly) and runs it.
// Arguments pass through: `npm run bench -- --json`.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Inside the project, so that the bundle's external packages resolve from node_modules.
fs.mkdirSync('node_modules/.cache', { recursive: true });
const dir = fs.mkdtempSync(path.resolve('node_modules/.cache/pipe-chat-bench-'));
const outfile = path.join(dir, 'bench.js');
await build({
  // The benchmark, the child's echo variant it forks (scripts/bench-fixtures/echo-child.ts),
  // and the parent's call thread, whose entry a link looks for beside its child's.
  entryPoints: { bench: 'scripts/bench.ts', 'echo-child': 'scripts/bench-fixtures/echo-child.ts', 'call-thread': 'src/call-thread.ts' },
  outdir: dir,
  outExtension: { '.js': '.js' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
try {
  await import(pathToFileURL(outfile).href);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
