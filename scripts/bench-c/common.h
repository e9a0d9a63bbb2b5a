/* Shared by the benchmark's C programs: arguments, a delay, and a clock. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <errno.h>

/* argv[i] as a non-negative integer, or the fallback when it is absent. */
static inline long arg_or(int argc, char **argv, int i, long fallback) {
  if (argc <= i) return fallback;
  char *end;
  long v = strtol(argv[i], &end, 10);
  if (*end || v < 0) { fprintf(stderr, "bad argument: %s\n", argv[i]); exit(2); }
  return v;
}

/* The child's delay between its write and its read: a timed sleep, as pipe-chat's
 * child makes one (Atomics.wait is a futex wait with a timeout). */
static inline void sleep_us(long us) {
  if (us <= 0) return;
  struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
  while (nanosleep(&ts, &ts) && errno == EINTR) {}
}

static inline double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}
#endif
