// The shared-memory program without semaphores, as it runs here: the segment of shm.c
// (our key instead of the text's (key_t)1234, 0600 instead of 0666), and a sequence
// number in each box: its writer makes it odd while it copies and even again after (a
// seqlock), and its reader checks it in a loop, never waiting in the kernel. `busyPart`
// serves the threads' programs too (a global array of boxes instead of a segment).
import type { ChannelSource, ProcessPart } from '../channel.js';

const CHILD_FINDS = { en: 'the segment by the id in its arguments, and attaches it', ko: '인자로 받은 id로 세그먼트를 찾아 붙이고' };

export function busyPart(writes: 0 | 1, finish: readonly string[]): ProcessPart {
  const reads = 1 - writes;
  return {
    setup: [],
    write: [
      `box[${writes}].seq++;  /* odd: copying */`,
      '__sync_synchronize();',
      `memcpy(box[${writes}].text, buf, len);`,
      `box[${writes}].len = len;`,
      '__sync_synchronize();',
      { text: `box[${writes}].seq++;  /* no wait for the reader */`, spot: 'write' },
    ],
    read: [
      { text: `while (box[${reads}].seq == seen || box[${reads}].seq % 2)`, spot: 'read' },
      '  ;  /* spin */',
      `seen = box[${reads}].seq;`,
      '__sync_synchronize();',
      `n = box[${reads}].len;`,
      `memcpy(buf, box[${reads}].text, n);`,
    ],
    finish,
  };
}

export const shmBusySource: ChannelSource = {
  file: 'shm_busy.c',
  program: (lang) => ({
    includes: ['<sys/ipc.h>', '<sys/shm.h>', '<sys/wait.h>'],
    globals: [
      "/* pipe-chat's keys: 0x7c, then the PID (pipe-chat clean knows them) */",
      '#define KEY_TAG (0x7c << 24)',
      '/* seq: odd while its writer copies, 2 more per message */',
      'struct box { volatile int seq, len; char text[BUF_SIZE + 1]; };',
      '#define SIZE (2 * sizeof(struct box))',
    ],
    decl: ['int shmid, seen = 0;', 'struct box *box;'],
    make: [
      '/* text: shmget((key_t)1234, SIZE, IPC_CREAT | 0666); */',
      'shmid = shmget(KEY_TAG | getpid(), SIZE, IPC_CREAT | IPC_EXCL | 0600);',
      'if (shmid == -1)',
      '  die("shmget");',
      '/* no semaphores: nothing makes a reader wait */',
      'box = shmat(shmid, NULL, 0);',
      'if (box == (void *)-1)',
      '  die("shmat");',
    ],
    childFinds: CHILD_FINDS[lang],
    buffer: 'buf',
    child: busyPart(0, ['if (shmdt(box) == -1)', '  die("shmdt");']),
    parent: busyPart(1, ['if (wait(NULL) == -1)', '  die("wait");', 'if (shmdt(box) == -1 || shmctl(shmid, IPC_RMID, NULL) == -1)', '  die("shmctl");']),
  }),
};
