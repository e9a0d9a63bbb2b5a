// Too few file descriptors is one line and exit 1 (or the program simply works), never a
// stack trace, and nothing of ours is left running: a few limits of scripts/fd-limits.mjs,
// which checks every limit from the lowest at which Node starts a program file up to 64.
import { describe, expect, it } from 'vitest';
import { lowestLimit, runAtLimit } from '../../scripts/fd-limits.mjs';

describe('ulimit -n from the lowest Node starts at', () => {
  const lowest = lowestLimit();
  it.each([lowest, lowest + 1, 24, 28, 30, 40])('at %i: race, writers and the chat through its wirings print no stack trace and leave nothing running', async (limit) => {
    const results = await runAtLimit(limit, ['race', 'writers', 'chat']);
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.problems.join(', ')}\n${r.output.slice(-2000)}`)).toEqual([]);
    for (const r of results) if (r.status !== 0) expect(r.said).toMatch(/^pipe-chat: /);
  }, 120_000);
});
