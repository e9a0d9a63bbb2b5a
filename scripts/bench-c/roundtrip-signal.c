/* A round trip over signals, the signal channel's: each bit of the message is one signal
 * (0 SIGUSR1, 1 SIGUSR2; SIGRTMIN ends the message), sent with kill(2); the receiver takes
 * each with sigwaitinfo(2) and answers it with SIGRTMIN+1, which the sender waits for
 * before its next bit, as the channel's program does. Between a parent and a forked child
 * that echoes each message back. Nothing outlives the processes.
 * usage: roundtrip-signal [messages [warm-up]] */
#include "echo-loop.h"

static sigset_t sigs, ack;
static pid_t child = -1;

/* the next signal of `set`; -1 when a wait failed or the child is gone */
static int take(const sigset_t *set, siginfo_t *info) {
  int sig;
  while ((sig = sigwaitinfo(set, info)) == -1)
    if (errno != EINTR || child_gone) return -1;
  return sig;
}

static int send_sig(pid_t to, int sig) {
  if (kill(to, sig) == -1) return -1;
  return take(&ack, NULL) == -1 ? -1 : 0;  /* the answer to each bit, before the next */
}

static int send_bits(pid_t to, const char *buf, int len) {
  for (int i = 0; i < len; i++)
    for (int bit = 7; bit >= 0; bit--)
      if (send_sig(to, ((unsigned char)buf[i] >> bit) & 1 ? SIGUSR2 : SIGUSR1) == -1) return -1;
  return send_sig(to, SIGRTMIN);
}

static int recv_bits(char *buf) {
  siginfo_t info;
  int n = 0, bits = 0, sig;
  unsigned char byte = 0;
  for (;;) {
    if ((sig = take(&sigs, &info)) == -1 || kill(info.si_pid, SIGRTMIN + 1) == -1) return -1;
    if (sig == SIGRTMIN) {  /* a message ends in a newline */
      if (n == 0 || buf[n - 1] != '\n') buf[n++] = '\n';
      return n;
    }
    byte = (unsigned char)(byte << 1 | (sig == SIGUSR2));
    if (++bits % 8 == 0 && n < MSG_MAX - 1) buf[n++] = (char)byte;
  }
}

static int send_down(const char *buf, int len) { return send_bits(child, buf, len); }

int main(int argc, char **argv) {
  if (sigemptyset(&sigs) == -1 || sigaddset(&sigs, SIGUSR1) == -1 || sigaddset(&sigs, SIGUSR2) == -1 || sigaddset(&sigs, SIGRTMIN) == -1 ||
      sigemptyset(&ack) == -1 || sigaddset(&ack, SIGRTMIN + 1) == -1) { perror("sigaddset"); return 1; }
  /* blocked before fork(), in both processes: they stay pending until sigwaitinfo takes them */
  if (sigprocmask(SIG_BLOCK, &sigs, NULL) == -1 || sigprocmask(SIG_BLOCK, &ack, NULL) == -1) { perror("sigprocmask"); return 1; }
  child = fork_echo_child();
  if (child < 0) { perror("fork"); return 1; }
  if (child == 0) {
    char buf[MSG_MAX];
    int n;
    while ((n = recv_bits(buf)) > 0)
      if (send_bits(getppid(), buf, n) == -1) _exit(1);
    _exit(1);
  }
  int failed = time_round_trips(argc, argv, 1, send_down, recv_bits);
  end_child(child);
  return failed;
}
