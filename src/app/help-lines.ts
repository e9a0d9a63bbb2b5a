// The help overlay: every key, from the catalogue, grouped by where it works.
import type { Line } from './lines.js';
import { framed, seg } from './lines.js';
import { padStartToWidth, wrapToWidth } from './text-width.js';
import type { Ui } from './words.js';

export function helpLines(t: Ui, width: number, height: number): Line[] {
  const h = t.help;
  const inner = width - 4;
  const keyWidth = 10;
  const row = (key: string, text: string): Line[] =>
    wrapToWidth(text, inner - keyWidth - 2).map((l, i) => [seg(' '), seg(i === 0 ? padStartToWidth(key, keyWidth) : ' '.repeat(keyWidth), 'key'), seg('  '), seg(l)]);
  const heading = (text: string): Line[] => [[], [seg(' '), seg(text, 'title')]];
  const body: Line[] = [
    ...wrapToWidth(h.intro, inner).map((l) => [seg(' '), seg(l)]),
    ...heading(h.anywhere),
    ...row('Ctrl+T', h.keys.toggle),
    ...row('Ctrl+C', h.keys.quit),
    ...row('F1', h.keys.help),
    ...row('Tab', h.keys.tab),
    ...row('Esc', h.keys.esc),
    ...heading(h.keysMode),
    ...row('Enter / i', h.keys.enter),
    ...row('t', h.keys.toggle),
    ...row('r / n', h.keys.restart),
    ...row('d', h.keys.childDelay),
    ...row('p', h.keys.parentDelay),
    ...row('x', h.keys.trace),
    ...row('f', h.keys.fds),
    ...row('? / F1', h.keys.help),
    ...row('q', h.keys.quit),
    [],
    [seg(' '), seg(h.close, 'dim')],
  ];
  return framed([seg(h.title, 'title')], body.slice(0, Math.max(0, height - 2)), width, height, 'accent');
}
