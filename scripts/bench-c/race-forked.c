/* The textbook race, a child forked per trial: parent and child share ONE pipe. The
 * parent calls read() at once; the child sleeps 1 ms (so the parent is already blocked
 * in read()), writes its message, sleeps the delay, then reads. Whoever reads first
 * takes the bytes.
 * usage: race-forked [trials] [delay_us]
 * prints: stolen=<k> delivered=<d> trials=<n> delay_us=<us> */
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "common.h"

static const char MSG[] = "Who are you?";

int main(int argc, char **argv) {
  long trials = arg_or(argc, argv, 1, 300);
  long delay_us = arg_or(argc, argv, 2, 0);
  long stolen = 0, delivered = 0;
  for (long t = 0; t < trials; t++) {
    int shared[2], verdict[2];
    if (pipe(shared) || pipe(verdict)) { perror("pipe"); return 1; }
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 1; }
    if (pid == 0) {
      char buf[32] = {0};
      sleep_us(1000);
      if (write(shared[1], MSG, sizeof MSG) < 0) _exit(1);
      sleep_us(delay_us);
      if (read(shared[0], buf, sizeof buf) < 0) _exit(1);
      char self = strcmp(buf, MSG) == 0;
      if (self && write(shared[1], "", 1) < 0) _exit(1); /* end the parent's read, which would block forever */
      if (write(verdict[1], &self, 1) < 0) _exit(1);
      _exit(0);
    }
    char buf[32] = {0}, self = 0;
    if (read(shared[0], buf, sizeof buf) < 0) { perror("read"); return 1; }
    if (strcmp(buf, MSG) == 0) {
      delivered++;
      if (write(shared[1], "Thank you", 10) < 0) { perror("write"); return 1; }
    }
    if (read(verdict[0], &self, 1) != 1) { fputs("child gone\n", stderr); return 1; }
    stolen += self;
    waitpid(pid, NULL, 0);
    close(shared[0]); close(shared[1]); close(verdict[0]); close(verdict[1]);
  }
  printf("stolen=%ld delivered=%ld trials=%ld delay_us=%ld\n", stolen, delivered, trials, delay_us);
  return 0;
}
