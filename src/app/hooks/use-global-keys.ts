// The one top-level key handler. Ctrl+C, Ctrl+Z, Ctrl+T and F1 work everywhere, even
// while typing (in raw mode the terminal sends Ctrl+Z as a byte, not as SIGTSTP); Esc
// leaves the input so that single letters become commands. F1 is not in Ink's key
// object, so its escape sequences are matched on Ink's raw input stream.
import { useInput, useStdin, type Key } from 'ink';
import { useCallback, useEffect, useRef } from 'react';

export const F1_SEQUENCES = ['\x1bOP', '\x1b[11~', '\x1b[[A', '\x1b[1P'];

export type Command = 'quit' | 'suspend' | 'toggle' | 'help' | 'close-help' | 'help-up' | 'help-down' | 'keys-mode' | 'typing-mode' | 'other-input' | 'restart' | 'child-delay' | 'parent-delay' | 'trace' | 'fds' | 'save';

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
  q: 'quit',
  i: 'typing-mode',
};

export function useGlobalKeys(run: (command: Command) => void, { typing, helpOpen }: { typing: boolean; helpOpen: boolean }): void {
  // Read through refs: a key can arrive after a render and before Ink re-subscribes a
  // new handler, and must then see the state of that render, not of the one before.
  const latest = useRef({ run, typing, helpOpen });
  latest.current = { run, typing, helpOpen };

  const onKey = useCallback((input: string, key: Key) => {
    const { run, typing, helpOpen } = latest.current;
    if (key.ctrl && input === 'c') return run('quit');
    if (key.ctrl && input === 'z') return run('suspend');
    if (key.ctrl && input === 't') return run('toggle');
    if (helpOpen) {
      if (key.escape || input === '?' || input === 'q') run('close-help');
      else if (key.upArrow || key.pageUp) run('help-up');
      else if (key.downArrow || key.pageDown) run('help-down');
      return;
    }
    if (key.tab) return run('other-input');
    if (typing) {
      if (key.escape) run('keys-mode');
      return;
    }
    if (key.return) return run('typing-mode');
    const command = LETTERS[input.toLowerCase()];
    if (command && !key.ctrl && !key.meta) run(command);
  }, []);
  useInput(onKey);

  const { internal_eventEmitter: events } = useStdin();
  useEffect(() => {
    const onRaw = (data: string) => {
      if (F1_SEQUENCES.includes(data)) latest.current.run(latest.current.helpOpen ? 'close-help' : 'help');
    };
    events?.on('input', onRaw);
    return () => {
      events?.off('input', onRaw);
    };
  }, [events]);
}
