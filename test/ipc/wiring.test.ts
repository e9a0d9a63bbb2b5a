// The wirings, with real processes and real kernel objects: what fstat and /proc say of
// them, and what outside processes can do to a named pipe.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/args.js';
import type { WiredLinkEvent, Wiring } from '../../src/ipc/events.js';
import { isInCall, threadCalls } from '../../src/kernel/kernel-calls.js';
import { PipeLink } from '../../src/ipc/link.js';
import type { Action } from '../../src/app/state/model.js';
import { lineText } from '../../src/text/styled-lines.js';
import { sharedPipeLines } from '../../src/app/views/pipe-drawing.js';
import { en } from '../../src/i18n/en.js';
import { loadLibc } from '../../src/kernel/libc.js';
import { play } from '../app/events.js';
import { race } from '../../src/experiments/race.js';
import { messagesRead, playThreeTurns, threeTurnsRead } from '../support/conversation.js';
import { isRunning, waitUntil } from '../support/wait.js';

const childScript = path.resolve('dist/child.js');
const links: PipeLink<WiredLinkEvent>[] = [];
const outsiders: ChildProcess[] = [];

async function open(wiring: Wiring) {
  const link = await PipeLink.open({ wiring, childScript });
  links.push(link);
  const events: WiredLinkEvent[] = [];
  link.subscribe((event) => events.push(event));
  return { link, events };
}

/** A process that is not ours: a shell command of the same user, as another terminal would run it. */
function outside(script: string, fifo: string): ChildProcess & { out: string } {
  const child = Object.assign(spawn('/bin/sh', ['-c', script, 'sh', fifo], { stdio: ['ignore', 'pipe', 'ignore'] }), { out: '' });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (child.out += chunk));
  outsiders.push(child);
  return child;
}

afterEach(async () => {
  await Promise.all(links.splice(0).map((link) => link.close()));
  for (const child of outsiders.splice(0)) child.kill('SIGKILL');
});

describe('anonymous pipes', () => {
  it.each(['two-pipes', 'one-pipe'] as const)('%s: the child holds its ends at fds 3 and 4, pipe:[inode] in /proc, as pipe(2) gives', async (wiring) => {
    const { link } = await open(wiring);
    const inodes = link.pipes.map((p) => `pipe:[${p.inode}]`);
    for (const fd of [3, 4]) expect(inodes).toContain(fs.readlinkSync(`/proc/${link.childPid}/fd/${fd}`));
    for (const fd of link.parentFds) expect(inodes).toContain(fs.readlinkSync(`/proc/self/fd/${fd.fd}`));
    if (wiring === 'one-pipe') expect(fs.readlinkSync(`/proc/${link.childPid}/fd/3`)).toBe(fs.readlinkSync(`/proc/${link.childPid}/fd/4`));
  });
});

