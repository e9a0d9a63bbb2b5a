// Turns Ink's raw input events into keys, in order. Ink 6.8 splits a read only at ESC,
// so "hi\r", two Ctrl+C or twenty Ctrl+T that arrive in one read reach us as one
// string: here every control byte becomes a key of its own and each run of plain text
// one text key. Bracketed paste (ESC[200~ … ESC[201~) is recognised: everything
// between the markers is text, its line breaks become spaces and a Ctrl+C in it is the
// picture ␃, so a paste never submits, quits or toggles. Pure, tested without a terminal.
import type { Key } from 'ink';
import { controlPicture } from '../../text/sanitize.js';

export const F1_SEQUENCES = ['\x1bOP', '\x1b[11~', '\x1b[[A', '\x1b[1P'];
/** F2 (the source view) and F3 (the next wiring) work in every mode, like F1. */
export const F2_SEQUENCES = ['\x1bOQ', '\x1b[12~', '\x1b[[B', '\x1b[1Q'];
export const F3_SEQUENCES = ['\x1bOR', '\x1b[13~', '\x1b[[C', '\x1b[1R'];
/** Step mode: F4 turns it on and off, F5 and F6 let the left pane's (parent's) and the right pane's (child's) held call go. */
export const F4_SEQUENCES = ['\x1bOS', '\x1b[14~', '\x1b[[D', '\x1b[1S'];
export const F5_SEQUENCES = ['\x1b[15~', '\x1b[[E'];
export const F6_SEQUENCES = ['\x1b[17~'];
const FN_SEQUENCES = [F1_SEQUENCES, F2_SEQUENCES, F3_SEQUENCES, F4_SEQUENCES, F5_SEQUENCES, F6_SEQUENCES];
export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

export interface KeyPress {
  text: string;
  key: Key;
  /** Text that came inside bracketed-paste markers. */
  paste?: boolean;
  /** F1 to F6, which Ink's key object has no field for. */
  fn?: 1 | 2 | 3 | 4 | 5 | 6;
}

export function plainKey(change: Partial<Key> = {}): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
    ...change,
  };
}

const ESCAPE: KeyPress = { text: '', key: plainKey({ escape: true, meta: true }) };

/** CSI and SS3 final bytes and `~` numbers, as the keys they name. */
const FINALS: Record<string, Partial<Key>> = { A: { upArrow: true }, B: { downArrow: true }, C: { rightArrow: true }, D: { leftArrow: true }, H: { home: true }, F: { end: true }, Z: { tab: true, shift: true } };
const TILDES: Record<string, Partial<Key>> = { '1': { home: true }, '7': { home: true }, '4': { end: true }, '8': { end: true }, '3': { delete: true }, '5': { pageUp: true }, '6': { pageDown: true } };

/** One escape sequence as a key; null for one this program has no use for (F7, a focus report…). */
function escapeKey(seq: string): KeyPress | null {
  const fn = FN_SEQUENCES.findIndex((sequences) => sequences.includes(seq)) + 1;
  if (fn > 0) return { text: '', key: plainKey(), fn: fn as NonNullable<KeyPress['fn']> };
  if (seq === '\x1b') return ESCAPE;
  const csi = /^(?:\[|O)([\d;]*)([A-Z~])$/.exec(seq.slice(1));
  if (!csi) return null;
  const [number = '', modifier = '1'] = (csi[1] ?? '').split(';');
  const found = csi[2] === '~' ? TILDES[number] : FINALS[csi[2] ?? ''];
  if (!found) return null;
  const mods = Number(modifier) - 1;
  return { text: '', key: plainKey({ ...found, shift: (mods & 1) !== 0 || found.shift === true, meta: (mods & 2) !== 0, ctrl: (mods & 4) !== 0 }) };
}

/** A run of bytes with no ESC in it, typed (not pasted): one key per control byte, one per run of text. */
function typedKeys(chunk: string): KeyPress[] {
  const keys: KeyPress[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push({ text, key: plainKey() });
    text = '';
  };
  for (let i = 0; i < chunk.length; i++) {
    const ch = chunk[i] ?? '';
    const code = ch.charCodeAt(0);
    if (code >= 0x20 && code !== 0x7f) {
      text += ch;
      continue;
    }
    flush();
    // A terminal sends CR for Enter; a paste without markers may carry LF or CRLF line breaks.
    if (ch === '\r' || ch === '\n') {
      if (ch === '\n' && chunk[i - 1] === '\r') continue;
      keys.push({ text: '\r', key: plainKey({ return: true }) });
    } else if (ch === '\t') keys.push({ text: '\t', key: plainKey({ tab: true }) });
    else if (ch === '\x7f' || ch === '\b') keys.push({ text: '', key: plainKey({ backspace: true }) });
    else if (code >= 1 && code <= 26) keys.push({ text: String.fromCharCode(code + 0x60), key: plainKey({ ctrl: true }) });
  }
  flush();
  return keys;
}

/** Pasted text as it goes into the line: line breaks and tabs become spaces, control bytes their pictures. */
export function pastedText(chunk: string): string {
  return [...chunk.replace(/\r\n|[\r\n\t]/g, ' ')]
    .map((c) => (c === '\x1b' ? ESC_PICTURE : c.charCodeAt(0) <= 26 ? (controlPicture(String.fromCharCode(c.charCodeAt(0) + 0x60)) ?? '') : c))
    .join('');
}

/** An ESC inside a paste is shown, like every other control byte there, not dropped with what follows it. */
const ESC_PICTURE = '␛';

/** Keeps whether a bracketed paste is open across Ink's input events. */
export class KeyReader {
  private pasting = false;

  /** The keys in one of Ink's input events (a run of text, or one escape sequence). */
  read(event: string): KeyPress[] {
    if (event === PASTE_START) {
      this.pasting = true;
      return [];
    }
    if (event === PASTE_END) {
      this.pasting = false;
      return [];
    }
    if (this.pasting) {
      // Ink splits at ESC: a part of the paste may begin with one (ESC ]52;c;X BEL shows as ␛]52;c;X␇).
      const text = pastedText(event);
      return text ? [{ text, key: plainKey(), paste: true }] : [];
    }
    if (event.startsWith('\x1b')) {
      // Esc and the next key in one read (a fast hand, `tmux send-keys Escape x`, a slow
      // machine): Esc, then that key, as if they had come apart. A sequence starts ESC [ or ESC O.
      const rest = event.slice(1);
      if (rest !== '' && !rest.startsWith('[') && !rest.startsWith('O')) return [ESCAPE, ...this.read(rest)];
      const key = escapeKey(event);
      return key ? [key] : [];
    }
    return typedKeys(event);
  }
}
