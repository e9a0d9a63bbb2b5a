// The shared-memory program without semaphores, as it runs here: the segment of shm.c
// (our key instead of the text's (key_t)1234, 0600 instead of 0666), and a sequence
// number in each box that the reader checks in a loop.
import type { ChannelSource } from '../channel.js';

export const shmBusySource: ChannelSource = {
  file: 'shm_busy.c',
  decl: 'int shmid; struct box { volatile int seq, len; char text[BOX]; } *box;',
  make: [
    '/* text: shmget((key_t)1234, SIZE, IPC_CREAT | 0666); */',
    'shmid = shmget(KEY_TAG | getpid(), SIZE, IPC_CREAT | IPC_EXCL | 0600);',
    'box = shmat(shmid, NULL, 0);  /* no semaphores: nothing makes a reader wait */',
  ],
};
