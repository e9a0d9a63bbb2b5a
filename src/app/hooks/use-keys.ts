// The one input layer. It reads Ink's raw input stream (not useInput, which hands over
// whole chunks: "hi\r", two Ctrl+C or a burst of Ctrl+T arrive as one string), turns
// every event into keys with key-reader.ts, and routes each key, in order, to exactly
// one handler by the current mode: the help overlay, the line being typed, or one
// command after Esc. Nothing typed is a command by accident: letters are commands only
// right after Esc (the status bar says so), and only for that one key. Ctrl+C, Ctrl+Z,
// Ctrl+T, F1 to F6 and PgUp/PgDn work in every mode; a paste is always text. F3 opens
// the list of channels, where ↑/↓ choose, Enter switches and Esc closes. F4 turns step
// mode on and off, F5 and F6 let the parent's and the child's held call go (Esc o, h, l
// where F-keys need Fn).
import { useStdin, type Key } from 'ink';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { usesUpEsc, type InputMode } from '../state/ui-reducer.js';
import { KeyReader } from './key-reader.js';

export { F1_SEQUENCES, F2_SEQUENCES, F3_SEQUENCES, F4_SEQUENCES, F5_SEQUENCES, F6_SEQUENCES } from './key-reader.js';

export type Command =
  | 'quit'
  | 'suspend'
  | 'toggle'
  | 'help'
  | 'close-help'
  | 'help-up'
  | 'help-down'
  | 'help-page-up'
  | 'help-page-down'
  | 'keys-mode'
  | 'typing-mode'
  | 'other-input'
  | 'restart'
  | 'zero-tally'
  | 'child-delay'
  | 'parent-delay'
  | 'trace'
  | 'fds'
  | 'layout'
  | 'save'
  | 'page-up'
  | 'page-down'
  | 'panel-up'
  | 'panel-down'
  | 'source'
  | 'channel-list'
  | 'list-up'
  | 'list-down'
  | 'list-pick'
  | 'close-list'
  | 'sweep'
  | 'step-mode'
  | 'let-go-parent'
  | 'let-go-child';

/** The single keys that are commands right after Esc. */
const LETTERS: Record<string, Command> = {
  '?': 'help',
  t: 'toggle',
  r: 'restart',
  n: 'restart',
  z: 'zero-tally',
  d: 'child-delay',
  p: 'parent-delay',
  x: 'trace',
  f: 'fds',
  b: 'layout',
  s: 'save',
  c: 'source',
  w: 'channel-list',
  g: 'sweep',
  o: 'step-mode',
  h: 'let-go-parent',
  l: 'let-go-child',
  q: 'quit',
};

/** F2 to F6, in every mode (F1 toggles the help). */
const FN_COMMANDS: Record<2 | 3 | 4 | 5 | 6, Command> = { 2: 'source', 3: 'channel-list', 4: 'step-mode', 5: 'let-go-parent', 6: 'let-go-child' };

export interface KeyRoutes {
  mode: InputMode;
  command(command: Command): void;
  /** A key for the line being typed; `paste` for text that came inside paste markers. */
  typed(text: string, key: Key, paste: boolean): void;
}

/** Where one key goes in a mode: a command, the line being typed, or nowhere. */
export function routeKey(mode: InputMode, text: string, key: Key): Command | 'input' | null {
  if (key.ctrl && text === 'c') return 'quit';
  if (key.ctrl && text === 'z') return 'suspend';
  if (key.ctrl && text === 't') return 'toggle';
  if (key.pageUp) return mode === 'help' ? 'help-page-up' : 'page-up';
  if (key.pageDown) return mode === 'help' ? 'help-page-down' : 'page-down';
  if (mode === 'help') {
    if (key.escape || text === '?' || text === 'q') return 'close-help';
    if (key.upArrow) return 'help-up';
    if (key.downArrow) return 'help-down';
    return null;
  }
  if (mode === 'list') {
    if (key.escape || text === 'q') return 'close-list';
    if (key.upArrow) return 'list-up';
    if (key.downArrow) return 'list-down';
    if (key.return) return 'list-pick';
    return null;
  }
  if (key.upArrow) return 'panel-up';
  if (key.downArrow) return 'panel-down';
  if (mode === 'keys') {
    if (key.escape || key.return) return 'typing-mode';
    const command = key.ctrl || key.meta ? undefined : LETTERS[text.toLowerCase()];
    // Any other key ends keys mode and is typed: nothing is lost.
    return command ?? 'input';
  }
  if (key.escape) return 'keys-mode';
  if (key.tab) return 'other-input';
  return 'input';
}

/** The mode a routed key leaves behind, before the screen has caught up with it. */
function modeAfter(mode: InputMode, route: Command | 'input' | null): InputMode {
  if (route === 'keys-mode') return 'keys';
  if (route === 'help') return 'help';
  if (route === 'close-help' || route === 'close-list' || route === 'list-pick') return 'text';
  if (route === 'channel-list') return mode === 'list' ? 'text' : 'list';
  return mode === 'keys' && route !== null && usesUpEsc(route) ? 'text' : mode;
}

export function useKeys(routes: KeyRoutes): void {
  // The routes of the latest commit: a key that arrives before Ink re-renders still goes
  // where the screen shows. Set at commit, never during render; within one burst of keys
  // the mode each key leaves is applied here at once ("Esc" then "rr": one restart).
  const latest = useRef(routes);
  useLayoutEffect(() => {
    latest.current = routes;
  });
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  useEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isRawModeSupported, setRawMode]);
  useEffect(() => {
    const reader = new KeyReader();
    const onRaw = (data: string) => {
      for (const press of reader.read(data)) {
        const { mode, command, typed } = latest.current;
        if (press.fn === 1) {
          command(mode === 'help' ? 'close-help' : 'help');
          latest.current = { ...latest.current, mode: mode === 'help' ? 'text' : 'help' };
          continue;
        }
        if (press.fn) {
          const fn = FN_COMMANDS[press.fn];
          command(fn);
          latest.current = { ...latest.current, mode: fn === 'channel-list' ? modeAfter(mode, fn) : mode };
          continue;
        }
        const route = press.paste ? 'input' : routeKey(mode, press.text, press.key);
        if (route === 'input') typed(press.text, press.key, press.paste === true);
        else if (route) command(route);
        latest.current = { ...latest.current, mode: modeAfter(mode, route) };
      }
    };
    events?.on('input', onRaw);
    return () => {
      events?.off('input', onRaw);
    };
  }, [events]);
}
