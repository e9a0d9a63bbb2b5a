// The chapter's shared-memory program, as it runs here: our key (the text writes
// (key_t)1234) and mode 0600 (the text writes 0666, which lets every user of the machine
// read and write the segment), a size both processes are told, and a semaphore set.
import type { ChannelSource } from '../channel.js';

export const shmSource: ChannelSource = {
  file: 'shm.c',
  decl: 'int shmid, semid; char *shmaddr;  /* box[0] child→parent, box[1] parent→child */',
  make: [
    '/* text: shmget((key_t)1234, SIZE, IPC_CREAT | 0666); */',
    'shmid = shmget(KEY_TAG | getpid(), SIZE, IPC_CREAT | IPC_EXCL | 0600);',
    'semid = semget(KEY_TAG | getpid(), 4, IPC_CREAT | IPC_EXCL | 0600);',
    'shmaddr = shmat(shmid, NULL, 0);',
  ],
};
