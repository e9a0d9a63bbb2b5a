/* Shared by the channels' round-trip programs (roundtrip-*.c): the message, framed as
 * pipe-chat's parent frames it; the parent's timed loop; a forked child that dies with
 * its parent; and the removal of what outlives a process (System V objects, files),
 * by the process that made it, on every way out: the end, an error (exit), SIGINT,
 * SIGTERM or SIGHUP. A SIGKILL is the one way out that leaves them.
 * Each program takes its mode first where it has modes, then the count of messages, the
 * count of warm-up round trips (500 when absent) and, where it makes a file, the
 * directory to make it under; it prints
 *   roundtrip_us=<mean round trip in microseconds> messages=<n> */
#ifndef BENCH_ECHO_LOOP_H
#define BENCH_ECHO_LOOP_H
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include "common.h"

/* pipe-chat's keys: 0x7c, then the PID (pipe-chat clean knows them) */
#define KEY_TAG (0x7c << 24)
/* room for the longest framed message, "P<turn>:Who are you?\n" */
#define MSG_MAX 64

/* "P<turn>:Who are you?\n": the turn-th line of pipe-chat's parent, the same bytes. */
static inline int frame_msg(char *buf, long turn) {
  return snprintf(buf, MSG_MAX, "P%ld:Who are you?\n", turn);
}

/* Set once the forked child has exited (SIGCHLD): a parent waiting for its answer gives up. */
static volatile sig_atomic_t child_gone;
static pid_t owner = -1;
static void (*remove_made)(void);

static inline void remove_if_owner(void) {
  if (getpid() == owner && remove_made) remove_made();
}

static inline void on_fatal_signal(int sig) {
  remove_if_owner();
  signal(sig, SIG_DFL);
  raise(sig);
}

static inline void on_child_exit(int sig) {
  (void)sig;
  child_gone = 1;
}

/* From here on `remove` (idempotent, async-signal-safe calls only) runs on every way out of this process. */
static inline void remove_on_exit(void (*remove)(void)) {
  owner = getpid();
  remove_made = remove;
  atexit(remove_if_owner);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
}

/* fork(); the child is killed when its parent dies; the parent hears the child's exit (a
 * call interrupted by it returns EINTR, and child_gone is set). Returns the PID, or -1. */
static inline pid_t fork_echo_child(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_child_exit;  /* no SA_RESTART: a waiting call returns */
  sigaction(SIGCHLD, &sa, NULL);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGCHLD, SIG_DFL);
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 || getppid() != parent) _exit(1);
  }
  return pid;
}

/* The parent is done: its child goes. */
static inline void end_child(pid_t pid) {
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
}

/* A parent's side of one channel: sends len bytes (0 or -1), takes the answer into buf (its length, or -1). */
typedef int (*send_fn)(const char *buf, int len);
typedef int (*recv_fn)(char *buf);

/* argv[at] messages and argv[at + 1] warm-up round trips (500 when absent); then the
 * timed ones, and the line. 0, or 1 when a call failed or the child went. */
static inline int time_round_trips(int argc, char **argv, int at, send_fn send_msg, recv_fn recv_msg) {
  long n = arg_or(argc, argv, at, 10000);
  long warm = arg_or(argc, argv, at + 1, 500);
  char msg[MSG_MAX], answer[MSG_MAX];
  double t0 = now_us();
  if (n < 1) { fputs("messages: at least 1\n", stderr); return 1; }
  for (long i = 0; i < warm + n; i++) {
    if (i == warm) t0 = now_us();
    int len = frame_msg(msg, i + 1);
    if (send_msg(msg, len) == -1 || recv_msg(answer) <= 0) {
      fprintf(stderr, "round trip %ld failed%s\n", i + 1, child_gone ? ": the child is gone" : "");
      return 1;
    }
  }
  printf("roundtrip_us=%.3f messages=%ld\n", (now_us() - t0) / (double)n, n);
  return 0;
}
#endif
