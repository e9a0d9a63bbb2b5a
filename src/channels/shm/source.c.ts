// The chapter's shared-memory program, as it runs here: our key (the text writes
// (key_t)1234) and mode 0600 (the text writes 0666, which lets every user of the machine
// read and write the segment), two boxes in one segment (box 0 child→parent, box 1
// parent→child), and a set of four semaphores guarding them, full and empty per box
// (P and V as the textbook names them). `guardedPart` and SEMAPHORES_C serve mmap.c too.
import type { ChannelSource, CodeLine, ProcessPart } from '../channel.js';

/** The key scheme, the boxes, the semaphores and P and V, at file scope. */
export const SEMAPHORES_C: readonly string[] = [
  "/* pipe-chat's keys: 0x7c, then the PID (pipe-chat clean knows them) */",
  '#define KEY_TAG (0x7c << 24)',
  '/* a box: the length of the framed line, then the line */',
  'struct box { int len; char text[BUF_SIZE + 1]; };',
  '#define SIZE (2 * sizeof(struct box))',
  '/* box b is full (a line nobody read) / empty (may be written) */',
  '#define FULL(b) (2 * (b))',
  '#define EMPTY(b) (2 * (b) + 1)',
  'union semun { int val; struct semid_ds *buf; unsigned short *array; };',
  'static int semid;',
  '',
  '/* P: wait until the semaphore is above 0, then take 1 (the kernel makes us wait; a stop',
  '   or a tracer attaching, strace -p, cuts the wait short with EINTR: wait again) */',
  'static void P(int num) {',
  '  struct sembuf op = { num, -1, 0 };',
  '  while (semop(semid, &op, 1) == -1)',
  '    if (errno != EINTR) die("semop");',
  '}',
  '',
  '/* V: give 1 back, waking a process waiting in P */',
  'static void V(int num) {',
  '  struct sembuf op = { num, 1, 0 };',
  '  while (semop(semid, &op, 1) == -1)',
  '    if (errno != EINTR) die("semop");',
  '}',
];

/** semget, and each box's "empty" set to 1: each box may be written once. */
export const MAKE_SEMAPHORES: readonly string[] = [
  'semid = semget(KEY_TAG | getpid(), 4, IPC_CREAT | IPC_EXCL | 0600);',
  'if (semid == -1)',
  '  die("semget");',
  'if (semctl(semid, EMPTY(0), SETVAL, one) == -1 || semctl(semid, EMPTY(1), SETVAL, one) == -1)',
  '  die("semctl");',
];

/** One process's part on boxes guarded by the semaphores; `sync` follows each copy in (mmap: msync). */
export function guardedPart(writes: 0 | 1, sync: readonly string[], finish: readonly string[]): ProcessPart {
  const reads = 1 - writes;
  const write: CodeLine[] = [
    { text: `P(EMPTY(${writes}));`, spot: 'write' },
    `memcpy(box[${writes}].text, buf, len);`,
    `box[${writes}].len = len;`,
    ...sync,
    `V(FULL(${writes}));`,
  ];
  const read: CodeLine[] = [{ text: `P(FULL(${reads}));`, spot: 'read' }, `n = box[${reads}].len;`, `memcpy(buf, box[${reads}].text, n);`, `V(EMPTY(${reads}));`];
  return { setup: [], write, read, finish };
}

const CHILD_FINDS = { en: 'the segment by the id in its arguments, and attaches it', ko: '인자로 받은 id로 세그먼트를 찾아 붙이고' };

export const shmSource: ChannelSource = {
  file: 'shm.c',
  program: (lang) => ({
    includes: ['<errno.h>', '<sys/ipc.h>', '<sys/shm.h>', '<sys/sem.h>', '<sys/wait.h>'],
    globals: SEMAPHORES_C,
    decl: ['int shmid;', 'struct box *box;', 'union semun one = { 1 };'],
    make: [
      '/* text: shmget((key_t)1234, SIZE, IPC_CREAT | 0666); */',
      'shmid = shmget(KEY_TAG | getpid(), SIZE, IPC_CREAT | IPC_EXCL | 0600);',
      'if (shmid == -1)',
      '  die("shmget");',
      ...MAKE_SEMAPHORES,
      'box = shmat(shmid, NULL, 0);',
      'if (box == (void *)-1)',
      '  die("shmat");',
    ],
    childFinds: CHILD_FINDS[lang],
    buffer: 'buf',
    child: guardedPart(0, [], ['if (shmdt(box) == -1)', '  die("shmdt");']),
    parent: guardedPart(1, [], [
      'if (wait(NULL) == -1)',
      '  die("wait");',
      'if (shmdt(box) == -1 || shmctl(shmid, IPC_RMID, NULL) == -1)',
      '  die("shmdt");',
      'if (semctl(semid, 0, IPC_RMID) == -1)',
      '  die("semctl");',
    ]),
  }),
};
