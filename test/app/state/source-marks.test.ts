// The source view's marks, for every state of both processes in every wiring: the line
// a process is marked on must be the call the kernel has it in (fgets at its keyboard,
// its read(...) when blocked in read, on every channel, the socket's parent too
// parent), and the words must say that state.
import { describe, expect, it } from 'vitest';
import { WIRINGS, type Proc, type WiredActivity, type Wiring } from '../../../src/ipc/events.js';
import { en } from '../../../src/i18n/en.js';
import { newProc, type ProcState, type SessionState } from '../../../src/app/state/model.js';
import { sourceMarks } from '../../../src/app/state/source-marks.js';
import { sourceProgram } from '../../../src/app/views/source-program.js';
import { CHANNELS } from '../../../src/channels/registry.js';

const t = en.ui;

function session(wiring: Wiring, proc: Proc, change: Partial<ProcState>, awaits = false): SessionState {
  const other = newProc(proc === 'parent' ? 2 : 1, 0);
  const me = { ...newProc(proc === 'parent' ? 1 : 2, 0), ...change };
  return {
    id: 1, wiring, path: null, firstTurn: 1, reason: 'start', startedAt: 0,
    status: 'open', error: null, pipes: [], writes: [], reads: [], queued: {}, outsideWriteEnds: [], parentAwaitsChildLine: awaits, untagged: 0,
    parent: proc === 'parent' ? me : other, child: proc === 'child' ? me : other,
  };
}

/** The textbook's name of each fd a process uses in each wiring. */
const ENDS: Record<Wiring, Record<Proc, { read: string | null; write: string | null }>> = {
  'two-pipes': { child: { read: 'read(fds2[0]', write: 'write(fds1[1]' }, parent: { read: 'read(fds1[0]', write: 'write(fds2[1]' } },
  'one-pipe': { child: { read: 'read(fds[0]', write: 'write(fds[1]' }, parent: { read: 'read(fds[0]', write: 'write(fds[1]' } },
  // One way: the child never reads, the parent never writes (nor types).
  pipe1: { child: { read: null, write: 'write(fds[1]' }, parent: { read: 'read(fds[0]', write: null } },
  'pipe1-open-ends': { child: { read: null, write: 'write(fds[1]' }, parent: { read: 'read(fds[0]', write: null } },
  socket: { child: { read: 'read(sv[1]', write: 'write(sv[1]' }, parent: { read: 'read(sv[0]', write: 'write(sv[0]' } },
  named: { child: { read: 'read(fd,', write: 'write(fd,' }, parent: { read: 'read(fd,', write: 'write(fd,' } },
  queue: { child: { read: 'msgrcv(msqid, &msg, BUF_SIZE, 2, 0)', write: 'msgsnd(msqid, &msg, len, 0)' }, parent: { read: 'msgrcv(msqid, &msg, BUF_SIZE, 1, 0)', write: 'msgsnd(msqid, &msg, len, 0)' } },
  'queue-one-type': { child: { read: 'msgrcv(msqid, &msg, BUF_SIZE, 1, 0)', write: 'msgsnd(msqid, &msg, len, 0)' }, parent: { read: 'msgrcv(msqid, &msg, BUF_SIZE, 1, 0)', write: 'msgsnd(msqid, &msg, len, 0)' } },
  tcp: { child: { read: 'read(sock', write: 'write(sock' }, parent: { read: 'read(clnt_sock', write: 'write(clnt_sock' } },
  shm: { child: { read: 'P(FULL(1));', write: 'P(EMPTY(0));' }, parent: { read: 'P(FULL(0));', write: 'P(EMPTY(1));' } },
  'shm-busy': { child: { read: 'while (box[1].seq == seen', write: 'box[0].seq++;  /* no wait' }, parent: { read: 'while (box[0].seq == seen', write: 'box[1].seq++;  /* no wait' } },
  mmap: { child: { read: 'P(FULL(1));', write: 'P(EMPTY(0));' }, parent: { read: 'P(FULL(0));', write: 'P(EMPTY(1));' } },
  threads: { child: { read: 'for (int seq; (seq = box[1].seq) == seen', write: 'wake(&box[0].seq)' }, parent: { read: 'for (int seq; (seq = box[0].seq) == seen', write: 'wake(&box[1].seq)' } },
  'threads-busy': { child: { read: 'while (box[1].seq == seen', write: 'box[0].seq++;  /* no wait' }, parent: { read: 'while (box[0].seq == seen', write: 'box[1].seq++;  /* no wait' } },
  file: { child: { read: 'get_line(fd, 1, &seen', write: 'put_line(fd, 0, ++sent' }, parent: { read: 'get_line(fd, 0, &seen', write: 'put_line(fd, 1, ++sent' } },
  signal: { child: { read: 'n = recv_msg(buf);', write: 'send_msg(getppid(), buf, len);' }, parent: { read: 'n = recv_msg(buf);', write: 'send_msg(pid, buf, len);' } },
  'signal-no-acks': { child: { read: 'n = recv_msg(buf);', write: 'send_msg(getppid(), buf, len);' }, parent: { read: 'n = recv_msg(buf);', write: 'send_msg(pid, buf, len);' } },
};

