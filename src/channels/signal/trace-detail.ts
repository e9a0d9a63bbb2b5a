// The trace of a write on signals: one write is many system calls, a tgkill for each bit
// (and, with acknowledgements, a sigtimedwait for each answer), so the trace lists them
// under it, a byte a line: the byte, its bits, and the signal each bit was sent as. A
// write that returned its size made every one of them; one that failed shows none.
import { fitLine, seg, type Line } from '../../text/styled-lines.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import type { Channel } from '../channel.js';
import { bitsOf } from './bits.js';

const INDENT = ' '.repeat(14);
/** How a bit's signal is named in the trace. */
const SIGNAL_OF_BIT = ['USR1', 'USR2'] as const;

export const signalTraceDetail: NonNullable<Channel['traceDetail']> = (entry, width) => {
  if (entry.call !== 'write' || typeof entry.result !== 'number') return [];
  const bytes = entry.head.subarray(0, entry.result);
  const lines = [...bytes].map((byte): Line => {
    const shown = byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : sanitizeForDisplay(String.fromCharCode(byte));
    const bits = byte.toString(2).padStart(8, '0');
    const signals = [...bitsOf(Uint8Array.of(byte))].map((bit) => SIGNAL_OF_BIT[bit]).join(' ');
    return fitLine([seg(`${INDENT}${shown.padEnd(2)} ${bits}  `, 'dim'), seg(`tgkill ${signals}`, 'accent')], width);
  });
  // The trace keeps a write's first bytes only.
  const more = entry.result - bytes.length;
  const rest = more > 0 ? [fitLine([seg(`${INDENT}… +${more} B`, 'dim')], width)] : [];
  return [...lines, ...rest, fitLine([seg(`${INDENT}`, 'dim'), seg('tgkill RTMIN', 'accent')], width)];
};
