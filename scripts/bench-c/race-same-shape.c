/* The race in pipe-chat's shape, in C: ONE shared pipe, a long-lived parent and a
 * long-lived child, many trials over the same processes.
 *  - The parent's reader thread makes one blocking read() on the shared pipe per trial
 *    (pipe-chat's parent reads on a thread of libuv's pool); the main thread waits until
 *    /proc/self/task/TID/syscall shows that thread in read() on the pipe, and only then
 *    sends the child its keyboard line.
 *  - The child waits for a line on its stdin (its keyboard; a socketpair, as Node's
 *    stdio gives pipe-chat's child), then write()s its message, sleeps the delay, and
 *    read()s, with nothing else between.
 *  - The child reports each outcome on its stdout (a socketpair too). When the parent's
 *    reader got the message, the parent answers and the child reads the answer. When the
 *    child read back its own message, the parent's still-blocked read is ended with the
 *    parent's own bytes, written to the shared pipe, as pipe-chat does.
 * usage: race-same-shape [trials] [delay_us]
 * prints: stolen=<k> delivered=<d> parent_blocked=<b> trials=<n> delay_us=<us> */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <string.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "common.h"

static const char MSG[] = "C1:Who are you?\n";
static const char ANSWER[] = "P1:Thank you\n";
static const char WAKE[] = "P0:\n";

static int shared[2];
static int reader_done[2];          /* the reader thread tells the main thread (libuv's async wake-up, in pipe-chat) */
static sem_t arm;                   /* one read() per trial, when the main thread asks */
static _Atomic pid_t reader_tid;
static char reader_buf[256];

static void *reader(void *unused) {
  (void)unused;
  reader_tid = (pid_t)syscall(SYS_gettid);
  for (;;) {
    sem_wait(&arm);
    ssize_t n = read(shared[0], reader_buf, sizeof reader_buf - 1);
    reader_buf[n > 0 ? n : 0] = 0;
    char byte = n > 0;
    if (write(reader_done[1], &byte, 1) != 1) return NULL;
  }
}

/* Whether the reader thread is blocked in read() on the shared pipe, as /proc shows it. */
static int reader_in_read(void) {
  char path[64], text[128], want[32];
  snprintf(path, sizeof path, "/proc/self/task/%d/syscall", (int)reader_tid);
  snprintf(want, sizeof want, "%ld 0x%x ", (long)SYS_read, shared[0]);
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  ssize_t n = read(fd, text, sizeof text - 1);
  close(fd);
  text[n > 0 ? n : 0] = 0;
  return strncmp(text, want, strlen(want)) == 0;
}

static int wait_reader_in_read(void) {
  double deadline = now_us() + 1e6;
  while (!reader_in_read()) {
    if (now_us() > deadline) return 0;
    sched_yield();
  }
  return 1;
}

static void child(int keyboard, int report, long delay_us) {
  char line[64], buf[256];
  for (;;) {
    if (read(keyboard, line, sizeof line) <= 0) _exit(0);   /* the parent closed our keyboard */
    if (write(shared[1], MSG, sizeof MSG - 1) < 0) _exit(1);
    sleep_us(delay_us);
    ssize_t n = read(shared[0], buf, sizeof buf - 1);
    if (n < 0) _exit(1);
    buf[n] = 0;
    char self = strcmp(buf, MSG) == 0;
    if (write(report, &self, 1) != 1) _exit(1);
  }
}

int main(int argc, char **argv) {
  long trials = arg_or(argc, argv, 1, 300);
  long delay_us = arg_or(argc, argv, 2, 0);
  int keyboard[2], report[2];
  if (pipe(shared) || pipe(reader_done)) { perror("pipe"); return 1; }
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, keyboard) || socketpair(AF_UNIX, SOCK_STREAM, 0, report)) { perror("socketpair"); return 1; }
  pid_t pid = fork();
  if (pid < 0) { perror("fork"); return 1; }
  if (pid == 0) {
    close(keyboard[0]); close(report[0]);
    child(keyboard[1], report[1], delay_us);
  }
  close(keyboard[1]); close(report[1]);
  sem_init(&arm, 0, 0);
  pthread_t thread;
  if (pthread_create(&thread, NULL, reader, NULL)) { fputs("pthread_create failed\n", stderr); return 1; }
  while (!reader_tid) sched_yield();

  long stolen = 0, delivered = 0, parent_blocked = 0;
  char self, byte;
  for (long t = 0; t < trials; t++) {
    sem_post(&arm);
    if (!wait_reader_in_read()) { fputs("the reader thread never blocked in read()\n", stderr); return 1; }
    if (write(keyboard[0], "go\n", 3) != 3) { perror("keyboard"); return 1; }
    struct pollfd fds[2] = { { reader_done[0], POLLIN, 0 }, { report[0], POLLIN, 0 } };
    if (poll(fds, 2, 10000) <= 0) { fputs("a trial settled in no outcome\n", stderr); return 1; }
    if (fds[0].revents & POLLIN) {
      /* The parent's read returned first: it has the child's message; answer it. */
      if (read(reader_done[0], &byte, 1) != 1 || strcmp(reader_buf, MSG) != 0) { fputs("the parent read no message of the child\n", stderr); return 1; }
      delivered++;
      if (write(shared[1], ANSWER, sizeof ANSWER - 1) < 0) { perror("answer"); return 1; }
      if (read(report[0], &self, 1) != 1 || self) { fputs("the child did not read the answer\n", stderr); return 1; }
    } else {
      /* The child read back its own message; the parent's read is still blocked: end it with our own bytes. */
      if (read(report[0], &self, 1) != 1 || !self) { fputs("the child read neither message\n", stderr); return 1; }
      stolen++;
      parent_blocked += wait_reader_in_read();   /* measured, as pipe-chat measures it: the wake-up may pass through */
      if (write(shared[1], WAKE, sizeof WAKE - 1) < 0) { perror("wake"); return 1; }
      if (read(reader_done[0], &byte, 1) != 1 || strcmp(reader_buf, WAKE) != 0) { fputs("the wake-up bytes went astray\n", stderr); return 1; }
    }
  }
  close(keyboard[0]);
  waitpid(pid, NULL, 0);
  printf("stolen=%ld delivered=%ld parent_blocked=%ld trials=%ld delay_us=%ld\n", stolen, delivered, parent_blocked, trials, delay_us);
  return 0;
}
