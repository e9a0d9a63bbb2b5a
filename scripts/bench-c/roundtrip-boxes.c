/* A round trip through two boxes in shared memory, box 0 child to parent and box 1
 * parent to child, between a parent and a forked child that echoes each message back,
 * with the calls of the channel's own program:
 *   shm       a System V segment (shmget, shmat), four semaphores (semget) around each
 *             copy: P(EMPTY), copy in, V(FULL); P(FULL), copy out, V(EMPTY)
 *   shm-busy  the same segment, no semaphores: a writer bumps its box's seq (odd while it
 *             copies); its reader spins until seq moves
 *   mmap      the boxes in a file in a private directory made under DIR (the user's cache
 *             directory, on disk, as pipe-chat's), mapped MAP_SHARED, the semaphores of
 *             shm, and msync(MS_SYNC) after each copy in
 * The segment, the set, the file and its directory are removed on every way out but
 * SIGKILL (echo-loop.h).
 * usage: roundtrip-boxes shm|shm-busy|mmap [messages [warm-up [DIR]]] */
#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include "echo-loop.h"

/* as the processes: reads of 64 KiB + 64 bytes */
#define BUF_SIZE (64 * 1024 + 64)
/* seq: shm-busy's, odd while its writer copies, 2 more per message */
struct box { volatile int seq, len; char text[BUF_SIZE + 1]; };
#define SIZE (2 * sizeof(struct box))
/* box b is full (a line nobody read) / empty (may be written) */
#define FULL(b) (2 * (b))
#define EMPTY(b) (2 * (b) + 1)
union semun { int val; struct semid_ds *buf; unsigned short *array; };

static int shmid = -1, semid = -1, busy, synced;
static struct box *box;
static char dir[4096], file[4096 + 16];

static void remove_made_here(void) {
  if (shmid != -1 && shmctl(shmid, IPC_RMID, NULL) == 0) shmid = -1;
  if (semid != -1 && semctl(semid, 0, IPC_RMID) == 0) semid = -1;
  if (file[0] && unlink(file) == 0) file[0] = '\0';
  if (dir[0] && rmdir(dir) == 0) dir[0] = '\0';
}

/* P: wait until the semaphore is above 0, then take 1; V: give 1 back. -1 once the set is
   gone (EIDRM) or the child is. */
static int semop_retry(int num, int delta) {
  struct sembuf op = { (unsigned short)num, (short)delta, 0 };
  while (semop(semid, &op, 1) == -1)
    if (errno != EINTR || child_gone) return -1;
  return 0;
}
static int P(int num) { return semop_retry(num, -1); }
static int V(int num) { return semop_retry(num, 1); }

static int put(int b, const char *buf, int len) {
  if (busy) {
    box[b].seq++;  /* odd: copying */
    __sync_synchronize();
    memcpy(box[b].text, buf, (size_t)len);
    box[b].len = len;
    __sync_synchronize();
    box[b].seq++;  /* no wait for the reader */
    return 0;
  }
  if (P(EMPTY(b)) == -1) return -1;
  memcpy(box[b].text, buf, (size_t)len);
  box[b].len = len;
  if (synced && msync(box, SIZE, MS_SYNC) == -1) return -1;
  return V(FULL(b));
}

static int get(int b, int *seen, char *buf) {
  int n;
  if (busy) {
    while (box[b].seq == *seen || box[b].seq % 2)
      if (child_gone) return -1;  /* spin */
    *seen = box[b].seq;
    __sync_synchronize();
    n = box[b].len;
    memcpy(buf, box[b].text, (size_t)n);
    return n;
  }
  if (P(FULL(b)) == -1) return -1;
  n = box[b].len;
  memcpy(buf, box[b].text, (size_t)n);
  return V(EMPTY(b)) == -1 ? -1 : n;
}

static int parent_seen;
static int send_down(const char *buf, int len) { return put(1, buf, len); }
static int recv_up(char *buf) { return get(0, &parent_seen, buf); }

/* The file of mmap: DIR/pipe-chat-bench-XXXXXX/boxes-XXXXXX, SIZE bytes, mapped. */
static struct box *map_file(const char *under) {
  if (snprintf(dir, sizeof dir, "%s/pipe-chat-bench-XXXXXX", under) >= (int)sizeof dir || !mkdtemp(dir)) { dir[0] = '\0'; return MAP_FAILED; }
  snprintf(file, sizeof file, "%s/boxes-XXXXXX", dir);
  int fd = mkstemp(file);  /* O_EXCL, 0600 */
  if (fd == -1) { file[0] = '\0'; return MAP_FAILED; }
  if (ftruncate(fd, SIZE) == -1) return MAP_FAILED;
  return mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
}

static int make(const char *mode, const char *under) {
  union semun one = { 1 };
  busy = strcmp(mode, "shm-busy") == 0;
  synced = strcmp(mode, "mmap") == 0;
  if (!busy) {
    semid = semget(KEY_TAG | getpid(), 4, IPC_CREAT | IPC_EXCL | 0600);
    if (semid == -1) { perror("semget"); return -1; }
    if (semctl(semid, EMPTY(0), SETVAL, one) == -1 || semctl(semid, EMPTY(1), SETVAL, one) == -1) { perror("semctl"); return -1; }
  }
  if (synced) {
    if (!under) { fputs("mmap: a directory for the file\n", stderr); return -1; }
    box = map_file(under);
    if (box == MAP_FAILED) { perror("mmap"); return -1; }
    return 0;
  }
  shmid = shmget(KEY_TAG | getpid(), SIZE, IPC_CREAT | IPC_EXCL | 0600);
  if (shmid == -1) { perror("shmget"); return -1; }
  box = shmat(shmid, NULL, 0);
  if (box == (void *)-1) { perror("shmat"); return -1; }
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (strcmp(mode, "shm") && strcmp(mode, "shm-busy") && strcmp(mode, "mmap")) { fputs("usage: roundtrip-boxes shm|shm-busy|mmap [messages [warm-up [DIR]]]\n", stderr); return 2; }
  remove_on_exit(remove_made_here);
  if (make(mode, argc > 4 ? argv[4] : NULL) == -1) return 1;
  pid_t pid = fork_echo_child();
  if (pid < 0) { perror("fork"); return 1; }
  if (pid == 0) {
    char buf[MSG_MAX];
    int n, seen = 0;
    while ((n = get(1, &seen, buf)) > 0)
      if (put(0, buf, n) == -1) _exit(1);
    _exit(0);  /* the set is gone (EIDRM): the parent is done */
  }
  int failed = time_round_trips(argc, argv, 2, send_down, recv_up);
  end_child(pid);
  return failed;
}
