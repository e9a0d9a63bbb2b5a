// The threads' programs: pthread_create instead of fork(), and the message a global
// variable both threads see (two boxes, each with a sequence number, written as
// shm_busy.c writes its boxes: a seqlock). threads-busy.c: the reader checks the number
// in a loop (volatile, so that each check really loads it), with the futex wait shown in
// a comment; threads.c: the reader sleeps in futex(FUTEX_WAIT) while the number is what
// it saw, and the writer wakes it with FUTEX_WAKE, as Atomics.wait and Atomics.notify do.
import type { ChannelProgram, ChannelSource, CodeLine, ProcessPart } from '../channel.js';
import { busyPart } from '../shm-busy/source.c.js';

const CHILD_FINDS = { en: 'the variable where the parent left it: box[], a global', ko: '부모가 둔 그 자리의 변수(전역 box[])를' };

const JOIN = ['err = pthread_join(child, NULL);', 'if (err != 0) {', '  errno = err;', '  die("pthread_join");', '}'];

const BOXES = [
  '/* the variable: box 0 child→parent, box 1 parent→child; seq odd while its writer copies, 2 more per message */',
  'struct box { volatile int seq, len; char text[BUF_SIZE + 1]; };',
  'static struct box box[2];',
];

const FUTEX_WAIT_COMMENT = ['/* with waiting (threads.c): instead of the spin,', '     futex(&box[r].seq, FUTEX_WAIT_PRIVATE, seq): the kernel keeps', '     the thread asleep until the writer\'s FUTEX_WAKE */'];

function program(lang: 'en' | 'ko', part: (writes: 0 | 1, finish: readonly string[]) => ProcessPart, extra: Pick<ChannelProgram, 'includes' | 'globals'>): ChannelProgram {
  return {
    includes: ['<errno.h>', '<pthread.h>', ...extra.includes],
    globals: [...BOXES, ...extra.globals],
    decl: ['int seen = 0;'],
    make: [],
    childFinds: CHILD_FINDS[lang],
    buffer: 'buf',
    child: part(0, []),
    parent: part(1, JOIN),
    thread: { decl: ['int seen = 0;'] },
  };
}

/** The spinning reader, with the futex wait it could make instead in a comment. */
function spinPart(writes: 0 | 1, finish: readonly string[]): ProcessPart {
  const part = busyPart(writes, finish);
  return { ...part, read: [...FUTEX_WAIT_COMMENT, ...part.read] };
}

/** The reader asleep in the kernel while the number is what it saw; the writer's wake after its store. */
function futexPart(writes: 0 | 1, finish: readonly string[]): ProcessPart {
  const reads = 1 - writes;
  const part = busyPart(writes, finish);
  const read: CodeLine[] = [
    { text: `for (int seq; (seq = box[${reads}].seq) == seen || seq % 2; )`, spot: 'read' },
    // One load for the test and the wait: loaded again for the wait, a write finished in
    // between would leave the reader asleep on the new number, with no wake to come.
    `  wait_while(&box[${reads}].seq, seq);  /* asleep in the kernel until the number moves */`,
    `seen = box[${reads}].seq;`,
    '__sync_synchronize();',
    `n = box[${reads}].len;`,
    `memcpy(buf, box[${reads}].text, n);`,
  ];
  const write = part.write.map((l) => (typeof l === 'string' ? l : l.text));
  return { ...part, write: [...write, { text: `wake(&box[${writes}].seq);  /* the reader, if it sleeps */`, spot: 'write' }], read };
}

const FUTEX_C = [
  '',
  '/* the kernel waits: sleep while *word is still value (a futex) */',
  'static void wait_while(volatile int *word, int value) {',
  '  if (syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, value, NULL, NULL, 0) == -1 && errno != EAGAIN && errno != EINTR)',
  '    die("futex");',
  '}',
  '',
  '/* wake every thread asleep on *word */',
  'static void wake(volatile int *word) {',
  '  if (syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0) == -1)',
  '    die("futex");',
  '}',
];

export const threadsSource: ChannelSource = {
  file: 'threads.c',
  program: (lang) => program(lang, futexPart, { includes: ['<limits.h>', '<linux/futex.h>', '<sys/syscall.h>'], globals: FUTEX_C }),
};

export const threadsBusySource: ChannelSource = {
  file: 'threads_busy.c',
  program: (lang) => program(lang, spinPart, { includes: [], globals: [] }),
};
