// The memory-mapped file over a real link: the three turns; the file in a private
// directory of the cache directory, mapped by both processes (their /proc/PID/maps name
// it), holding the child's line as a `cat` of it would read it; the file and its
// directory gone once the link closes or its child is killed; the race loses nothing.
// Each test gets its own cache directory (XDG_CACHE_HOME), so "gone" is judged there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinkEvent } from '../../src/ipc/events.js';
import { PipeLink } from '../../src/ipc/link.js';
import { race } from '../../src/experiments/race.js';
import { readSysVTable } from '../../src/kernel/proc-sysvipc.js';
import { pidOfOurKey } from '../../src/kernel/sysv.js';
import { messagesRead, playThreeTurns, threeTurnsRead } from '../support/conversation.js';
import { waitUntil } from '../support/wait.js';

const childScript = path.resolve('dist/child.js');
const links: PipeLink[] = [];
let cache = '';
const savedCache = process.env.XDG_CACHE_HOME;

beforeEach(() => {
  cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-chat-test-cache-'));
  process.env.XDG_CACHE_HOME = cache;
});
afterEach(async () => {
  await Promise.all(links.splice(0).map((link) => link.close()));
  if (savedCache === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = savedCache;
  fs.rmSync(cache, { recursive: true, force: true });
});

async function open() {
  const events: LinkEvent[] = [];
  const link = await PipeLink.open({ wiring: 'mmap', childScript, onEvent: (e) => events.push(e) });
  links.push(link);
  return { link, events };
}

const mapsNaming = (pid: number | 'self', file: string) => fs.readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n').filter((l) => l.endsWith(file) && / rw-s /.test(l));

describe.runIf(process.platform === 'linux')('a memory-mapped file', () => {
  it('plays the three turns through the two boxes', async () => {
    const { link, events } = await open();
    await playThreeTurns(link, events);
    expect(messagesRead(events)).toEqual(threeTurnsRead());
  });

  it('is a 0600 file in a 0700 directory of the cache directory, mapped MAP_SHARED by both, holding the line as cat reads it', async () => {
    const { link, events } = await open();
    const file = link.path as string;
    expect(path.dirname(path.dirname(file))).toBe(cache);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const read = link.read();
    link.typeForChild('in the page cache');
    expect((await read.frame)?.text).toBe('in the page cache');
    expect(mapsNaming('self', file)).toHaveLength(1);
    expect(mapsNaming(link.childPid, file)).toHaveLength(1);
    expect(fs.readFileSync(file, 'latin1')).toContain('C1:in the page cache\n');
    await link.write('answer');
    await waitUntil(() => messagesRead(events).includes('child read parent#1: answer'), { what: 'the child to read the answer' });
    expect(fs.readFileSync(file, 'latin1')).toContain('P1:answer\n');
  });

  it('the file, its directory and the semaphore set are gone once the link closes', async () => {
    const { link } = await open();
    const file = link.path as string;
    const semid = readSysVTable('sem').find((r) => pidOfOurKey(r.key ?? 0) === process.pid)?.semid;
    expect(semid).toBeDefined();
    const read = link.read();
    await link.close();
    expect(await read.frame).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(cache)).toEqual([]);
    expect(readSysVTable('sem').some((r) => r.semid === semid)).toBe(false);
  });

  it('the file and its directory go when the child is killed', async () => {
    const { link, events } = await open();
    process.kill(link.childPid, 'SIGKILL');
    await waitUntil(() => events.some((e) => e.type === 'exit'), { what: 'the child to die' });
    expect(fs.readdirSync(cache)).toEqual([]);
  });

  it('race: nothing stolen, lost or torn', async () => {
    const result = await race({ wiring: 'mmap', trials: 20, delayMs: 0, childScript });
    expect(result).toMatchObject({ stolen: 0, delivered: 20, lost: 0, torn: 0, parentCall: 'semtimedop' });
    expect(fs.readdirSync(cache)).toEqual([]);
  });
});
