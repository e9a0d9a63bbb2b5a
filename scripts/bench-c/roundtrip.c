/* The floor: a round trip over two pipes, one per direction, between a parent and a
 * forked child that echoes each message back.
 * usage: roundtrip [messages [warm-up]]
 * prints: roundtrip_us=<mean round trip in microseconds> messages=<n> */
#include <unistd.h>
#include <sys/wait.h>
#include "common.h"

static const char MSG[] = "P1:Who are you?\n";

int main(int argc, char **argv) {
  long n = arg_or(argc, argv, 1, 100000);
  long warm = arg_or(argc, argv, 2, 500);
  int down[2], up[2];
  char buf[64];
  if (pipe(down) || pipe(up)) { perror("pipe"); return 1; }
  pid_t pid = fork();
  if (pid < 0) { perror("fork"); return 1; }
  if (pid == 0) {
    close(down[1]); close(up[0]);
    ssize_t len;
    while ((len = read(down[0], buf, sizeof buf)) > 0)
      if (write(up[1], buf, (size_t)len) != len) _exit(1);
    _exit(0);
  }
  close(down[0]); close(up[1]);
  for (long i = 0; i < warm; i++) {   /* warm up, as the Node side does */
    if (write(down[1], MSG, sizeof MSG - 1) < 0 || read(up[0], buf, sizeof buf) <= 0) return 1;
  }
  double t0 = now_us();
  for (long i = 0; i < n; i++) {
    if (write(down[1], MSG, sizeof MSG - 1) < 0) { perror("write"); return 1; }
    if (read(up[0], buf, sizeof buf) <= 0) { fputs("child gone\n", stderr); return 1; }
  }
  double us = (now_us() - t0) / (double)n;
  close(down[1]);
  waitpid(pid, NULL, 0);
  printf("roundtrip_us=%.3f messages=%ld\n", us, n);
  return 0;
}
