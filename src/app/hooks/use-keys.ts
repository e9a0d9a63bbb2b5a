// The one input layer. Ink hands over whole chunks of input, so a chunk holding text and
// Enter ("hi\r": a paste, a fast typist, a loaded machine) is split here, and each key
// goes to exactly one handler by the current mode: the help overlay, the focused input,
// or the command letters. Ctrl+C, Ctrl+Z, Ctrl+T and F1 work in every mode (in raw mode
// the terminal sends Ctrl+Z as a byte, not as SIGTSTP); Esc leaves the input so that
// letters become commands. F1 is not in Ink's key object, so its escape sequences are
// matched on Ink's raw input stream.
import { useInput, useStdin, type Key } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { InputMode } from '../state/ui-reducer.js';

export const F1_SEQUENCES = ['\x1bOP', '\x1b[11~', '\x1b[[A', '\x1b[1P'];
/** F2 (the source view) and F3 (the next wiring) work in every mode, like F1. */
export const F2_SEQUENCES = ['\x1bOQ', '\x1b[12~', '\x1b[[B', '\x1b[1Q'];
export const F3_SEQUENCES = ['\x1bOR', '\x1b[13~', '\x1b[[C', '\x1b[1R'];

export type Command = 'quit' | 'suspend' | 'toggle' | 'help' | 'close-help' | 'help-up' | 'help-down' | 'keys-mode' | 'typing-mode' | 'other-input' | 'restart' | 'child-delay' | 'parent-delay' | 'trace' | 'fds' | 'save' | 'source' | 'next-wiring';

const LETTERS: Record<string, Command> = {
  '?': 'help',
  t: 'toggle',
  r: 'restart',
  n: 'restart',
  d: 'child-delay',
  p: 'parent-delay',
  x: 'trace',
  f: 'fds',
  s: 'save',
  c: 'source',
  w: 'next-wiring',
  q: 'quit',
  i: 'typing-mode',
};

export interface KeyRoutes {
  mode: InputMode;
  command(command: Command): void;
  /** A key for the focused input; only in text mode. */
  typed(text: string, key: Key): void;
}

/** Where one key goes in a mode: a command, the focused input, or nowhere. */
export function routeKey(mode: InputMode, text: string, key: Key): Command | 'input' | null {
  if (key.ctrl && text === 'c') return 'quit';
  if (key.ctrl && text === 'z') return 'suspend';
  if (key.ctrl && text === 't') return 'toggle';
  if (mode === 'help') {
    if (key.escape || text === '?' || text === 'q') return 'close-help';
    if (key.upArrow || key.pageUp) return 'help-up';
    if (key.downArrow || key.pageDown) return 'help-down';
    return null;
  }
  if (key.tab) return 'other-input';
  if (mode === 'text') return key.escape ? 'keys-mode' : 'input';
  if (key.return) return 'typing-mode';
  const command = LETTERS[text.toLowerCase()];
  return command && !key.ctrl && !key.meta ? command : null;
}

/** A chunk as keys: text and Enter that arrived together become the text, then Enter. */
export function splitChunk(text: string, key: Key): [string, Key][] {
  if (key.return || text.length < 2 || text.startsWith('\x1b') || !text.includes('\r')) return [[text, key]];
  return text
    .split(/(\r)/)
    .filter((part) => part !== '')
    .map((part): [string, Key] => (part === '\r' ? [part, { ...key, return: true }] : [part, key]));
}

export function useKeys(routes: KeyRoutes): void {
  // The routes of the latest commit: a key that arrives before Ink re-subscribes still
  // goes where the screen shows. Set at commit, never during render.
  const latest = useRef(routes);
  useLayoutEffect(() => {
    latest.current = routes;
  });
  const onInput = useCallback((input: string, key: Key) => {
    for (const [text, k] of splitChunk(input, key)) {
      const { mode, command, typed } = latest.current;
      const route = routeKey(mode, text, k);
      if (route === 'input') typed(text, k);
      else if (route) command(route);
    }
  }, []);
  useInput(onInput);

  const { internal_eventEmitter: events } = useStdin();
  useEffect(() => {
    const onRaw = (data: string) => {
      if (F1_SEQUENCES.includes(data)) latest.current.command(latest.current.mode === 'help' ? 'close-help' : 'help');
      if (F2_SEQUENCES.includes(data)) latest.current.command('source');
      if (F3_SEQUENCES.includes(data)) latest.current.command('next-wiring');
    };
    events?.on('input', onRaw);
    return () => {
      events?.off('input', onRaw);
    };
  }, [events]);
}
