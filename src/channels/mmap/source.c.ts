// The chapter's memory-mapped file program, as it runs here: a file of our own in a
// private directory of the cache directory (made O_EXCL, 0600; the text opens a shared
// path with 0666), mapped MAP_SHARED, and the semaphores of shm.c.
import type { ChannelSource } from '../channel.js';

export const mmapSource: ChannelSource = {
  file: 'mmap.c',
  decl: 'int fd, semid; char *map;  /* box[0] child→parent, box[1] parent→child */',
  make: [
    '/* text: open("data", O_RDWR | O_CREAT, 0666); */',
    'fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600); ftruncate(fd, SIZE);',
    'semid = semget(KEY_TAG | getpid(), 4, IPC_CREAT | IPC_EXCL | 0600);',
    'map = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);',
  ],
};
