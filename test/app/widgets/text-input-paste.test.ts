// A long paste arrives in many chunks: each must land whole, in order, with the cursor
// after it, and the view must show the end of the line at the cursor.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../../src/ipc/framing.js';
import { emptyInput, reduceTextInput } from '../../../src/app/widgets/text-input/text-input-state.js';
import { inputLine } from '../../../src/app/widgets/text-input/input-line.js';

describe('pasting into the text input', () => {
  it('takes a 64 KiB paste that arrives in 1 KiB chunks whole', () => {
    const paste = `${'abcdefgh'.repeat(8 * 1024 - 1)}PASTEEND`;
    expect(Buffer.byteLength(paste)).toBe(MAX_MESSAGE_BYTES);
    let state = emptyInput;
    for (let i = 0; i < paste.length; i += 1024) state = reduceTextInput(state, { type: 'insert', text: paste.slice(i, i + 1024) }, MAX_MESSAGE_BYTES);
    expect(state.value).toBe(paste);
    expect(state.cursor).toBe(paste.length);
    expect(state.refused).toBe(0);
    const view = inputLine(state, 30);
    expect(view.text.endsWith('PASTEEND')).toBe(true);
    expect(view.cursorColumn).toBe(29);
  });

  it('refuses, and counts, the bytes past 64 KiB', () => {
    const full = reduceTextInput(emptyInput, { type: 'insert', text: 'a'.repeat(MAX_MESSAGE_BYTES - 1) }, MAX_MESSAGE_BYTES);
    const over = reduceTextInput(full, { type: 'insert', text: '가나' }, MAX_MESSAGE_BYTES);
    expect(over.value).toBe(full.value);
    expect(over.refused).toBe(6);
  });

  it('inserts in the middle of a line and joins a combining mark to the letter before it', () => {
    let state = reduceTextInput(emptyInput, { type: 'insert', text: 'ac' }, MAX_MESSAGE_BYTES);
    state = reduceTextInput(state, { type: 'left' });
    state = reduceTextInput(state, { type: 'insert', text: 'b' });
    expect(state).toEqual({ value: 'abc', cursor: 2, refused: 0 });
    state = reduceTextInput(state, { type: 'insert', text: '\u0301' });
    expect(state).toEqual({ value: 'ab\u0301c', cursor: 2, refused: 0 });
    expect(reduceTextInput(state, { type: 'backspace' })).toEqual({ value: 'ac', cursor: 1, refused: 0 });
  });

  it('shows the start of a long line when the cursor is at its start', () => {
    let state = reduceTextInput(emptyInput, { type: 'insert', text: `START${'x'.repeat(5000)}` });
    state = reduceTextInput(state, { type: 'home' });
    expect(inputLine(state, 20)).toEqual({ text: `START${'x'.repeat(15)}`, cursorColumn: 0 });
  });
});
