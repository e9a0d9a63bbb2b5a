// The trace panel: every read() and write() of both processes, newest at the bottom,
// each a real system call's result: relative time, process, fd, bytes, and a preview.
import type { ConversationState } from './conversation-reducer.js';
import { fitLine, framed, seg, type Line } from './lines.js';
import { sanitizeForDisplay } from './sanitize.js';
import { fitToWidth, padStartToWidth } from './text-width.js';
import type { Ui } from './words.js';

export function traceLines(t: Ui, state: ConversationState, width: number, height: number): Line[] {
  const inner = width - 2;
  const rows = Math.max(0, height - 2);
  const origin = state.origin ?? 0;
  const nameWidth = Math.max(...Object.values(t.procLower).map((n) => n.length * 2));
  const entries = state.trace.slice(-rows);
  const body: Line[] =
    entries.length === 0
      ? [[seg(t.trace.empty, 'dim')]]
      : entries.map((e) => {
          const ms = ((e.at - origin) / 1000).toFixed(3);
          const result = typeof e.result === 'number' ? t.trace.bytes(e.result) : e.result;
          const data = e.head.length > 0 ? `"${sanitizeForDisplay(e.head.toString('utf8'))}"` : '';
          return fitLine(
            [
              seg(padStartToWidth(t.trace.ms(ms), 13), 'dim'),
              seg(' '),
              seg(fitToWidth(t.procLower[e.proc], Math.min(nameWidth, 6)), e.proc),
              seg(' '),
              seg(fitToWidth(`${e.call}(${e.fd})`, 10), e.call === 'write' ? 'accent' : 'plain'),
              seg(padStartToWidth(result, 8), typeof e.result === 'number' ? 'plain' : 'danger'),
              seg('  '),
              seg(data, 'dim'),
            ],
            inner,
          );
        });
  return framed([seg(t.trace.title, 'title')], body, width, height);
}
