// One Korean term for each idea, as Korean OS textbooks write it: a race is 경쟁 (경쟁 조건,
// 경쟁 상태), never 경주, in the program's words and in the Korean docs.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channelWords } from '../src/channels/words-registry.js';
import { ko } from '../src/i18n/ko.js';
import { en } from '../src/i18n/en.js';
import { GLOSSARY, glossaryTable } from '../src/i18n/glossary.js';

/** Every string in a catalogue, functions called with placeholder arguments. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    try {
      return strings((value as (...args: unknown[]) => unknown)('X', 1, 'Y', 2, 'Z'));
    } catch {
      return [];
    }
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('Korean terms', () => {
  it('a race is 경쟁 everywhere: in the catalogue, the channels\' words and the Korean docs', () => {
    const texts = [...strings(ko), ...strings(channelWords('ko')), ...['README.ko.md', 'docs/using.ko.md', 'docs/channels.ko.md'].map((f) => fs.readFileSync(f, 'utf8'))];
    expect(texts.filter((t) => t.includes('경주'))).toEqual([]);
    expect(texts.some((t) => t.includes('경쟁'))).toBe(true);
  });

  it('the state words of a reader without waiting are Korean in Korean: 바쁜 대기, 유실, 찢김, never BUSY WAITING, LOST or TORN', () => {
    const texts = [...strings(ko), ...strings(channelWords('ko')), fs.readFileSync('docs/channels.ko.md', 'utf8')];
    expect(texts.filter((t) => /BUSY WAITING|\bLOST\b|\bTORN\b|LOST(?=[^A-Za-z])|TORN(?=[^A-Za-z])/.test(t))).toEqual([]);
    expect(texts.some((t) => t.includes('바쁜 대기'))).toBe(true);
  });
});

describe('the glossary', () => {
  it('docs/glossary.md shows the table of src/i18n/glossary.ts, row for row', () => {
    const doc = fs.readFileSync('docs/glossary.md', 'utf8');
    const table = doc.split('\n').filter((line) => line.startsWith('|'));
    expect(table.join('\n')).toBe(glossaryTable());
  });

  it("the race, the deadlock and busy waiting are the Korean textbooks' words", () => {
    expect(GLOSSARY.raceCondition.ko).toBe('경쟁 조건');
    expect(GLOSSARY.deadlock.ko).toBe('교착 상태');
    expect(GLOSSARY.busyWaiting.ko).toBe('바쁜 대기');
  });

  it("the lesson's Korean says each glossary term its English says, in the glossary's Korean", () => {
    const english = strings(en.lesson).join('\n').toLowerCase();
    const korean = strings(ko.lesson).join('\n');
    const used = Object.values(GLOSSARY).filter((term) => english.includes(term.en));
    expect(used.map((term) => term.en)).toEqual(expect.arrayContaining(['race condition', 'busy waiting', 'named pipe', 'message queue', 'shared memory']));
    expect(used.filter((term) => !korean.includes(term.ko))).toEqual([]);
  });
});
