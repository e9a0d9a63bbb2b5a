// How the child reports each call without a system call between its write() and its
// read(): the main thread puts the write's report in shared memory (report-mailbox.ts)
// and the reporter thread completes it and writes it to stdout, where the parent reads
// it (with the report just before the write, which wakes it). Every other report the
// main thread writes to stdout itself, once the reporter has written what it held, so
// the reports keep their order and nothing waits for the reporter thread to start.
import { isMainThread } from 'node:worker_threads';
import { encodeLine } from '../ipc/child-protocol.js';
import { nowUs, type CallSite, type LinkEvent, type ProcActivity } from '../ipc/events.js';
import { MailboxReader, MailboxWriter, RecordKind, createMailbox, type Mailbox, type TakenRecord } from '../ipc/report-mailbox.js';
import { READ_BUFFER, STDOUT, writeAll } from './syscalls.js';

/** The mailbox the main thread fills; the reporter thread is handed it. */
export const mailbox = isMainThread ? createMailbox() : null;
const reports = mailbox ? new MailboxWriter(mailbox) : null;
/** Where a write's report goes: the reporter's mailbox, or during warm-up a private one this thread empties itself. */
let writer = reports;
let warmReader: MailboxReader | null = null;
let traced = true;

/** A variant of the child (for the benchmark) may make the same calls without reporting them. */
export function setTraced(on: boolean): void {
  traced = on;
}

/** Reports events (through the reporter thread, in order); `make` is called only when traced. */
export function report(make: () => LinkEvent[]): void {
  if (traced) send(make());
}

/** Written now, after whatever the reporter thread still holds: never called between a write and a read. */
export function send(events: LinkEvent[]): void {
  if (events.length === 0) return;
  reports?.flush();
  writeAll(STDOUT, Buffer.from(events.map(encodeLine).join('')));
}

/**
 * A report handed to the reporter thread, which writes it: just before a write, so that
 * the reporter is awake (dozing) when the write's own report is published after the call,
 * and that publish makes no system call at all.
 */
export function sendThroughReporter(events: LinkEvent[]): void {
  if (!traced || !reports) return;
  const text = events.map(encodeLine).join('');
  if (reports.prepare(text, RecordKind.Lines)) reports.publish();
  else send(events);
}

/**
 * Prepares a call's report before the call (as if it succeeds whole); false if it is not
 * reported that way (untraced, or too large). publishCall() hands it over after the call.
 */
export function prepareCall(events: LinkEvent[]): boolean {
  return traced && (writer?.prepare(JSON.stringify(events), warmReader ? RecordKind.Warm : RecordKind.Call) ?? false);
}

export function publishCall(result: number, start: number, end: number): void {
  writer?.publish(result, start, end, true);
  if (warmReader) {
    warmReader.take();
    warmReader.done();
  }
}

/**
 * Runs `calls` with a private mailbox that this thread empties itself: the call paths get
 * warm (their first run costs hundreds of microseconds) before the reporter thread has
 * even started, and no warm-up report reaches the parent.
 */
export function warmingUp(calls: () => void): void {
  const own = createMailbox(64 * 1024);
  writer = new MailboxWriter(own);
  warmReader = new MailboxReader(own);
  try {
    calls();
  } finally {
    writer = reports;
    warmReader = null;
  }
}

/** Ends the process once every report has been handed to the reporter thread. */
export function finish(code: number): never {
  reports?.flush();
  process.exit(code);
}

export function activity(doing: ProcActivity): LinkEvent {
  return { type: 'activity', proc: 'child', activity: doing, at: nowUs() };
}

export function syscall(call: 'read' | 'write', site: CallSite, requested: number, result: number | string, offset: number, start: number, data: Buffer = READ_BUFFER): LinkEvent {
  const moved = typeof result === 'number' ? data.subarray(offset, offset + result) : data.subarray(0, 0);
  return { type: 'syscall', proc: 'child', call, ...site, requested, result, data: moved.toString('base64'), start, at: nowUs() };
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
