// The flags the chat gives V8 at run time: a flag the running V8 does not know would print
// "Error: unrecognized flag" on the terminal before the first frame (Node 22 and 24 have
// no --interrupt-budget, which Node 20 has). Run on each Node the project supports.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SCREEN_V8_FLAGS } from '../src/v8-flags.js';

describe("the chat's V8 flags", () => {
  it(`are all known to this Node's V8 (${process.versions.v8}), and set without a word on stderr`, () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const flags = SCREEN_V8_FLAGS;
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(known, flag).toContain(`  ${flag.replace(/=.*$/, '')} `);
    const script = `const v8 = require('node:v8'); for (const f of ${JSON.stringify(flags)}) v8.setFlagsFromString(f);`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
