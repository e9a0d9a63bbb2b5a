// How the child reports each call without a system call between its write() and its
// read(): the main thread puts the report in shared memory (report-mailbox.ts) and the
// reporter thread completes it and writes it to stdout, where the parent reads it.
import { isMainThread } from 'node:worker_threads';
import { encodeLine } from '../ipc/child-protocol.js';
import { nowUs, type LinkEvent, type ProcActivity } from '../ipc/events.js';
import { MailboxReader, MailboxWriter, RecordKind, createMailbox, type Mailbox, type TakenRecord } from '../ipc/report-mailbox.js';
import { READ_BUFFER, STDOUT, writeAll } from './syscalls.js';

/** The mailbox the main thread fills; the reporter thread is handed it. */
export const mailbox = isMainThread ? createMailbox() : null;
const reports = mailbox ? new MailboxWriter(mailbox) : null;
let traced = true;

/** A variant of the child (for the benchmark) may make the same calls without reporting them. */
export function setTraced(on: boolean): void {
  traced = on;
}

/** Reports events (through the reporter thread, in order); `make` is called only when traced. */
export function report(make: () => LinkEvent[]): void {
  if (traced) send(make());
}

export function send(events: LinkEvent[]): void {
  if (events.length === 0 || !reports) return;
  const text = events.map(encodeLine).join('');
  if (reports.prepare(text, RecordKind.Lines)) {
    reports.publish();
  } else {
    reports.flush();
    writeAll(STDOUT, Buffer.from(text));
  }
}

/**
 * Prepares a call's report before the call (as if it succeeds whole); false if it is not
 * reported that way (untraced, or too large). publishCall() hands it over after the call.
 */
export function prepareCall(events: LinkEvent[], kind: RecordKind = RecordKind.Call): boolean {
  return traced && (reports?.prepare(JSON.stringify(events), kind) ?? false);
}

export function publishCall(result: number, start: number, end: number): void {
  reports?.publish(result, start, end, true);
}

/** Ends the process once every report has been handed to the reporter thread. */
export function finish(code: number): never {
  reports?.flush();
  process.exit(code);
}

export function activity(doing: ProcActivity): LinkEvent {
  return { type: 'activity', proc: 'child', activity: doing, at: nowUs() };
}

export function syscall(call: 'read' | 'write', fd: number, requested: number, result: number | string, offset: number, start: number, data: Buffer = READ_BUFFER): LinkEvent {
  const moved = typeof result === 'number' ? data.subarray(offset, offset + result) : data.subarray(0, 0);
  return { type: 'syscall', proc: 'child', call, fd, requested, result, data: moved.toString('base64'), start, at: nowUs() };
}

/** The reporter thread: takes each record from the mailbox, completes it, writes it to stdout. */
export function runReporter(box: Mailbox): never {
  const reader = new MailboxReader(box);
  for (;;) {
    const record = reader.take();
    if (record.kind !== RecordKind.Warm) writeAll(STDOUT, Buffer.from(completeRecord(record)));
    reader.done();
  }
}

/** A call's record carries its events without the call's result and times: they arrive with it. */
function completeRecord(record: TakenRecord): string {
  if (record.kind !== RecordKind.Call) return record.text;
  const [call, ...after] = JSON.parse(record.text) as LinkEvent[];
  if (call?.type !== 'syscall') return '';
  const done: LinkEvent[] = [{ ...call, result: record.result, start: record.start, at: record.end }, ...after.map((e) => ({ ...e, at: record.end }))];
  return done.map(encodeLine).join('');
}
