import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveTranscriptFiles } from '../../../src/app/transcript/save-transcript.js';
import { tempDirsOfThisFile } from '../../support/temp-dirs.js';

const tempDir = tempDirsOfThisFile();

describe('saving a transcript to files', () => {
  it('writes the text and the JSON under a name from the time, readable by the user only, and never overwrites', () => {
    const dir = tempDir('pc-save-');
    const at = new Date(2026, 10, 25, 9, 30, 5);
    const first = saveTranscriptFiles(dir, at, { text: 'one\n', json: '{"n":1}\n' });
    const second = saveTranscriptFiles(dir, at, { text: 'two\n', json: '{"n":2}\n' });
    expect(first).toEqual({ text: path.join(dir, 'pipe-chat-20261125-093005.txt'), json: path.join(dir, 'pipe-chat-20261125-093005.json') });
    expect(second).toEqual({ text: path.join(dir, 'pipe-chat-20261125-093005-2.txt'), json: path.join(dir, 'pipe-chat-20261125-093005-2.json') });
    expect(fs.readFileSync(first.text, 'utf8')).toBe('one\n');
    expect(fs.readFileSync(second.json, 'utf8')).toBe('{"n":2}\n');
    expect(fs.statSync(first.json).mode & 0o777).toBe(0o600);
  });

  it('fails with the reason when the directory cannot be written', () => {
    expect(() => saveTranscriptFiles('/nonexistent-dir', new Date(), { text: '', json: '' })).toThrow(/ENOENT/);
  });
});
