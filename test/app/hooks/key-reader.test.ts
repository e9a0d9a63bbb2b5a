// The keys in one read, in order: what Ink 6.8 hands over as one string becomes one key
// per control byte and one per run of text; a bracketed paste is text only.
import { describe, expect, it } from 'vitest';
import { KeyReader, PASTE_END, PASTE_START } from '../../../src/app/hooks/key-reader.js';
import { routeKey } from '../../../src/app/hooks/use-keys.js';

const keysOf = (...events: string[]) => {
  const reader = new KeyReader();
  return events.flatMap((e) => reader.read(e)).map((k) => (k.paste ? `paste:${k.text}` : k.key.escape ? 'Esc' : k.key.return ? 'Enter' : k.key.ctrl ? `Ctrl+${k.text}` : k.key.pageUp ? 'PgUp' : k.key.backspace ? 'Backspace' : k.text));
};

describe('the key reader', () => {
  it('splits text and Enter, two Ctrl+C, and text then Ctrl+T that arrive in one read', () => {
    expect(keysOf('hi\r')).toEqual(['hi', 'Enter']);
    expect(keysOf('\x03\x03')).toEqual(['Ctrl+c', 'Ctrl+c']);
    expect(keysOf('abc\x14de\x14')).toEqual(['abc', 'Ctrl+t', 'de', 'Ctrl+t']);
    expect(keysOf('\x14'.repeat(21))).toHaveLength(21);
    expect(keysOf('one\r\ntwo\n')).toEqual(['one', 'Enter', 'two', 'Enter']);
    expect(keysOf('ab\x7f')).toEqual(['ab', 'Backspace']);
    expect(keysOf('\x1b[5~')).toEqual(['PgUp']);
  });

  it('takes Esc and the keys after it in one read as Esc, then those keys (tmux send-keys Escape x)', () => {
    expect(keysOf('\x1bx')).toEqual(['Esc', 'x']);
    expect(keysOf('\x1bquit\r')).toEqual(['Esc', 'quit', 'Enter']);
    expect(keysOf('\x1b\x1b')).toEqual(['Esc', 'Esc']);
    expect(keysOf('\x1b\x1b[5~')).toEqual(['Esc', 'PgUp']);
    expect(keysOf('\x1b')).toEqual(['Esc']);
  });

  it('takes a bracketed paste as text: line breaks become spaces, Ctrl+C is the picture ␃', () => {
    expect(keysOf(PASTE_START, 'line one\rline two\r', PASTE_END)).toEqual(['paste:line one line two ']);
    expect(keysOf(PASTE_START, 'a\x03b', PASTE_END, '\x03')).toEqual(['paste:a␃b', 'Ctrl+c']);
  });

  it('never makes a typed letter a command unless Esc came just before', () => {
    const key = new KeyReader().read('q')[0]!.key;
    expect(routeKey('text', 'q', key)).toBe('input');
    expect(routeKey('keys', 'q', key)).toBe('quit');
    expect(routeKey('keys', 'K', key)).toBe('input'); // a letter with no command: typed, nothing lost
  });

  it("reads F4, F5 and F6 (step mode, the parent's and the child's held call) as xterm and the Linux console send them; Esc o, h, l are the same commands", () => {
    const fns = (...events: string[]) => events.map((e) => new KeyReader().read(e)[0]?.fn);
    expect(fns('\x1bOS', '\x1b[14~', '\x1b[[D', '\x1b[15~', '\x1b[[E', '\x1b[17~')).toEqual([4, 4, 4, 5, 5, 6]);
    const key = new KeyReader().read('o')[0]!.key;
    expect(['o', 'h', 'l'].map((letter) => routeKey('keys', letter, key))).toEqual(['step-mode', 'let-go-parent', 'let-go-child']);
    expect(routeKey('text', 'h', key)).toBe('input');
  });
});
