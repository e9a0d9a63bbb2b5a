import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkEvent } from '../../src/ipc/events.js';
import { MAX_MESSAGE_BYTES } from '../../src/ipc/framing.js';
import { PipeLink } from '../../src/ipc/link.js';
import { isInCall } from '../../src/kernel/kernel-calls.js';
import { messagesRead, playThreeTurns, threeTurnsRead } from '../support/conversation.js';
import { isRunning, waitUntil } from '../support/wait.js';

const childScript = path.resolve('dist/child.js');
const links: PipeLink[] = [];

async function open(mode: 'one' | 'two', options: { turns?: number; childDelayMs?: number } = {}) {
  const link = await PipeLink.open({ wiring: mode === 'one' ? 'one-pipe' : 'two-pipes', childScript, ...options });
  links.push(link);
  const events: LinkEvent[] = [];
  link.subscribe((event) => events.push(event));
  return { link, events };
}

afterEach(async () => {
  await Promise.all(links.splice(0).map((link) => link.close()));
});

/** The child's exit as the link reported it, or null while it runs. */
function exitOf(events: LinkEvent[]) {
  const exit = events.find((e) => e.type === 'exit');
  return exit?.type === 'exit' ? { code: exit.code, signal: exit.signal } : null;
}

const messages = messagesRead;

