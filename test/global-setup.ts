// Every test runs against freshly built bundles: the e2e and link tests fork dist/child.js
// and dist/cli.js, the files that ship.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
