// What the `s` key saves: the transcript (every message: who wrote it, who really read
// it, and the verdict) and the trace of every read() and write() the chat kept, as text
// for people and as JSON for programs. Pure: the time comes in as an argument, and
// save-transcript.ts writes the files.
import { REPORT_VERSION } from '../../experiments/report-schema.js';
import type { ConversationState } from '../state/model.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import { tagOf, type Ui } from '../views/phrases.js';

export interface TranscriptExport {
  text: string;
  json: string;
}

export function exportTranscript(t: Ui, state: ConversationState, savedAt: Date): TranscriptExport {
  const origin = state.origin ?? 0;
  const ms = (at: number | null): number | null => (at === null ? null : Math.round(at - origin) / 1000);
  const messages = state.messages.map((m) => ({
    tag: tagOf(m.writer, m.seq),
    writer: m.writer,
    reader: m.reader,
    verdict: m.verdict,
    text: m.text,
    bytes: m.bytes,
    writtenAtMs: ms(m.writtenAt),
    readAtMs: ms(m.readAt),
  }));
  const trace = state.trace.map((e) => ({
    startMs: ms(e.start),
    atMs: ms(e.at),
    durationMs: (e.at - e.start) / 1000,
    proc: e.proc,
    pid: e.pid,
    call: e.call,
    fd: e.fd,
    requested: e.requested,
    result: e.result,
    head: e.head.toString('utf8'),
  }));
  const json = JSON.stringify({ version: REPORT_VERSION, savedAt: savedAt.toISOString(), counters: state.counters, messages, trace }, null, 2);

  const when = (at: number | null): string => (at === null ? '' : t.trace.ms(at.toFixed(3)));
  const quoted = (text: string): string => `"${sanitizeForDisplay(text)}"`;
  const lines = [
    t.save.heading(savedAt.toISOString()),
    '',
    t.save.messages,
    ...messages.map((m) => {
      const route = m.reader ? t.transcript.route(m.tag, t.procLower[m.writer ?? 'child'], t.procLower[m.reader]) : t.transcript.inPipe(m.tag, t.procLower[m.writer ?? 'child']);
      const verdict = m.verdict === 'stolen' ? t.transcript.stolen : m.verdict === 'delivered' ? t.transcript.delivered : (m.verdict ?? '');
      return `  ${when(m.writtenAtMs)}  ${route}  ${verdict}  ${quoted(m.text)}`;
    }),
    '',
    t.save.trace,
    ...trace.map((e) => {
      const result = typeof e.result === 'number' ? t.trace.bytes(e.result) : e.result;
      return `  ${when(e.startMs)}  ${t.procLower[e.proc]} ${e.pid ?? '?'}  ${e.call}(${e.fd})  ${result}  <${(e.durationMs / 1000).toFixed(6)}>  ${e.head ? quoted(e.head) : ''}`.trimEnd();
    }),
  ];
  return { text: `${lines.join('\n')}\n`, json: `${json}\n` };
}