/** Where a process starts: fork(), or pthread_create() where the child is a thread. */
const startLine = (w: Wiring): string => (CHANNELS[w].source.program('en').thread ? 'err = pthread_create(&child' : 'pid = fork();');

/** States a process can be in only where it makes that call (a process at its keyboard is about to write). */
const STATES: { name: string; activity: WiredActivity | null; change?: Partial<ProcState>; line: (w: Wiring, p: Proc) => string | null; kind: string; makes?: 'read' | 'write' }[] = [
  { name: 'starting', activity: null, line: startLine, kind: 'starting' },
  { name: 'at its keyboard', activity: { doing: 'typing' }, line: () => 'fgets(line, LINE_BUF, stdin)', kind: 'typing', makes: 'write' },
  { name: 'writing', activity: { doing: 'writing', fd: 4 }, line: (w, p) => ENDS[w][p].write, kind: 'writing', makes: 'write' },
  { name: 'blocked in read', activity: { doing: 'reading', fd: 3 }, line: (w, p) => ENDS[w][p].read, kind: 'reading', makes: 'read' },
  { name: 'held before its write (step mode)', activity: { doing: 'held', call: 'write', gate: 'futex', tid: 9, fd: 4 }, line: (w, p) => ENDS[w][p].write, kind: 'held', makes: 'write' },
  { name: 'held before its read (step mode)', activity: { doing: 'held', call: 'read', gate: 'futex', tid: 9, fd: 3 }, line: (w, p) => ENDS[w][p].read, kind: 'held', makes: 'read' },
  { name: 'done', activity: { doing: 'done' }, line: () => 'return 0;', kind: 'done' },
  { name: 'at end of file', activity: { doing: 'reading', fd: 3 }, change: { eof: true }, line: () => 'return 0;', kind: 'done' },
  { name: 'exited', activity: { doing: 'reading', fd: 3 }, change: { exit: { code: null, signal: 'SIGKILL' } }, line: () => 'return 0;', kind: 'exited' },
];

