// What the `s` key saves: the transcript (every message: who wrote it, who really read
// it or which outside process took it, and the verdict) and the trace of every read() and write() the chat kept, as text
// for people and as JSON for programs. Pure: the time comes in as an argument, and
// save-transcript.ts writes the files.
import { REPORT_VERSION } from '../../experiments/report-schema.js';
import type { ConversationState } from '../state/model.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { tagOf, takerWords, type Ui } from '../views/phrases.js';

export interface TranscriptExport {
  text: string;
  json: string;
}

export function exportTranscript(t: Ui, state: ConversationState, savedAt: Date): TranscriptExport {
  // Times count from the start of each message's conversation, as the screen's trace does.
  const startOf = (session: number): number => state.dividers.find((d) => d.session === session)?.at ?? state.origin ?? 0;
  const ms = (at: number | null, session: number): number | null => (at === null ? null : Math.round(at - startOf(session)) / 1000);
  const messages = state.messages.map((m) => ({
    conversation: m.session,
    tag: tagOf(m.writer, m.seq),
    // Who wrote it as our processes' reports prove it: a line none of ours reported writing (untagged, or forged with our tag) is 'outside'.
    writer: m.attribution === 'outside' ? 'outside' : m.writer,
    attribution: m.attribution,
    reader: m.reader,
    takenBy: m.takenBy ?? null,
    verdict: m.takenBy ? 'taken' : m.verdict,
    text: m.text,
    bytes: m.bytes,
    // Signals: what the reader took, where bits were lost.
    ...(m.received ? { received: { text: m.received.text, bits: m.received.bits } } : {}),
    writtenAtMs: ms(m.writtenAt, m.session),
    readAtMs: ms(m.readAt, m.session),
  }));
  const trace = state.trace.map((e) => ({
    conversation: e.session,
    startMs: ms(e.start, e.session),
    atMs: ms(e.at, e.session),
    durationMs: (e.at - e.start) / 1000,
    proc: e.proc,
    pid: e.pid,
    call: e.call,
    fd: e.fd,
    ...(e.on === undefined ? {} : { on: e.on }),
    requested: e.requested,
    result: e.result,
    head: e.head.toString('utf8'),
  }));
  const json = JSON.stringify({ version: REPORT_VERSION, savedAt: savedAt.toISOString(), counters: state.counters, messages, trace }, null, 2);

  const when = (at: number | null): string => (at === null ? '' : t.trace.ms(at.toFixed(3)));
  const quoted = (text: string): string => `"${sanitizeForDisplay(text)}"`;
  const verdicts: Record<string, string> = { stolen: t.transcript.stolen, delivered: t.transcript.delivered, taken: t.channels.named.taken, forged: t.transcript.forged, garbled: t.transcript.garbledWord };
  const lines = [
    t.save.heading(savedAt.toISOString()),
    '',
    t.save.messages,
    ...state.messages.map((m, i) => {
      const saved = messages[i] as (typeof messages)[number];
      const writer = m.attribution === 'outside' ? t.transcript.outsideWriter : m.writer ? t.procLower[m.writer] : t.channels.named.unknownWriter;
      const tag = m.attribution === 'outside' && m.writer ? t.transcript.forgedTag(saved.tag) : saved.tag;
      const route = m.takenBy
        ? t.transcript.route(tag, writer, takerWords(t, m.takenBy))
        : m.reader
          ? t.transcript.route(tag, writer, t.procLower[m.reader])
          : t.transcript.inPipe(tag, writer);
      const verdict = saved.verdict === null ? '' : (verdicts[saved.verdict] ?? saved.verdict);
      return `  ${when(saved.writtenAtMs)}  ${route}  ${verdict}  ${quoted(m.text)}${m.received ? ` -> ${quoted(m.received.text)}` : ''}`;
    }),
    '',
    t.save.trace,
    ...trace.map((e) => {
      const result = typeof e.result === 'number' ? t.trace.bytes(e.result) : e.result;
      return `  ${when(e.startMs)}  ${t.procLower[e.proc]} ${e.pid ?? '?'}  ${e.on ?? `${e.call}(${e.fd})`}  ${result}  <${(e.durationMs / 1000).toFixed(6)} s>  ${e.head ? quoted(e.head) : ''}`.trimEnd();
    }),
  ];
  return { text: `${lines.join('\n')}\n`, json: `${json}\n` };
}
