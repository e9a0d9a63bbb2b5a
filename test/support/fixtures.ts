// A test fixture (test/fixtures/NAME.ts) bundled into a runnable .mjs, as scripts/build.mjs
// bundles the program: inside the project, so that koffi (external there too) resolves
// from node_modules. `remove()` deletes it; call it from afterAll.
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

export function bundleFixture(name: string): { file: string; remove(): void } {
  fs.mkdirSync('node_modules/.cache', { recursive: true });
  const dir = fs.mkdtempSync(path.resolve('node_modules/.cache/pc-fixture-'));
  const file = path.join(dir, `${name}.mjs`);
  buildSync({
    entryPoints: [`test/fixtures/${name}.ts`],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    external: ['koffi'],
    // Bundled CommonJS dependencies (execa's) call require(): give the ESM output one, as scripts/build.mjs does.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
