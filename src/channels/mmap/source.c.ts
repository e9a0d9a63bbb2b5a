// The chapter's memory-mapped file program, as it runs here: a file of our own, made
// O_EXCL and 0600 (mkstemp; pipe-chat's is in a private 0700 directory of the cache
// directory; the text opens a shared path with 0666), mapped MAP_SHARED, msync after
// each copy in, and the boxes and semaphores of shm.c.
import type { ChannelSource } from '../channel.js';
import { guardedPart, MAKE_SEMAPHORES, SEMAPHORES_C } from '../shm/source.c.js';

const CHILD_FINDS = { en: 'the file at its fd 3, and maps it', ko: 'fd 3의 파일을 받아 매핑하고' };
const SYNC = ['if (msync(box, SIZE, MS_SYNC) == -1)', '  die("msync");'];

export const mmapSource: ChannelSource = {
  file: 'mmap.c',
  program: (lang) => ({
    includes: ['<errno.h>', '<fcntl.h>', '<sys/mman.h>', '<sys/ipc.h>', '<sys/sem.h>', '<sys/wait.h>'],
    globals: SEMAPHORES_C,
    decl: ['int fd;', 'char path[] = "mmap-XXXXXX";', 'struct box *box;', 'union semun one = { 1 };'],
    make: [
      '/* text: open("data", O_RDWR | O_CREAT, 0666); */',
      'fd = mkstemp(path);  /* O_EXCL, 0600 */',
      'if (fd == -1 || ftruncate(fd, SIZE) == -1)',
      '  die("mkstemp");',
      ...MAKE_SEMAPHORES,
      'box = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);',
      'if (box == MAP_FAILED)',
      '  die("mmap");',
    ],
    childFinds: CHILD_FINDS[lang],
    buffer: 'buf',
    child: guardedPart(0, SYNC, ['if (munmap(box, SIZE) == -1)', '  die("munmap");']),
    parent: guardedPart(1, SYNC, [
      'if (wait(NULL) == -1)',
      '  die("wait");',
      'if (munmap(box, SIZE) == -1 || close(fd) == -1 || unlink(path) == -1)',
      '  die("munmap");',
      'if (semctl(semid, 0, IPC_RMID) == -1)',
      '  die("semctl");',
    ]),
  }),
};
