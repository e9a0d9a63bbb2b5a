// The message queues over a real link: the three turns on `queue`, both processes really
// waiting in msgrcv (syscall 70, wchan do_msgrcv in /proc), the queue found by its id in
// /proc/sysvipc/msg while a message waits in it, removed (by id) when the link closes or
// its child is killed, and `queue-one-type` handing the child's message to a parent that
// already waits. Tests run in parallel and as root: a queue is judged by its id, never by
// an empty table.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { race } from '../../src/experiments/race.js';
import { allQueues, kernelLimit, queueState } from '../../src/kernel/proc-sysvipc.js';
import { pidOfOurKey } from '../../src/kernel/sysv.js';
import { messagesRead, playThreeTurns, threeTurnsRead } from '../support/conversation.js';
import { childScript, linkOpener } from '../support/open-links.js';
import { waitUntil } from '../support/wait.js';

const MSGRCV = 70; // x86_64

const open = linkOpener();

/** Our queues now: their key names this process. */
function ourQueueIds(): number[] {
  return allQueues()
    .filter((q) => pidOfOurKey(q.key) === process.pid)
    .map((q) => q.id);
}

/** Threads of `pid` blocked in msgrcv, as /proc/PID/task/TID/{syscall,wchan} say. */
function threadsInMsgrcv(pid: number | 'self'): number {
  return fs.readdirSync(`/proc/${pid}/task`).filter((tid) => {
    try {
      const nr = fs.readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'utf8').split(' ')[0];
      const wchan = fs.readFileSync(`/proc/${pid}/task/${tid}/wchan`, 'utf8');
      return nr === String(MSGRCV) && wchan === 'do_msgrcv';
    } catch {
      return false;
    }
  }).length;
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('a message queue', () => {
  it('plays the three turns, type 1 up and type 2 down', async () => {
    const { link, events } = await open('queue');
    await playThreeTurns(link, events);
    expect(messagesRead(events)).toEqual(threeTurnsRead());
  });

  it('both processes really wait in msgrcv, and the screen names the call with its type', async () => {
    const { link, events } = await open('queue');
    void link.read();
    await waitUntil(() => threadsInMsgrcv('self') === 1, { what: 'a thread of the parent in msgrcv' });
    link.typeForChild('hello');
    await waitUntil(() => messagesRead(events).length === 1, { what: 'the parent to read' });
    await waitUntil(() => threadsInMsgrcv(link.childPid) === 1, { what: 'the child in msgrcv' });
    const reading = (): string[] => events.filter((e) => e.type === 'activity' && e.activity.doing === 'reading').map((e) => (e.type === 'activity' && e.activity.doing === 'reading' ? `${e.proc} ${e.activity.on}` : ''));
    const [id] = ourQueueIds();
    // The child's report of it comes from the report ring, which the parent looks at on a timer while the child's turn is in flight.
    await waitUntil(() => reading().includes(`child msgrcv(queue ${id}, type 2)`), { what: "the child's report that it reads" });
    expect(reading()).toEqual(expect.arrayContaining([`parent msgrcv(queue ${id}, type 1)`, `child msgrcv(queue ${id}, type 2)`]));
  });

  it('is found by its id in /proc/sysvipc/msg while a message waits, and is gone by id once the link closes', async () => {
    const { link } = await open('queue');
    const [id] = ourQueueIds();
    expect(id).toBeDefined();
    link.typeForChild('still queued');
    await waitUntil(() => (queueState(id as number)?.messages ?? 0) === 1, { what: 'the message in the queue' });
    expect(queueState(id as number)).toMatchObject({ lastSender: link.childPid, mode: expect.any(Number) });
    expect((queueState(id as number)?.mode ?? 0) & 0o777).toBe(0o600);
    await link.close();
    expect(queueState(id as number)).toBeNull();
  });

  it('is removed when its child is killed, and the parent blocked in msgrcv gets EIDRM on close', async () => {
    const { link, events } = await open('queue');
    const [id] = ourQueueIds();
    const read = link.read();
    await waitUntil(() => threadsInMsgrcv('self') === 1, { what: 'the parent in msgrcv' });
    process.kill(link.childPid, 'SIGKILL');
    await waitUntil(() => events.some((e) => e.type === 'exit'), { what: 'the child to die' });
    await link.close();
    expect(await read.frame).toBeNull();
    expect(queueState(id as number)).toBeNull();
    expect(threadsInMsgrcv('self')).toBe(0);
  });

  it('a message larger than msgmax gets the kernel\'s answer, and both processes go on', async () => {
    const msgmax = kernelLimit('msgmax') as number;
    const { link, events } = await open('queue');
    const read = link.read();
    link.typeForChild('a'.repeat(msgmax + 1));
    await waitUntil(() => events.some((e) => e.type === 'syscall' && e.proc === 'child' && typeof e.result === 'string'), { what: 'the child\'s msgsnd to fail' });
    const failed = events.find((e) => e.type === 'syscall' && e.proc === 'child' && typeof e.result === 'string');
    expect(failed).toMatchObject({ on: expect.stringMatching(/^msgsnd\(queue \d+, type 1\)$/), result: `EINVAL: larger than msgmax ${msgmax}` });
    link.typeForChild('short');
    expect((await read.frame)?.text).toBe('short');
    expect(await link.write('b'.repeat(msgmax + 1))).toBe(`EINVAL: larger than msgmax ${msgmax}`);
    expect(await link.write('fits')).toBeGreaterThan(0);
    await waitUntil(() => messagesRead(events).includes('child read parent#2: fits'), { what: 'the child to read the answer that fits' });
  });

  it('one type: with the parent already waiting, the kernel hands the child its message (never read back)', async () => {
    const { link, events } = await open('queue-one-type');
    for (let i = 0; i < 3; i++) {
      const read = link.read();
      await waitUntil(() => threadsInMsgrcv('self') === 1, { what: 'the parent in msgrcv' });
      link.typeForChild(`line ${i}`);
      const frame = await read.frame;
      expect(frame?.writer).toBe('child');
      await link.write(`answer ${i}`);
      await waitUntil(() => messagesRead(events).filter((m) => m.startsWith('child read')).length === i + 1, { what: 'the child to read the answer' });
    }
    expect(messagesRead(events).filter((m) => m.startsWith('child read child'))).toEqual([]);
  });

  it('one type: with the parent not reading, the child reads its own message back', async () => {
    const { link, events } = await open('queue-one-type');
    link.typeForChild('mine');
    await waitUntil(() => messagesRead(events).length === 1, { what: 'the child to read' });
    expect(messagesRead(events)).toEqual(['child read child#1: mine']);
  });
});

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the race on the queues', () => {
  it('queue: nothing stolen, every message delivered, the parent seen in msgrcv before each send', async () => {
    const result = await race({ wiring: 'queue', trials: 20, delayMs: 0, childScript });
    expect(result).toMatchObject({ stolen: 0, delivered: 20, parentCall: 'msgrcv', waitingBeforeSend: 20 });
  });

  it('queue-one-type: nothing stolen while the parent waits; with a parent delay, every trial still settles', async () => {
    expect(await race({ wiring: 'queue-one-type', trials: 20, delayMs: 0, childScript })).toMatchObject({ stolen: 0, delivered: 20, waitingBeforeSend: 20 });
    const delayed = await race({ wiring: 'queue-one-type', trials: 10, delayMs: 0, parentDelayMs: 1, childScript });
    expect(delayed.stolen + delayed.delivered).toBe(10);
  });
});
