// The registry of channels, walked: every channel has every part, each part says
// something (a drawing draws, a source program names the channel's ends, a step point
// sits on a line of that program), the three halves of the registry agree, and every
// folder under src/channels/ is registered. A channel that forgets a part fails here,
// instead of the screen falling back to another channel's picture.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineText, lineWidth } from '../../src/text/styled-lines.js';
import { sourceProgram } from '../../src/app/views/source-program.js';
import type { Channel } from '../../src/channels/channel.js';
import type { ChannelEnds } from '../../src/channels/channel-ends.js';
import type { ChannelWords } from '../../src/channels/channel-words.js';
import { CHANNEL_ENDS } from '../../src/channels/ends-registry.js';
import { WIRINGS } from '../../src/channels/names.js';
import { CHANNELS, allChannels } from '../../src/channels/registry.js';
import { channelWords } from '../../src/channels/words-registry.js';
import { en } from '../../src/i18n/en.js';
import { ko } from '../../src/i18n/ko.js';
import { Script, play } from '../app/events.js';

const PARTS: readonly (keyof Channel)[] = ['name', 'ends', 'words', 'drawing', 'kernelView', 'notes', 'source', 'stepPoints'];
const END_PARTS: readonly (keyof ChannelEnds)[] = ['make', 'childArgs', 'processCalls', 'endsBlockedRead', 'shared', 'hazards', 'pipes', 'pipesOption', 'toggleTo', 'raceOn', 'openToOthers'];
const WORD_PARTS: readonly (keyof ChannelWords)[] = ['name', 'reportName', 'help', 'sourceNote', 'deadlock'];

/** A conversation on `channel` just opened, both processes' ends known. */
function stateOn(channel: Channel) {
  const s = new Script(1, channel.ends.shared ? 'one' : 'two');
  const state = play([...s.start(), s.activity('parent', { doing: 'reading', fd: 20 }), s.activity('child', { doing: 'typing' })]);
  return { ...state, session: state.session ? { ...state.session, wiring: channel.name } : null };
}

describe('the channel registry', () => {
  it('has one channel per name, and one folder per channel under src/channels/', () => {
    expect(Object.keys(CHANNELS).sort()).toEqual([...WIRINGS].sort());
    const folders = fs.readdirSync('src/channels', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual([...WIRINGS].sort());
  });

  for (const channel of allChannels()) {
    describe(channel.name ?? '(a channel with no name)', () => {
      it('has every part', () => {
        for (const part of PARTS) expect(channel[part], `${channel.name}: ${part}`).toBeDefined();
        for (const part of END_PARTS) expect(channel.ends?.[part], `${channel.name}: ends.${part}`).toBeDefined();
        for (const lang of ['en', 'ko'] as const) for (const part of WORD_PARTS) expect(channel.words?.[lang]?.[part], `${channel.name}: words.${lang}.${part}`).not.toBeUndefined();
      });

      it('is registered under its own name, the same in all three halves of the registry', () => {
        expect(CHANNELS[channel.name]).toBe(channel);
        expect(CHANNEL_ENDS[channel.name]).toBe(channel.ends);
        expect(channelWords('en')[channel.name]).toBe(channel.words.en);
        expect(channelWords('ko')[channel.name]).toBe(channel.words.ko);
      });

      it('declares where its keys lead', () => {
        expect(WIRINGS).toContain(channel.ends.toggleTo);
        expect(CHANNEL_ENDS[channel.ends.raceOn].shared, 'the sweep runs on a channel where a message can be stolen').toBe(true);
        if (channel.ends.shared) expect(channel.ends.hazards.stolen).toBe(true);
      });

      it('has words in English and Korean', () => {
        for (const words of [channel.words.en, channel.words.ko]) {
          for (const part of ['name', 'reportName', 'help'] as const) expect(words[part].trim(), part).not.toBe('');
        }
        expect(channel.words.ko.help).not.toBe(channel.words.en.help);
      });

      it('draws its kernel objects and its fd panel in exact-width lines', () => {
        const state = stateOn(channel);
        for (const t of [en.ui, ko.ui]) {
          const drawing = channel.drawing(t, state, 30, 20, []);
          expect(drawing).toHaveLength(20);
          for (const line of drawing) expect(lineWidth(line)).toBe(30);
          expect(drawing.map(lineText).join('').trim()).not.toBe('');
          const fds = channel.kernelView(t, state, { parent: null, child: null }, 60, 10, 0);
          expect(fds).toHaveLength(10);
          for (const line of fds) expect(lineWidth(line)).toBe(60);
          expect(Array.isArray(channel.notes(t, state, [], 30))).toBe(true);
        }
      });

      it("shows its own source program, with its own lines, each process's read and write marked, and a line for every step point", () => {
        expect(channel.source.file).toMatch(/\.c$/);
        const program = sourceProgram(en.ui, channel.name, 2000);
        const text = program.map((l) => l.text).join('\n');
        const own = channel.source.program('en');
        for (const line of [...own.decl, ...own.make]) expect(text).toContain(line);
        for (const proc of ['parent', 'child'] as const) {
          for (const spot of ['read', 'write'] as const) {
            // A one-way channel (pipe1): the child only writes, the parent only reads.
            if (channel.ends.oneWay && spot === (proc === 'child' ? 'read' : 'write')) {
              expect(own[proc][spot], `${proc} makes no ${spot}`).toEqual([]);
              continue;
            }
            const marked = own[proc][spot].find((l) => typeof l !== 'string');
            expect(marked, `${proc}'s ${spot} names the line it sits on`).toBeDefined();
            expect(program.some((l) => l.proc === proc && l.spot === spot && typeof marked !== 'string' && l.text.trim() === marked?.text)).toBe(true);
          }
        }
        expect(channel.stepPoints.length).toBeGreaterThan(0);
        for (const point of channel.stepPoints) {
          expect(program.some((l) => l.spot === point.spot && l.proc === point.proc), `${point.proc} at ${point.spot}`).toBe(true);
        }
      });
    });
  }
});