describe('socket wiring', () => {
  it('joins the two processes with one socketpair: fstat says socket on both sides, the child uses fd 3 both ways', async () => {
    const { link } = await open('socket');
    expect(link.pipes).toEqual([]);
    expect(link.parentFds.map((fd) => [fd.end, fd.kind, fd.isFifo])).toEqual([['read', 'socket', false], ['write', 'socket', false]]);
    expect(link.childFds.map((fd) => [fd.fd, fd.end, fd.kind, fd.isFifo])).toEqual([[3, 'read', 'socket', false], [3, 'write', 'socket', false]]);
    const parentFd = link.parentFds[0]?.fd as number;
    expect(fs.readlinkSync(`/proc/self/fd/${parentFd}`)).toBe(`socket:[${link.parentFds[0]?.inode}]`);
    expect(fs.readlinkSync(`/proc/${link.childPid}/fd/3`)).toBe(`socket:[${link.childFds[0]?.inode}]`);
    // Two ends, two inodes: the child's is not the parent's.
    expect(link.childFds[0]?.inode).not.toBe(link.parentFds[0]?.inode);
  });

  it('plays the three-turn conversation', async () => {
    const { link, events } = await open('socket');
    await playThreeTurns(link, events);
    expect(messagesRead(events)).toEqual(threeTurnsRead());
  });

  it('the waiting parent has a thread blocked in read() on its socket end, as /proc shows, and close() ends it', async () => {
    const { link, events } = await open('socket');
    const fd = link.parentFds[0]?.fd as number;
    const pending = link.read();
    const waiting = events.filter((e) => e.type === 'activity' && e.proc === 'parent').map((e) => e.type === 'activity' && e.activity);
    expect(waiting).toEqual([{ doing: 'reading', fd }]);
    await waitUntil(() => isInCall('self', 'read', fd), { what: 'a thread of the parent to block in read(2) on its socket end' });
    expect(fs.readlinkSync(`/proc/self/fd/${fd}`)).toBe(`socket:[${link.parentFds[0]?.inode}]`);
    link.typeForChild('over the socket');
    expect((await pending.frame)?.text).toBe('over the socket');
    void link.read();
    await waitUntil(() => isInCall('self', 'read', fd), { what: 'the next read(2) to block' });
    const readers = threadCalls('self').filter((t) => t.call === 'read' && t.fd === fd).map((t) => t.tid);
    await link.close();
    // The fd's number may be reused once closed: the threads that were in our read are out of it.
    expect(threadCalls('self').filter((t) => readers.includes(t.tid) && t.call === 'read' && t.fd === fd)).toEqual([]);
  });

  it('never hands a process its own bytes: 300 trials, 0 stolen', async () => {
    const result = await race({ wiring: 'socket', trials: 300, delayMs: 0, childScript });
    expect(result).toMatchObject({ wiring: 'socket', pipes: 0, stolen: 0, delivered: 300, parentBlocked: 0 });
  }, 60_000);
});