describe('two pipes', () => {
  it('gives each process only the ends it uses, all kernel FIFOs, as fstat says inside the child too', async () => {
    const { link } = await open('two');
    const byName = Object.fromEntries(link.pipes.map((p) => [p.name, p.inode]));
    // The second write end is the parent's own non-blocking description of the same pipe (quick-write.ts).
    expect(link.parentFds.map((fd) => [fd.end, fd.isFifo, fd.inode])).toEqual([
      ['read', true, byName['child-to-parent']],
      ['write', true, byName['parent-to-child']],
      ['write', true, byName['parent-to-child']],
    ]);
    expect(link.childFds.map((fd) => [fd.fd, fd.end, fd.isFifo, fd.inode])).toEqual([
      [3, 'read', true, byName['parent-to-child']],
      [4, 'write', true, byName['child-to-parent']],
    ]);
    expect(byName['child-to-parent']).not.toBe(byName['parent-to-child']);
  });

  it('plays the three-turn conversation: each message reaches the other process', async () => {
    const { link, events } = await open('two');
    await playThreeTurns(link, events);
    await waitUntil(() => exitOf(events) !== null, { what: 'the child to exit after three turns' });
    expect(messages(events)).toEqual(threeTurnsRead());
    expect(exitOf(events)).toEqual({ code: 0, signal: null });
  });

  it('carries 64 KiB messages both ways, whatever the reads and writes that split them', async () => {
    const { link, events } = await open('two');
    const big = '가'.repeat(Math.floor(MAX_MESSAGE_BYTES / 3)) + 'x';
    const read = link.read();
    link.typeForChild(big);
    expect((await read.frame)?.text).toBe(big);
    expect(await link.write(big)).toBeGreaterThan(MAX_MESSAGE_BYTES);
    await waitUntil(() => messages(events).length === 2, { what: 'the child to read 64 KiB' });
    const childRead = events.find((e) => e.type === 'message' && e.proc === 'child');
    expect(childRead?.type === 'message' && childRead.frame.text).toBe(big);
  });

  it('a write into a full pipe blocks a thread of the parent in write(2), not its event loop, until the reader drains it', async () => {
    const { link, events } = await open('two');
    const writeFd = link.parentFds[1]?.fd as number;
    const big = 'y'.repeat(MAX_MESSAGE_BYTES);
    // The child is at its keyboard, not reading: the parent's frame cannot fit in the pipe.
    const written = link.write(big);
    await waitUntil(() => isInCall('self', 'write', writeFd), { what: 'a thread of the parent to block in write(2) on the full pipe' });
    expect(events.some((e) => e.type === 'syscall' && e.proc === 'parent')).toBe(false); // the call has not returned
    link.typeForChild('now I read');
    expect(await written).toBe(MAX_MESSAGE_BYTES + 'P1:\n'.length);
    await waitUntil(() => messages(events).some((m) => m.startsWith('child read parent#1')), { what: 'the child to read it' });
  });

  it('with its read in flight, a short frame is written at once from the event loop on a non-blocking end; into a full pipe it says EAGAIN and the call thread takes it', async () => {
    const { link, events } = await open('two');
    // The parent waits for the child's line: its call thread is in read(2).
    const pending = link.read();
    await waitUntil(() => isInCall('self', 'read', link.parentFds[0]?.fd as number), { what: 'the parent in read(2)' });
    const [, writeFd, quick] = link.parentFds.map((f) => f.fd);
    const flags = (fd: number | undefined) => parseInt(/flags:\s+(\d+)/.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1] ?? 'x', 8);
    expect(flags(quick) & fs.constants.O_NONBLOCK).not.toBe(0);
    expect(flags(writeFd) & fs.constants.O_NONBLOCK).toBe(0);
    const writes = () => events.flatMap((e) => (e.type === 'syscall' && e.proc === 'parent' && e.call === 'write' ? [[e.fd, e.result]] : []));
    // The child is at its keyboard, not reading: short frames fill the 64 KiB pipe, each taken whole, written at once.
    const line = 'z'.repeat(4000);
    const frameOf = (seq: number) => `P${seq}:`.length + line.length + 1;
    let sent = 0;
    while (!writes().some(([, result]) => result === 'EAGAIN')) {
      const result = link.write(line);
      sent++;
      if (!writes().some(([, r]) => r === 'EAGAIN')) expect(await result).toBe(frameOf(sent));
      else void result;
    }
    expect(sent).toBeGreaterThan(10);
    expect(writes().slice(0, -1)).toEqual(Array.from({ length: sent - 1 }, (_, i) => [quick, frameOf(i + 1)]));
    expect(writes().at(-1)).toEqual([quick, 'EAGAIN']);
    // None of it went in: the same frame goes to the call thread, once its read has returned.
    link.typeForChild('now I read');
    expect((await pending.frame)?.text).toBe('now I read');
    await waitUntil(() => writes().at(-1)?.[0] === writeFd, { what: 'the frame written on the call thread' });
    expect(writes().at(-1)).toEqual([writeFd, frameOf(sent)]);
  });

  it('while the parent waits for the child, a thread of the parent is blocked in read(2) on the fd it names', async () => {
    const { link, events } = await open('two');
    const pending = link.read();
    const reading = events.find((e) => e.type === 'activity' && e.proc === 'parent' && e.activity.doing === 'reading');
    const fd = reading?.type === 'activity' && reading.activity.doing === 'reading' ? reading.activity.fd : -1;
    expect(fd).toBe(link.parentFds[0]?.fd);
    await waitUntil(() => isInCall('self', 'read', fd), { what: `a thread of the parent in read(fd ${fd})` });
    // The file description the read blocks on is a blocking one (no O_NONBLOCK in its flags).
    const flags = parseInt(/flags:\s+(\d+)/.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1] ?? 'x', 8);
    expect(flags & fs.constants.O_NONBLOCK).toBe(0);
    link.typeForChild('hello');
    expect((await pending.frame)?.text).toBe('hello');
    const read = events.find((e) => e.type === 'syscall' && e.proc === 'parent' && e.call === 'read');
    expect(read?.type === 'syscall' && read.start <= read.at).toBe(true);
  });
});

