import { describe, expect, it } from 'vitest';
import { chatRefusal, ciOverrides, platformSupport } from '../src/environment.js';

describe('platformSupport', () => {
  it.each([
    ['linux', 'full'],
    ['android', 'full'],
    ['darwin', 'no-proc'],
    ['freebsd', 'no-proc'],
    ['openbsd', 'no-proc'],
    ['netbsd', 'no-proc'],
    ['sunos', 'no-proc'],
    ['aix', 'no-proc'],
    ['haiku', 'no-proc'],
    ['cygwin', 'no-proc'],
    ['win32', 'unsupported'],
  ] as const)('%s: %s', (platform, support) => {
    expect(platformSupport(platform)).toBe(support);
  });
});

describe('chatRefusal', () => {
  const tty = { stdinIsTTY: true, stdoutIsTTY: true };
  it('runs on a real terminal', () => {
    expect(chatRefusal({ env: { TERM: 'xterm-256color' }, ...tty })).toBeNull();
  });
  it('names the stream that is not a terminal', () => {
    expect(chatRefusal({ env: {}, stdinIsTTY: false, stdoutIsTTY: true })).toEqual({ reason: 'not-a-terminal', stream: 'stdin' });
    expect(chatRefusal({ env: {}, stdinIsTTY: true, stdoutIsTTY: false })).toEqual({ reason: 'not-a-terminal', stream: 'stdout' });
  });
  it.each(['dumb', 'unknown'])('refuses TERM=%s, which cannot move the cursor', (term) => {
    expect(chatRefusal({ env: { TERM: term }, ...tty })).toEqual({ reason: 'dumb-terminal' });
  });
});

describe('ciOverrides', () => {
  it('tells Ink it is not in CI when CI or CONTINUOUS_INTEGRATION says yes', () => {
    expect(ciOverrides({ CI: 'true' })).toEqual({ CI: 'false' });
    expect(ciOverrides({ CI: '1', CONTINUOUS_INTEGRATION: 'yes' })).toEqual({ CI: 'false', CONTINUOUS_INTEGRATION: 'false' });
    expect(ciOverrides({ CI: '' })).toEqual({ CI: 'false' });
  });
  it('changes nothing when CI is absent or already says no', () => {
    expect(ciOverrides({})).toEqual({});
    expect(ciOverrides({ CI: 'false', CONTINUOUS_INTEGRATION: '0' })).toEqual({});
  });
});
