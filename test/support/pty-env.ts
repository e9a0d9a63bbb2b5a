// The environment the program under test starts in: our terminal's variables removed (so
// it sees only the pseudo-terminal), English unless a test says otherwise, Ink out of its
// CI mode, and a marker that every process of the session inherits.
/** Environment values; `undefined` removes an inherited variable. */
export type EnvOverrides = Record<string, string | undefined>;

// Variables that would make the program under test see another terminal than ours
// (node-pty drops these only when it is handed process.env itself).
const TERMINAL_VARIABLES = ['COLUMNS', 'LINES', 'TMUX', 'TMUX_PANE', 'STY', 'WINDOW', 'WINDOWID', 'TERMCAP', 'COLORTERM'];
// Locale variables that outrank LANG: dropped so the language is LANG's unless a test says otherwise.
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE'];
/** Every process of a session inherits this variable; it finds them after they are orphaned. */
export const SESSION_MARKER = 'PIPE_CHAT_PTY_SESSION';

export function buildPtyEnv(overrides: EnvOverrides, marker: string): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of [...TERMINAL_VARIABLES, ...LOCALE_VARIABLES]) delete env[name];
  Object.assign(env, {
    TERM: 'xterm-256color',
    LANG: 'en_US.UTF-8',
    // Ink renders only the last frame and ignores resizes when is-in-ci says yes;
    // it says no for 'false'. CONTINUOUS_INTEGRATION counts too.
    CI: 'false',
    CONTINUOUS_INTEGRATION: 'false',
    [SESSION_MARKER]: marker,
  });
  Object.assign(env, overrides);
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) clean[name] = value;
  return clean;
}
