// The textbook's C program for each wiring, written the way the textbook writes it: the
// three-turn exercise over two pipes (pipe(fds1), pipe(fds2), fork, a loop of three), the
// broken variant on one fds (with its sleep() when the child's delay is set), a
// socketpair, and a named pipe (mkfifo, open). Each line that a process can sit on names
// its spot, so the source view can mark where each process is; `drop` says which lines
// give way first on a short screen. Comments follow --lang.
import type { Proc, Wiring } from '../../ipc/events.js';
import type { Ui } from './phrases.js';

/** Where a process can be in the program. */
export type Spot = 'fork' | 'fgets' | 'write' | 'sleep' | 'read' | 'end';

export interface SourceLine {
  text: string;
  /** The spot of the process that runs this line (lines both run have no `proc`). */
  spot?: Spot;
  proc?: Proc;
  /** Higher goes first when rows are short; 0 never goes. */
  drop: number;
}

export const SOURCE_FILES: Record<Wiring, string> = { 'two-pipes': 'pipe3.c', 'one-pipe': 'pipe2.c', socket: 'socketpair.c', named: 'fifo.c' };

interface Ends {
  decl: string;
  make: string[];
  childWrite: string;
  childRead: string;
  parentRead: string;
  parentWrite: string;
}

function endsOf(wiring: Wiring): Ends {
  switch (wiring) {
    case 'two-pipes':
      return { decl: 'int fds1[2], fds2[2];', make: ['pipe(fds1), pipe(fds2);'], childWrite: 'fds1[1]', childRead: 'fds2[0]', parentRead: 'fds1[0]', parentWrite: 'fds2[1]' };
    case 'one-pipe':
      return { decl: 'int fds[2];', make: ['pipe(fds);'], childWrite: 'fds[1]', childRead: 'fds[0]', parentRead: 'fds[0]', parentWrite: 'fds[1]' };
    case 'socket':
      return { decl: 'int sv[2];', make: ['socketpair(AF_UNIX, SOCK_STREAM,', '           0, sv);'], childWrite: 'sv[1]', childRead: 'sv[1]', parentRead: 'sv[0]', parentWrite: 'sv[0]' };
    case 'named':
      return { decl: 'int fd;', make: ['mkfifo(path, 0600);', 'fd = open(path, O_RDWR);'], childWrite: 'fd', childRead: 'fd', parentRead: 'fd', parentWrite: 'fd' };
  }
}

/** The textbook's sleep between the child's write and read: sleep(2) for whole seconds, else usleep. */
function sleepCall(ms: number): string {
  return ms % 1000 === 0 ? `sleep(${ms / 1000});` : `usleep(${ms * 1000});`;
}

export function sourceProgram(t: Ui, wiring: Wiring, childDelayMs: number): SourceLine[] {
  const c = t.chapter.source.comments;
  const e = endsOf(wiring);
  const line = (text: string, drop: number, proc?: Proc, spot?: Spot): SourceLine => ({ text, drop, ...(proc ? { proc } : {}), ...(spot ? { spot } : {}) });
  const note = wiring === 'one-pipe' ? c.broken : wiring === 'socket' ? c.socket : wiring === 'named' ? c.named : null;
  return [
    line('#include <unistd.h>', 6),
    line('#define BUF_SIZE 30', 6),
    line('int main(void) {', 4),
    line(`  ${e.decl}`, 3),
    line('  char buf[BUF_SIZE];', 5),
    line('  pid_t pid; int i;', 5),
    ...(note ? [line(`  /* ${note} */`, 4)] : []),
    ...e.make.map((m) => line(`  ${m}`, 2)),
    { text: '  pid = fork();', drop: 2, spot: 'fork' },
    line(`  if (pid == 0) {  /* ${c.child} */`, 1),
    line('    for (i = 0; i < 3; i++) {', 3),
    line('      fgets(buf, BUF_SIZE, stdin);', 0, 'child', 'fgets'),
    line(`      write(${e.childWrite}, buf, strlen(buf));`, 0, 'child', 'write'),
    ...(childDelayMs > 0 ? [line(`      ${sleepCall(childDelayMs)}  /* ${c.sleep} */`, 0, 'child', 'sleep')] : []),
    line(`      read(${e.childRead}, buf, BUF_SIZE);`, 0, 'child', 'read'),
    line('      printf("from Parent: %s", buf);', 4),
    line('    }', 5),
    line(`  } else {  /* ${c.parent} */`, 1),
    line('    for (i = 0; i < 3; i++) {', 3),
    ...(wiring === 'socket' ? [line(`      /* ${c.epoll} */`, 4)] : []),
    line(`      read(${e.parentRead}, buf, BUF_SIZE);`, 0, 'parent', 'read'),
    line('      printf("from Child: %s", buf);', 4),
    line('      fgets(buf, BUF_SIZE, stdin);', 0, 'parent', 'fgets'),
    line(`      write(${e.parentWrite}, buf, strlen(buf));`, 0, 'parent', 'write'),
    line('    }', 5),
    line('  }', 4),
    { text: '  return 0;', drop: 2, spot: 'end' },
    line('}', 4),
  ];
}
