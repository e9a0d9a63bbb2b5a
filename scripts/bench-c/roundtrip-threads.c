/* A round trip through a variable two threads of one process share, the threads
 * channel's boxes (box 0 child to parent, box 1 parent to child): a writer copies its
 * line in, bumps its box's seq (odd while it copies) and wakes the reader with
 * FUTEX_WAKE; a reader sleeps in FUTEX_WAIT while seq has not moved, as the channel's
 * program does (pipe-chat's Atomics.wait and Atomics.notify are these futex calls).
 * The child thread echoes each message back. Nothing outlives the process.
 * usage: roundtrip-threads [messages [warm-up]] */
#include <limits.h>
#include <pthread.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include "echo-loop.h"

struct box { volatile int seq, len; char text[MSG_MAX]; };
static struct box box[2];

/* the kernel waits: sleep while *word is still value (a futex) */
static void wait_while(volatile int *word, int value) {
  if (syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, value, NULL, NULL, 0) == -1 && errno != EAGAIN && errno != EINTR) {
    perror("futex");
    exit(1);
  }
}

/* wake every thread asleep on *word */
static void wake(volatile int *word) {
  if (syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0) == -1) {
    perror("futex");
    exit(1);
  }
}

static void put(int b, const char *buf, int len) {
  box[b].seq++;  /* odd: copying */
  __sync_synchronize();
  memcpy(box[b].text, buf, (size_t)len);
  box[b].len = len;
  __sync_synchronize();
  box[b].seq++;
  wake(&box[b].seq);  /* the reader, if it sleeps */
}

static int get(int b, int *seen, char *buf) {
  for (;;) {
    /* one read of seq for the test and the wait: read twice, the writer could finish
       between the reads, and the wait would sleep on the new value with no wake to come */
    int seq = box[b].seq;
    if (seq != *seen && seq % 2 == 0) break;
    wait_while(&box[b].seq, seq);  /* asleep in the kernel */
  }
  *seen = box[b].seq;
  __sync_synchronize();
  int n = box[b].len;
  memcpy(buf, box[b].text, (size_t)n);
  return n;
}

static void *child_thread(void *unused) {
  char buf[MSG_MAX];
  int seen = 0;
  (void)unused;
  for (;;) put(0, buf, get(1, &seen, buf));
  return NULL;
}

static int parent_seen;
static int send_down(const char *buf, int len) { put(1, buf, len); return 0; }
static int recv_up(char *buf) { return get(0, &parent_seen, buf); }

int main(int argc, char **argv) {
  pthread_t child;
  int err = pthread_create(&child, NULL, child_thread, NULL);
  if (err != 0) {
    errno = err;
    perror("pthread_create");
    return 1;
  }
  /* the child thread ends with the process */
  return time_round_trips(argc, argv, 1, send_down, recv_up);
}
