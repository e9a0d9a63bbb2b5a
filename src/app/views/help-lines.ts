// The help overlay: every key, from the catalogue, grouped by where it works (anywhere,
// while typing, the one key after Esc), the paste rule, and what the marks on screen
// mean. How to close it is pinned to its last line; when the keys do not all fit, the
// rest scrolls with the arrow keys or PgUp/PgDn and the last line says so.
import { WIRINGS } from '../../ipc/events.js';
import type { Line } from '../../text/styled-lines.js';
import { framed, seg } from '../../text/styled-lines.js';
import { padStartToWidth, wrapToWidth } from '../../text/text-width.js';
import type { Ui } from './phrases.js';

export interface HelpView {
  lines: Line[];
  /** How far the keys can scroll (0: they all fit). */
  maxScroll: number;
  /** The rows of keys one screen shows: what PgUp/PgDn move by. */
  page: number;
}

export function helpLines(t: Ui, width: number, height: number, scroll = 0): HelpView {
  const h = t.help;
  const inner = width - 4;
  const keyWidth = 10;
  const row = (key: string, text: string): Line[] =>
    wrapToWidth(text, inner - keyWidth - 2).map((l, i) => [seg(' '), seg(i === 0 ? padStartToWidth(key, keyWidth) : ' '.repeat(keyWidth), 'key'), seg('  '), seg(l)]);
  const heading = (text: string): Line[] => [[], [seg(' '), seg(text, 'title')]];
  const body: Line[] = [
    ...wrapToWidth(h.intro, inner).map((l) => [seg(' '), seg(l)]),
    ...heading(h.raceTitle),
    ...wrapToWidth(h.race, inner).map((l) => [seg(' '), seg(l)]),
    ...heading(t.chapter.help.title),
    ...WIRINGS.flatMap((w) => [...wrapToWidth(t.channels[w].help, inner).map((l): Line => [seg(' '), seg(l)]), []]),
    ...heading(h.anywhere),
    ...row('Ctrl+T', h.keys.toggle),
    ...row('Ctrl+C', h.keys.quit),
    ...row('Ctrl+Z', h.keys.suspend),
    ...row('F1', h.keys.help),
    ...row('F2', t.chapter.help.source),
    ...row('F3', t.chapter.help.nextWiring),
    ...row('F4', h.keys.stepMode),
    ...row('F5', h.keys.letGoParent),
    ...row('F6', h.keys.letGoChild),
    ...row('PgUp/PgDn', h.keys.pages),
    ...row('↑/↓', h.keys.arrows),
    ...heading(h.typingTitle),
    ...row('Enter', h.keys.enter),
    ...row('Tab', h.keys.tab),
    ...row('paste', h.keys.paste),
    ...row('', h.keys.early),
    ...row('Esc', h.keys.esc),
    ...heading(h.keysMode),
    ...row('t', h.keys.toggle),
    ...row('r / n', h.keys.restart),
    ...row('z', h.keys.zeroTally),
    ...row('d', h.keys.childDelay),
    ...row('p', h.keys.parentDelay),
    ...row('x', h.keys.trace),
    ...row('f', h.keys.fds),
    ...row('b', h.keys.layout),
    ...row('s', h.keys.save),
    ...row('c', t.chapter.help.source),
    ...row('w', t.chapter.help.nextWiring),
    ...row('g', t.sweepPanel.key),
    ...row('o', h.keys.stepMode),
    ...row('h', h.keys.letGoParent),
    ...row('l', h.keys.letGoChild),
    ...row('?', h.keys.help),
    ...row('q', h.keys.quit),
    ...row('Esc', h.keys.back),
    ...heading(t.step.title),
    ...wrapToWidth(`${t.step.intro} ${t.step.keys}.`, inner).map((l) => [seg(' '), seg(l)]),
    ...heading(h.legendTitle),
    ...wrapToWidth(h.legend, inner).map((l) => [seg(' '), seg(l)]),
  ];
  const room = Math.max(0, height - 2 - 2); // inside the frame, less a blank line and the pinned last line
  const maxScroll = Math.max(0, body.length - room);
  const at = Math.max(0, Math.min(maxScroll, scroll));
  const footer: Line = [seg(' '), seg(maxScroll > 0 ? `${h.close} · ${h.scroll}` : h.close, 'dim')];
  const shown = body.slice(at, at + room);
  while (maxScroll > 0 && shown.length < room) shown.push([]);
  return { lines: framed([seg(h.title, 'title')], [...shown, [], footer], width, height, 'accent'), maxScroll, page: Math.max(1, room) };
}
