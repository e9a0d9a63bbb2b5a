import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queuesOfThisFile } from '../support/queues.js';
import { IPC_CREAT, IPC_EXCL, IPC_NOWAIT, KEY_SLOTS, ourKey, pidOfOurKey } from '../../src/kernel/sysv.js';
import { parseSysVTable, queueState } from '../../src/kernel/proc-sysvipc.js';
import { leftoversIn } from '../../src/kernel/leftovers.js';

const queues = queuesOfThisFile();
const newQueue = (slot = 0): number => queues.make(process.pid, slot);

describe('our System V keys', () => {
  it('name the PID that made them, and only ours do', () => {
    for (const pid of [1, 4242, 4_194_303]) for (let slot = 0; slot < KEY_SLOTS; slot++) expect(pidOfOurKey(ourKey(pid, slot))).toBe(pid);
    expect(pidOfOurKey(0)).toBeNull(); // IPC_PRIVATE
    expect(pidOfOurKey(0x51_01_00_2a)).toBeNull(); // an ftok key with proj_id 'Q'
    expect(() => ourKey(4_194_304, 0)).toThrow(RangeError);
  });
});

describe('a message queue, for real', () => {
  it('is made once per key (IPC_EXCL), 0600, and /proc/sysvipc/msg shows it by id while a message is queued', () => {
    const id = newQueue();
    expect(() => queues.sysv().msgget(ourKey(process.pid, 0), IPC_CREAT | IPC_EXCL | 0o600)).toThrow(/msgget: EEXIST/);
    queues.sysv().msgsnd(id, 2, Buffer.from('Who are you?'), IPC_NOWAIT);
    const q = queueState(id);
    expect(q).toMatchObject({ key: ourKey(process.pid, 0), messages: 1, bytes: 12, lastSender: process.pid, creatorUid: process.getuid?.() });
    expect(q && q.mode & 0o777).toBe(0o600);
  });

  it('a typed msgrcv skips other types; type 0 takes the oldest', () => {
    const id = newQueue();
    queues.sysv().msgsnd(id, 1, Buffer.from('one'), 0);
    queues.sysv().msgsnd(id, 2, Buffer.from('two'), 0);
    expect(queues.sysv().msgrcv(id, 2, 64, IPC_NOWAIT)).toEqual({ type: 2, text: Buffer.from('two') });
    expect(() => queues.sysv().msgrcv(id, 2, 64, IPC_NOWAIT)).toThrow(/msgrcv: ENOMSG/);
    expect(queues.sysv().msgrcv(id, 0, 64, IPC_NOWAIT).text.toString()).toBe('one');
    expect(queueState(id)?.lastReceiver).toBe(process.pid);
  });

  it('a message larger than msgmax gets the kernel\'s EINVAL', () => {
    const id = newQueue();
    const msgmax = Number(fs.readFileSync('/proc/sys/kernel/msgmax', 'utf8'));
    expect(() => queues.sysv().msgsnd(id, 1, Buffer.alloc(msgmax + 1), IPC_NOWAIT)).toThrow(/msgsnd: EINVAL/);
  });
});

describe('leftovers of a crashed run', () => {
  const table = (rows: string[]) => parseSysVTable(['key msqid perms cbytes qnum lspid lrpid uid gid cuid cgid stime rtime ctime', ...rows].join('\n'));
  it('are ours, this user\'s, and of a PID that is gone', () => {
    const dead = 4_000_000;
    const rows = table([
      `${ourKey(dead, 1)} 10 600 0 0 0 0 1000 1000 1000 1000 0 0 0`,
      `${ourKey(process.pid, 0)} 11 600 0 0 0 0 1000 1000 1000 1000 0 0 0`,
      `${ourKey(dead, 0)} 12 600 0 0 0 0 1000 1000 2000 2000 0 0 0`,
      `${0x51_01_00_2a} 13 600 0 0 0 0 1000 1000 1000 1000 0 0 0`,
    ]);
    const alive = (pid: number) => pid === process.pid;
    expect(leftoversIn({ msg: rows, shm: [], sem: [] }, 1000, alive)).toEqual([{ kind: 'msg', id: 10, key: ourKey(dead, 1), pid: dead }]);
  });
});
