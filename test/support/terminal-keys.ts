// The bytes a terminal sends for each key, in normal (not application) cursor mode, as
// Ink reads them: what the pseudo-terminal tests type.
/** What the keys send in a terminal in normal (not application) cursor mode, as Ink reads them. */
export const KEYS = {
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  backspace: '\x7f',
  delete: '\x1b[3~',
  space: ' ',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  f1: '\x1bOP',
  f2: '\x1bOQ',
  f3: '\x1bOR',
  f4: '\x1bOS',
  ctrlA: '\x01',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlE: '\x05',
  ctrlL: '\x0c',
  ctrlR: '\x12',
  ctrlT: '\x14',
  ctrlU: '\x15',
  ctrlW: '\x17',
} as const;
export type KeyName = keyof typeof KEYS;