describe('sourceMarks', () => {
  for (const wiring of WIRINGS) {
    for (const proc of ['parent', 'child'] as const) {
      for (const s of STATES) {
        if (s.makes && ENDS[wiring][proc][s.makes] === null) continue;
        it(`${wiring}: the ${proc} ${s.name} is marked on its ${s.line(wiring, proc)} line`, () => {
          const program = sourceProgram(t, wiring, 0);
          const mark = sourceMarks(program, session(wiring, proc, { activity: s.activity, ...s.change }))[proc === 'parent' ? 0 : 1];
          expect(mark?.proc).toBe(proc);
          expect(program[mark?.line ?? -1]?.text).toContain(s.line(wiring, proc) ?? '');
          expect(mark?.state.kind).toBe(s.kind);
        });
      }
      if (ENDS[wiring][proc].read !== null) it(`${wiring}: the ${proc} stopped by a signal keeps its line and says it is stopped`, () => {
        const program = sourceProgram(t, wiring, 0);
        const mark = sourceMarks(program, session(wiring, proc, { activity: { doing: 'reading', fd: 3 }, stopped: true }))[proc === 'parent' ? 0 : 1];
        expect(program[mark?.line ?? -1]?.text).toContain(ENDS[wiring][proc].read ?? '');
        expect(mark?.stopped).toBe(true);
      });
    }
    it(`${wiring}: the child sleeping sits on the sleep() line when the delay is set, on its read() line otherwise (its write() line where it never reads)`, () => {
      const asleep = session(wiring, 'child', { activity: { doing: 'sleeping', ms: 2000 } });
      const withSleep = sourceProgram(t, wiring, 2000);
      expect(withSleep[sourceMarks(withSleep, asleep)[1]?.line ?? -1]?.text).toContain('sleep(2);');
      const without = sourceProgram(t, wiring, 0);
      expect(without.some((l) => l.text.includes('sleep('))).toBe(false);
      expect(without[sourceMarks(without, asleep)[1]?.line ?? -1]?.text).toContain(ENDS[wiring].child.read ?? ENDS[wiring].child.write);
    });
    it(`${wiring}: the parent waiting for the child's line before its delayed read sits on its read() line`, () => {
      const program = sourceProgram(t, wiring, 0);
      const mark = sourceMarks(program, session(wiring, 'parent', { activity: { doing: 'typing' } }, true))[0];
      expect(program[mark?.line ?? -1]?.text).toContain(ENDS[wiring].parent.read ?? '');
      expect(mark?.state.kind).toBe('awaits');
    });
  }

  it('socket: the parent blocked in read() on its end sits on its read(sv[0]) line', () => {
    const program = sourceProgram(t, 'socket', 0);
    const [mark] = sourceMarks(program, session('socket', 'parent', { activity: { doing: 'reading', fd: 27 } }));
    expect(program[mark?.line ?? -1]?.text).toContain('read(sv[0]');
    expect(mark?.state).toEqual({ kind: 'reading', fd: 27 });
  });

  for (const wiring of ['shm-busy', 'file'] as const) {
    it(`${wiring}: a reader that spins sits on its loop, busy waiting, not blocked; stopped at the limit, it waits at its gate`, () => {
      const program = sourceProgram(t, wiring, 0);
      const spin = { tid: 7, waits: false, inFutex: null, idleCpuMs: null, parkedIn: null, lost: 0, torn: 0, cpuMs: 12, cpuShare: 0.9 };
      const reading = { activity: { doing: 'reading', fd: 3, on: 'the loop' } as WiredActivity, spin };
      const [, spinning] = sourceMarks(program, session(wiring, 'child', reading));
      expect(program[spinning?.line ?? -1]?.text).toContain(ENDS[wiring].child.read);
      expect(spinning?.state).toEqual({ kind: 'spinning', fd: 3, on: 'the loop' });
      const [stopped] = sourceMarks(program, session(wiring, 'parent', { ...reading, spin: { ...spin, idleCpuMs: 30_000, parkedIn: 'futex' } }));
      expect(program[stopped?.line ?? -1]?.text).toContain(ENDS[wiring].parent.read);
      expect(stopped?.state).toEqual({ kind: 'spin-stopped', parkedIn: 'futex' });
    });
  }

  it("pipe1: the parent reading after its three turns sits on its read after the loop, the one that gives end of file", () => {
    const program = sourceProgram(t, 'pipe1', 0);
    const reading = (reads: number) => {
      const s = session('pipe1', 'parent', { activity: { doing: 'reading', fd: 3 }, reads });
      return program[sourceMarks(program, s)[0]?.line ?? -1]?.text ?? '';
    };
    expect(reading(2)).toMatch(/^ +n = read\(fds\[0\], buf, BUF_SIZE\);$/);
    expect(reading(3)).toContain('n = read(fds[0], buf, BUF_SIZE);  /* the child has exited and no write end is left: 0, end of file */');
  });

  it('writes each wiring the way the textbook does', () => {
    const text = (w: Wiring, delay = 0) => sourceProgram(t, w, delay).map((l) => l.text).join('\n');
    expect(text('two-pipes')).toContain('if (pipe(fds1) == -1 || pipe(fds2) == -1)');
    expect(text('two-pipes')).toContain('for (i = 0; i < 3; i++) {');
    expect(text('one-pipe', 100)).toContain('usleep(100000);');
    expect(text('socket')).toMatch(/socketpair\(AF_UNIX, SOCK_STREAM,\n +0, sv\) == -1\)/);
    expect(text('queue')).toMatch(/msg\.mtype = 2;\n +while \(msgsnd\(msqid, &msg, len, 0\) == -1\)/);
    expect(text('named')).toContain('if (mkfifo(path, 0600) == -1)');
  });
});