describe('named wiring', () => {
  it('keeps one FIFO at a path while open: 0600, in a directory of mode 0700, shared by both processes', async () => {
    const { link } = await open('named');
    const fifo = link.path as string;
    const stat = fs.lstatSync(fifo);
    expect([stat.isFIFO(), stat.mode & 0o777, stat.uid]).toEqual([true, 0o600, process.getuid?.()]);
    expect(fs.lstatSync(path.dirname(fifo)).mode & 0o777).toBe(0o700);
    for (const fd of [...link.parentFds, ...link.childFds]) expect([fd.kind, fd.inode]).toEqual(['fifo', stat.ino]);
  });

  it('a cat of the path takes the message, and the finder names it with its PID and the bytes it read', async () => {
    const { link } = await open('named');
    const cat = outside('exec cat "$1"', link.path as string);
    await waitUntil(() => link.outsideHolders().some((h) => h.pid === cat.pid), { what: 'cat to open the FIFO' });
    const before = link.outsideHolders().find((h) => h.pid === cat.pid);
    expect(before).toMatchObject({ command: 'cat', fds: [{ access: 'read' }] });
    // The child is at its keyboard and the parent is not reading: cat is the only reader.
    const written = await link.write('for the child');
    await waitUntil(() => cat.out.length > 0, { what: 'cat to read' });
    expect(cat.out).toBe('P1:for the child\n');
    const after = link.outsideHolders().find((h) => h.pid === cat.pid);
    expect((after?.rchar ?? 0) - (before?.rchar ?? 0)).toBe(written);
    expect(link.outsideHolders().map((h) => h.pid)).not.toContain(link.childPid);
  });

  it("the drawing's bytes unread are FIONREAD's, before and after an outside cat took them", async () => {
    const { link, events } = await open('named');
    const libc = await loadLibc();
    // Our own look at the kernel: an fd on the FIFO that reads nothing.
    const probe = fs.openSync(link.path as string, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      const drawing = () => {
        const opened: Action[] = [
          { type: 'session-starting', session: 1, wiring: 'named', firstTurn: 1, reason: 'start', parentPid: process.pid, at: 0, wallAt: 0 },
          { type: 'session-opened', session: 1, childPid: link.childPid, pipes: link.pipes, parentFds: link.parentFds, childFds: link.childFds, path: link.path, at: 0 },
        ];
        return sharedPipeLines(en.ui, play([...opened, ...events.map((event): Action => ({ type: 'link-event', session: 1, event }))]), 40, 30).map(lineText).join('\n');
      };
      // The child is at its keyboard and the parent is not reading: the message waits in the FIFO.
      const written = Number(await link.write('for the child'));
      await waitUntil(() => events.some((e) => e.type === 'queued'), { what: 'the link to look at FIONREAD' });
      expect(libc.fionread(probe)).toBe(written);
      expect(drawing()).toContain(en.ui.pipes.unread(written));
      const cat = outside('exec cat "$1"', link.path as string);
      await waitUntil(() => cat.out.length > 0, { what: 'cat to read' });
      expect(libc.fionread(probe)).toBe(0);
      // No call of ours saw it go: the look for outside holders asks the kernel again.
      await waitUntil(() => (link.outsideHolders(), events.some((e) => e.type === 'queued' && e.bytes === 0)), { what: 'FIONREAD to say 0' });
      expect(drawing()).not.toContain(en.ui.pipes.unread(written));
      expect(drawing()).toContain(en.ui.pipes.empty);
    } finally {
      fs.closeSync(probe);
    }
  });

  it('a line echoed into the path by another process arrives as an untagged frame', async () => {
    const { link } = await open('named');
    const pending = link.read();
    outside('echo hi > "$1"', link.path as string);
    expect(await pending.frame).toMatchObject({ writer: null, text: 'hi' });
  });

  it('close() removes the path and its directory and returns while outside processes still hold the FIFO open', async () => {
    const { link } = await open('named');
    const fifo = link.path as string;
    const writer = outside('exec sleep 600 > "$1"', fifo);
    const reader = outside('exec cat "$1"', fifo);
    await waitUntil(() => link.outsideHolders().length === 2, { what: 'both outside processes to open the FIFO' });
    const readFd = link.parentFds[0]?.fd as number;
    void link.read();
    await waitUntil(() => isInCall('self', 'read', readFd), { what: 'the parent to block in read(2)' });
    await link.close();
    expect(fs.existsSync(fifo)).toBe(false);
    expect(fs.existsSync(path.dirname(fifo))).toBe(false);
    expect(isInCall('self', 'read', readFd)).toBe(false);
    expect([isRunning(writer.pid as number), isRunning(reader.pid as number)]).toEqual([true, true]);
  });
});

describe('--wiring', () => {
  it('reaches the chat\'s and the race\'s options; --pipes stays its older form; both together are refused', () => {
    expect(parseCommandLine(['--wiring', 'socket'])).toMatchObject({ command: 'ui', wiring: 'socket' });
    expect(parseCommandLine(['--wiring', 'named'])).toMatchObject({ command: 'ui', wiring: 'named' });
    expect(parseCommandLine([])).toMatchObject({ command: 'ui', wiring: 'two-pipes' });
    expect(parseCommandLine(['--pipes', '1'])).toMatchObject({ command: 'ui', wiring: 'one-pipe' });
    expect(parseCommandLine(['--pipes', '2'])).toMatchObject({ command: 'ui', wiring: 'two-pipes' });
    expect(parseCommandLine(['race', '--wiring', 'named'])).toMatchObject({ command: 'race', wiring: 'named', wiringChosen: true });
    expect(parseCommandLine(['race'])).toMatchObject({ command: 'race', wiring: 'one-pipe', wiringChosen: false });
    expect(parseCommandLine(['race', '--sweep', '--wiring', 'socket'])).toMatchObject({ wiring: 'socket', sweepDelaysMs: expect.any(Array) });
    expect(parseCommandLine(['race', '--pipes', '2', '--wiring', 'socket'])).toMatchObject({
      command: 'usage-error',
      problem: { kind: 'conflict', option: '--pipes', other: '--wiring' },
    });
    expect(parseCommandLine(['--wiring', 'tube'])).toMatchObject({ command: 'usage-error', problem: { kind: 'bad-value', option: '--wiring' } });
  });
});