describe('one shared pipe', () => {
  it('gives both processes both ends of the same FIFO', async () => {
    const { link } = await open('one');
    const inode = link.pipes[0]?.inode;
    expect(link.pipes).toHaveLength(1);
    for (const fd of [...link.parentFds, ...link.childFds]) expect([fd.isFifo, fd.inode]).toEqual([true, inode]);
    expect(link.childFds.map((fd) => `${fd.fd}:${fd.end}`)).toEqual(['3:read', '4:write']);
  });

  it('lets the child read back its own message when the parent reads late', async () => {
    const { link, events } = await open('one');
    link.typeForChild('Who are you?');
    await waitUntil(() => messages(events).length === 1, { what: 'the child to read' });
    expect(messages(events)).toEqual(['child read child#1: Who are you?']);
  });

  it('takes no bytes while the parent is not reading', async () => {
    const { link, events } = await open('one', { childDelayMs: 300 });
    link.typeForChild('mine');
    await waitUntil(() => messages(events).length === 1, { what: 'the child to read after its sleep' });
    expect(events.some((e) => e.type === 'syscall' && e.proc === 'parent')).toBe(false);
  });
});

describe('lifecycle', () => {
  // Each link forks a Node child (about 0.4 s of CPU here): a leak shows after any number
  // of links, so a few rounds of links opened and closed side by side, both modes in each.
  it('closing a link kills and reaps the child and closes every fd it opened, over 12 links, 4 at a time', async () => {
    const fds = () => fs.readdirSync('/proc/self/fd').length;
    const warm = await PipeLink.open({ wiring: 'one-pipe', childScript });
    await warm.close();
    const before = fds();
    const openAndClose = async (wiring: 'one-pipe' | 'two-pipes') => {
      const link = await PipeLink.open({ wiring, childScript });
      const pid = link.childPid;
      await link.close();
      expect(fs.existsSync(`/proc/${pid}`)).toBe(false); // reaped: no zombie
    };
    for (let round = 0; round < 3; round++) await Promise.all((['one-pipe', 'two-pipes', 'one-pipe', 'two-pipes'] as const).map(openAndClose));
    expect(fds()).toBe(before);
  });

  it('a write to a pipe whose reader died gives EPIPE, not a crash', async () => {
    const { link, events } = await open('two');
    process.kill(link.childPid, 'SIGKILL');
    await waitUntil(() => exitOf(events) !== null, { what: 'the child to die' });
    expect(await link.write('anyone there?')).toBe('EPIPE');
  });

  it('the child exits when its stdin (its keyboard) closes', async () => {
    const { link, events } = await open('one');
    (link as unknown as { child: { stdin: NodeJS.WritableStream } }).child.stdin.end();
    await waitUntil(() => exitOf(events) !== null, { what: 'the child to exit' });
    expect(exitOf(events)).toEqual({ code: 0, signal: null });
    expect(isRunning(link.childPid)).toBe(false);
  });
});

describe('cancelling a read', () => {
  it('cancels only the read it belongs to, not one started after it', async () => {
    const { link, events } = await open('two');
    const first = link.read();
    first.cancel();
    expect(await first.frame).toBeNull();
    const second = link.read();
    first.cancel(); // late: must not touch the second read
    link.typeForChild('still heard');
    expect((await second.frame)?.text).toBe('still heard');
    expect(messages(events)).toContain('parent read child#1: still heard');
  });
});

describe("the child's environment", () => {
  it("is the parent's but NODE_EXTRA_CA_CERTS, whose certificates Node 20 would read as it starts", async () => {
    const saved = { certs: process.env.NODE_EXTRA_CA_CERTS, kept: process.env.PIPE_CHAT_TEST_KEPT };
    process.env.NODE_EXTRA_CA_CERTS = path.resolve('test/fixtures/no-such-certificates.pem');
    process.env.PIPE_CHAT_TEST_KEPT = 'kept';
    try {
      const { link } = await open('two');
      const environ = fs.readFileSync(`/proc/${link.childPid}/environ`, 'utf8').split('\0');
      expect(environ).toContain('PIPE_CHAT_TEST_KEPT=kept');
      expect(environ.filter((variable) => variable.startsWith('NODE_EXTRA_CA_CERTS='))).toEqual([]);
    } finally {
      for (const [name, value] of [['NODE_EXTRA_CA_CERTS', saved.certs], ['PIPE_CHAT_TEST_KEPT', saved.kept]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
