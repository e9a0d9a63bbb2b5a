// The keeper's box (--keep): exact width in both languages at the middle column's
// width, its PID in the title (not cut in Korean), the bytes written, and, once it has
// died, how it ended and that lines are no longer kept.
import { describe, expect, it } from 'vitest';
import { lineText, lineWidth } from '../../../src/text/styled-lines.js';
import { keeperBox } from '../../../src/app/views/keeper-box.js';
import { en } from '../../../src/i18n/en.js';
import { ko } from '../../../src/i18n/ko.js';
import type { KeeperState } from '../../../src/ipc/keeper-link.js';

const alive: KeeperState = { pid: 123456, path: '/tmp/kept.txt', bytes: 99, notKept: 0, exit: null };
const text = (lines: ReturnType<typeof keeperBox>) => lines.map(lineText).join('\n');

describe('keeperBox', () => {
  for (const [lang, t] of [['en', en.ui], ['ko', ko.ui]] as const) {
    it(`${lang}: every row exactly 26 cells, the PID whole in the title`, () => {
      const box = keeperBox(t, alive, 26, 10);
      for (const line of box) expect(lineWidth(line)).toBe(26);
      expect(lineText(box[0] ?? [])).toContain('PID 123456');
    });
  }

  it('says the bytes written, and once the keeper died, how, and that the chat goes on without it', () => {
    expect(text(keeperBox(en.ui, alive, 40, 10))).toContain('wrote 99 B to /tmp/kept.txt');
    const dead = text(keeperBox(en.ui, { ...alive, notKept: 2, exit: { code: null, signal: 'SIGKILL' } }, 40, 10));
    expect(dead).toContain('2 lines not kept');
    expect(dead.replace(/[│\s]+/g, ' ')).toContain('exited (SIGKILL): the chat goes on, lines are no longer kept');
  });

  it('beside the chat\'s program, says where the keeper\'s own is', () => {
    expect(text(keeperBox(en.ui, alive, 60, 10, true))).toContain('its program, keeper.c: pipe-chat source keeper');
    expect(text(keeperBox(en.ui, alive, 60, 10))).not.toContain('keeper.c');
  });

  it('gives way when fewer than three rows are left', () => {
    expect(keeperBox(en.ui, alive, 26, 2)).toEqual([]);
  });
});
