// The screen's own state without rendering: modes, the focused input, help and its
// scroll, the panels and the saved-files notice.
import { describe, expect, it } from 'vitest';
import { focusOf, initialUi, inputModeOf, reduceUi, type UiAction, type UiState } from '../../../src/app/state/ui-reducer.js';

const after = (...actions: UiAction[]): UiState => actions.reduce(reduceUi, initialUi);

describe('the UI reducer', () => {
  it('types into the waiting input, and Esc makes letters commands until typing mode again', () => {
    expect(inputModeOf(initialUi, 'child')).toBe('text');
    expect(inputModeOf(initialUi, null)).toBe('commands');
    expect(inputModeOf(after({ type: 'keys-mode' }), 'child')).toBe('commands');
    expect(inputModeOf(after({ type: 'keys-mode' }, { type: 'typing-mode' }), 'child')).toBe('text');
  });

  it('routes every key to the help while it is open, and opens it scrolled to the top', () => {
    const scrolled = after({ type: 'help-opened' }, { type: 'help-scrolled', by: 1, maxScroll: 3 }, { type: 'help-scrolled', by: 1, maxScroll: 3 });
    expect(scrolled.helpScroll).toBe(2);
    expect(inputModeOf(scrolled, 'child')).toBe('help');
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
  });
});
