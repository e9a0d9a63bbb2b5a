// Where the program can run, decided once and purely from what the process was given
// (platform, environment, which streams are terminals), so each case is testable on
// any machine. Linux has everything; other POSIX systems (macOS) run the lesson but
// have no /proc for the fd panel; Windows has no FIFOs and no fork-and-pipe model.
// The chat also needs a terminal that understands escape sequences (not TERM=dumb),
// and Ink must not be told it runs in CI when a person is at a real terminal.

export type PlatformSupport = 'full' | 'no-proc' | 'unsupported';

export function platformSupport(platform: NodeJS.Platform): PlatformSupport {
  if (platform === 'linux' || platform === 'android') return 'full';
  if (platform === 'win32') return 'unsupported';
  return 'no-proc';
}

export type ChatRefusal = { reason: 'not-a-terminal'; stream: 'stdin' | 'stdout' } | { reason: 'dumb-terminal' };

export interface TerminalFacts {
  env: NodeJS.ProcessEnv;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
}

/** Why the full-screen chat cannot run on this terminal, or null when it can. */
export function chatRefusal({ env, stdinIsTTY, stdoutIsTTY }: TerminalFacts): ChatRefusal | null {
  if (!stdinIsTTY) return { reason: 'not-a-terminal', stream: 'stdin' };
  if (!stdoutIsTTY) return { reason: 'not-a-terminal', stream: 'stdout' };
  const term = env.TERM ?? '';
  if (term === 'dumb' || term === 'unknown') return { reason: 'dumb-terminal' };
  return null;
}

const saysYes = (value: string | undefined): boolean => value !== undefined && value !== '0' && value !== 'false';

/**
 * Ink (through is-in-ci) draws only the last frame, and ignores resizes, when CI or
 * CONTINUOUS_INTEGRATION is set to anything but 0 or false: some people export CI=true
 * in their shell, and the chat stayed blank. The chat runs only on a real terminal
 * (chatRefusal), so there it is not in CI: returns the variables to set before Ink loads.
 */
export function ciOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (saysYes(env[name])) overrides[name] = 'false';
  return overrides;
}

/**
 * The environment a Node process of ours starts in (the chat's child, a writer, the
 * keeper): this one's, but NODE_EXTRA_CA_CERTS. Node 20 reads the certificates it names at
 * every start, before any code runs (80 ms of CPU a process on a 2-core machine, with a
 * bundle of 144; Node 22 and 24 read them at the first TLS connection), and none of these
 * processes makes a TLS connection. Each toggle of the channel starts a new child.
 */
export function ourNodeProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const own = { ...env };
  delete own.NODE_EXTRA_CA_CERTS;
  return own;
}
