// The typecheck and the linter at once, before the tests: each keeps one core busy for
// 15-30 s and they share nothing, so on two cores they finish in the time of the longer.
// Each one's output is printed whole, in a fixed order; the exit status is 1 if either failed.
import { spawn } from 'node:child_process';

const CHECKS = [
  { name: 'typecheck (tsc --noEmit)', args: ['node_modules/typescript/bin/tsc', '--noEmit'] },
  { name: 'lint (eslint .)', args: ['node_modules/eslint/bin/eslint.js', '.'] },
];

function run({ name, args }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? 1, output: signal ? `${output}killed by ${signal}\n` : output }));
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const { name, code, output } of results) {
  if (output) process.stdout.write(output);
  if (code !== 0) console.error(`${name} failed (exit status ${code})`);
}
process.exitCode = results.every(({ code }) => code === 0) ? 0 : 1;
