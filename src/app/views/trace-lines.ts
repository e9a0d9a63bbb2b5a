// The trace panel: every read() and write() of both processes, newest at the bottom,
// each a real system call's result. Like `strace -f -tt -T`: ordered by when each call
// was entered, on the one clock both processes share, with the time relative to the
// start of its conversation, the process and its PID, and how long the call took (a
// read blocked for two seconds says so). A separator names each conversation and its
// wiring. Scrolled back by calls (↑), with a mark on the first row when older calls are above.
// A channel may show lines under a call (signals: the tgkill calls of a write, a byte a line).
import { channelOf } from '../../channels/registry.js';
import type { ConversationState, TraceEntry } from '../state/model.js';
import { fitLine, framed, seg, type Line } from '../../text/styled-lines.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { fitToWidth, padStartToWidth } from '../../text/text-width.js';
import { dividerPid, wiringWords, type Ui } from './phrases.js';

function entryLine(t: Ui, e: TraceEntry, origin: number, inner: number): Line {
  const ms = ((e.start - origin) / 1000).toFixed(3);
  const result = typeof e.result === 'number' ? t.trace.bytes(e.result) : e.result;
  const data = e.head.length > 0 ? `"${sanitizeForDisplay(e.head.toString('utf8'))}"` : '';
  const pid = e.pid === null ? '' : String(e.pid);
  return fitLine(
    [
      seg(padStartToWidth(t.trace.ms(ms), 12), 'dim'),
      seg(' '),
      seg(fitToWidth(`${t.procLower[e.proc]} ${pid}`, 13), e.proc),
      seg(fitToWidth(e.on ?? `${e.call}(${e.fd})`, e.on ? 24 : 10), e.call === 'write' ? 'accent' : 'plain'),
      seg(padStartToWidth(result, 8), typeof e.result === 'number' ? 'plain' : 'danger'),
      seg(padStartToWidth(`<${((e.at - e.start) / 1e6).toFixed(6)}>`, 11), 'dim'),
      seg('  '),
      seg(data, 'dim'),
    ],
    inner,
  );
}

export function traceLines(t: Ui, state: ConversationState, width: number, height: number, scrollBack = 0): Line[] {
  const inner = width - 2;
  const rows = Math.max(0, height - 2);
  const body: Line[] = [];
  let session: number | null = null;
  const newest = state.trace.length - 1 - Math.max(0, Math.min(scrollBack, state.trace.length - 1));
  let i = newest;
  // Newest last: walk back from the end until the rows are full, separators included.
  for (; i >= 0 && body.length < rows; i--) {
    const e = state.trace[i] as TraceEntry;
    const next = state.trace[i - 1];
    const divider = state.dividers.find((d) => d.session === e.session);
    // What the channel shows under the call (signals: its tgkill calls, a byte a line), as far
    // as the rows go with the call's own line and a row above it (for the older calls' mark).
    const detail = divider ? (channelOf(divider.wiring).traceDetail?.(e, inner) ?? []) : [];
    body.unshift(entryLine(t, e, divider?.at ?? state.origin ?? 0, inner), ...detail.slice(0, Math.max(0, rows - body.length - 2)));
    session = e.session;
    if (next?.session !== session && divider && body.length < rows) {
      const separator = t.trace.separator(divider.session, divider.childPid === null ? '?' : dividerPid(t, divider.childPid, divider.childTid));
      body.unshift(fitLine([seg(separator, 'dim'), seg(` ${wiringWords(t, divider.wiring)}`, 'accent')], inner));
    }
  }
  if (body.length === 0) body.push([seg(t.trace.empty, 'dim')]);
  if (i >= 0 && rows > 2) body[0] = fitLine([seg(t.transcript.moreAbove.replace('PgUp', '↑'), 'accent')], inner);
  return framed([seg(t.trace.title, 'title')], body, width, height);
}
