// The TCP connection over a real link: the three turns; the connection found in
// /proc/net/tcp as ESTABLISHED between two 127.0.0.1 ends, each end's inode held by the
// process that uses it (/proc/PID/fd) and the other end's line its mirror; the parent's
// thread in read() on its socket while it waits (and the child's, in read() on its own);
// the listening socket gone once the child is in; and close() ending the parent's read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkEvent } from '../../src/ipc/events.js';
import { isInCall, threadCalls } from '../../src/kernel/kernel-calls.js';
import { PipeLink } from '../../src/ipc/link.js';
import { readNetTcp, tcpRowOf } from '../../src/kernel/proc-net-tcp.js';
import { messagesRead, playThreeTurns, threeTurnsRead } from '../support/conversation.js';
import { waitUntil } from '../support/wait.js';

const childScript = path.resolve('dist/child.js');
const links: PipeLink[] = [];

afterEach(async () => {
  await Promise.all(links.splice(0).map((link) => link.close()));
});

async function open() {
  const events: LinkEvent[] = [];
  const link = await PipeLink.open({ wiring: 'tcp', childScript, onEvent: (e) => events.push(e) });
  links.push(link);
  return { link, events };
}

/** The inodes of the sockets `pid` holds, as /proc/PID/fd names them. */
function socketInodes(pid: number | 'self'): number[] {
  return fs.readdirSync(`/proc/${pid}/fd`).flatMap((name) => {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${name}`));
      return match ? [Number(match[1])] : [];
    } catch {
      return [];
    }
  });
}

describe.runIf(process.platform === 'linux')('a TCP connection over the loopback', () => {
  it('plays the three turns', async () => {
    const { link, events } = await open();
    await playThreeTurns(link, events);
    expect(messagesRead(events)).toEqual(threeTurnsRead());
  });

  it('is ESTABLISHED on 127.0.0.1 in /proc/net/tcp, each end held by its process, and the parent waits in read() on its socket', async () => {
    const { link, events } = await open();
    const parentEnd = link.parentFds[0];
    const childEnd = link.childFds[0];
    expect(parentEnd?.kind).toBe('socket');
    expect(childEnd?.kind).toBe('socket');
    const rows = readNetTcp();
    const parentRow = tcpRowOf(rows, parentEnd?.inode ?? -1);
    const childRow = tcpRowOf(rows, childEnd?.inode ?? -1);
    expect(parentRow).toMatchObject({ state: 'ESTABLISHED', stateCode: '01', local: { address: '127.0.0.1' }, remote: { address: '127.0.0.1' } });
    expect(childRow).toMatchObject({ state: 'ESTABLISHED', local: parentRow?.remote, remote: parentRow?.local });
    expect(socketInodes('self')).toContain(parentEnd?.inode);
    expect(socketInodes(link.childPid)).toContain(childEnd?.inode);
    expect(socketInodes(link.childPid)).not.toContain(parentEnd?.inode);
    // Nobody else can connect: the listening socket went once the child was in.
    expect(rows.filter((r) => r.state === 'LISTEN' && r.local.port === parentRow?.local.port)).toEqual([]);

    const read = link.read();
    await waitUntil(() => isInCall('self', 'read', parentEnd?.fd ?? -1), { what: 'a thread of the parent in read() on its socket' });
    link.typeForChild('over TCP');
    expect((await read.frame)?.text).toBe('over TCP');
    await waitUntil(() => isInCall(link.childPid, 'read', childEnd?.fd ?? -1), { what: 'the child in read() on its socket' });
    // The screen's words for it come from the child's own report: read on that same fd.
    await waitUntil(() => events.some((e) => e.type === 'activity' && e.proc === 'child' && e.activity.doing === 'reading' && e.activity.fd === childEnd?.fd), { what: "the child's report of its read" });
  });

  it('close() ends the parent\'s read in flight (shutdown) and leaves no socket of ours', async () => {
    const { link } = await open();
    const parentEnd = link.parentFds[0];
    const read = link.read();
    await waitUntil(() => isInCall('self', 'read', parentEnd?.fd ?? -1), { what: 'the parent in read()' });
    await link.close();
    expect(await read.frame).toBeNull();
    expect(isInCall('self', 'read', parentEnd?.fd ?? -1)).toBe(false);
    expect(socketInodes('self')).not.toContain(parentEnd?.inode);
  });

  it('a child that exits before it connects: one clear error, the accept ended, nothing of ours left listening', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-tcp-test-'));
    const quitter = path.join(dir, 'quits.mjs');
    fs.writeFileSync(quitter, 'process.exit(3);\n');
    const before = socketInodes('self');
    try {
      await expect(PipeLink.open({ wiring: 'tcp', childScript: quitter })).rejects.toThrow('no TCP connection from the child: the child exited before it connected');
    } finally {
      fs.rmSync(quitter);
      fs.rmdirSync(dir);
    }
    const left = socketInodes('self').filter((inode) => !before.includes(inode));
    expect(readNetTcp().filter((r) => left.includes(r.inode))).toEqual([]);
    expect(threadCalls('self').filter((c) => c.call === 'accept4')).toEqual([]);
  });
});
