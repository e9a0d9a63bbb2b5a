// The screen's own state without rendering: modes, the focused input, help and its
// scroll, the panels, the layout and the saved-files notice.
import { describe, expect, it } from 'vitest';
import { focusOf, initialUi, inputModeOf, nextTyper, reduceUi, type UiAction, type UiState } from '../../../src/app/state/ui-reducer.js';

const after = (...actions: UiAction[]): UiState => actions.reduce(reduceUi, initialUi);

describe('the UI reducer', () => {
  it('types even while nobody waits, and only Esc makes the next key a command', () => {
    expect(inputModeOf(initialUi)).toBe('text');
    expect(inputModeOf(after({ type: 'keys-mode' }))).toBe('keys');
    expect(inputModeOf(after({ type: 'keys-mode' }, { type: 'typing-mode' }))).toBe('text');
  });

  it('switches the layout between three columns and big, back and forth', () => {
    expect(initialUi.layout).toBe('three');
    expect(after({ type: 'layout-toggled' }).layout).toBe('big');
    expect(after({ type: 'layout-toggled' }, { type: 'layout-toggled' }).layout).toBe('three');
  });

  it('keeps what is typed while nobody waits for whoever types next: the child opens a turn, the parent answers', () => {
    expect(nextTyper({ writes: 0, keyboardPending: false }, { writes: 0 })).toBe('child');
    expect(nextTyper({ writes: 0, keyboardPending: true }, { writes: 0 })).toBe('parent');
    expect(nextTyper({ writes: 2, keyboardPending: false }, { writes: 1 })).toBe('parent');
    expect(nextTyper({ writes: 2, keyboardPending: false }, { writes: 2 })).toBe('child');
  });

  it('scrolls the panes and the panels within their bounds, and notes an input until cleared', () => {
    const up = after({ type: 'scrolled', what: 'panes', by: 3, max: 4 }, { type: 'scrolled', what: 'panes', by: 3, max: 4 });
    expect(up.paneScroll).toBe(4);
    expect(reduceUi(up, { type: 'scrolled', what: 'panes', by: -9, max: 4 }).paneScroll).toBe(0);
    expect(after({ type: 'scrolled', what: 'panels', by: 1, max: 9 }).panelScroll).toBe(1);
    // ↓ (by -1) shows what is below in both panels: the trace's newer rows, the kernel view's lower ones; ↑ the reverse.
    const down = after({ type: 'scrolled', what: 'panels', by: 1, max: 9 }, { type: 'scrolled', what: 'panels', by: -1, max: 9 }, { type: 'scrolled', what: 'panels', by: -1, max: 9 });
    expect([down.panelScroll, down.kernelScroll]).toEqual([0, 2]);
    const backUp = reduceUi(down, { type: 'scrolled', what: 'panels', by: 1, max: 9 });
    expect([backUp.panelScroll, backUp.kernelScroll]).toEqual([1, 1]);
    const noted = after({ type: 'input-noted', proc: 'child', text: 'empty' });
    expect(noted.inputNote).toEqual({ proc: 'child', text: 'empty' });
    expect(reduceUi(noted, { type: 'input-note-cleared' }).inputNote).toBeNull();
  });

  it('routes every key to the help while it is open, and opens it scrolled to the top', () => {
    const scrolled = after({ type: 'help-opened' }, { type: 'help-scrolled', by: 1, maxScroll: 3 }, { type: 'help-scrolled', by: 1, maxScroll: 3 });
    expect(scrolled.helpScroll).toBe(2);
    expect(inputModeOf(scrolled)).toBe('help');
    expect(reduceUi(scrolled, { type: 'help-scrolled', by: 5, maxScroll: 3 }).helpScroll).toBe(3);
    expect(reduceUi(scrolled, { type: 'help-scrolled', by: -5, maxScroll: 3 }).helpScroll).toBe(0);
    const reopened = reduceUi(reduceUi(scrolled, { type: 'help-closed' }), { type: 'help-opened' });
    expect(reopened).toMatchObject({ helpOpen: true, helpScroll: 0 });
  });

  it('moves the focus to the other waiting input on Tab, and keeps it only while that one waits', () => {
    expect(focusOf(initialUi, ['child', 'parent'])).toBe('child');
    const tabbed = after({ type: 'other-input', waiting: ['child', 'parent'], focus: 'child' });
    expect(focusOf(tabbed, ['child', 'parent'])).toBe('parent');
    expect(focusOf(tabbed, ['child'])).toBe('child');
    expect(reduceUi(initialUi, { type: 'other-input', waiting: ['child'], focus: 'child' })).toBe(initialUi);
  });

  it('toggles the panels, and the saved notice stands until dismissed', () => {
    expect(after({ type: 'trace-toggled' }, { type: 'fds-toggled' })).toMatchObject({ traceOpen: true, fdsOpen: true });
    expect(after({ type: 'trace-toggled' }, { type: 'trace-toggled' }).traceOpen).toBe(false);
    const saved = after({ type: 'saved', notice: { ok: true, text: 'saved to a.txt' } });
    expect(saved.saved).toEqual({ ok: true, text: 'saved to a.txt' });
    expect(reduceUi(saved, { type: 'notice-dismissed' }).saved).toBeNull();
    expect(reduceUi(after({ type: 'knob-noted', text: 'delay 2 s' }), { type: 'notice-dismissed' }).knobNote).toBeNull();
  });
});
