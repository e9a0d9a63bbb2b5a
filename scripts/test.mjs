// `npm test`: the typecheck, the linter and every test, at once. The tests wait on real
// processes much of the time and leave part of the two cores idle; the typecheck and the
// linter (scripts/check.mjs: one TypeScript program for both, about 45 s of CPU) run
// beside them at a lower priority (nice 10), so they take the idle time and slow no
// test's timing. Vitest's output streams as it runs; the checks' output is printed whole
// after it.
// Arguments go to vitest (`npm test -- test/ipc`). The exit status is 1 if anything failed.
import { spawn } from 'node:child_process';
import os from 'node:os';

const CHECKS = [{ name: 'typecheck and lint (scripts/check.mjs)', args: ['scripts/check.mjs'] }];

function lowerPriority(pid) {
  try {
    os.setPriority(pid, 10);
  } catch {
    // Not allowed here: the check runs at the tests' priority, only slower for them.
  }
}

function runCheck({ name, args }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) lowerPriority(child.pid);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? 1, output: signal ? `${output}killed by ${signal}\n` : output }));
  });
}

function runTests(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`vitest did not start: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const checks = Promise.all(CHECKS.map(runCheck));
const testsCode = await runTests(process.argv.slice(2));
const results = await checks;
for (const { name, code, output } of results) {
  if (output) process.stdout.write(output);
  if (code !== 0) console.log(`${name} failed (exit status ${code})`);
}
if (testsCode !== 0) console.error(`tests failed (exit status ${testsCode})`);
process.exitCode = testsCode === 0 && results.every(({ code }) => code === 0) ? 0 : 1;
