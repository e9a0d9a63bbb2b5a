/* A round trip over one System V message queue, a type per direction (the queue
 * channel's msgsnd and msgrcv: type 1 child to parent, type 2 parent to child), between
 * a parent and a forked child that echoes each message back. The queue is removed
 * (IPC_RMID) on every way out but SIGKILL (echo-loop.h).
 * usage: roundtrip-queue [messages [warm-up]] */
#include <sys/ipc.h>
#include <sys/msg.h>
#include "echo-loop.h"

static int msqid = -1;
static struct { long mtype; char mtext[MSG_MAX]; } msg;

static void remove_queue(void) {
  if (msqid != -1 && msgctl(msqid, IPC_RMID, NULL) == 0) msqid = -1;
}

static int send_type(long type, const char *buf, int len) {
  msg.mtype = type;
  memcpy(msg.mtext, buf, (size_t)len);
  while (msgsnd(msqid, &msg, (size_t)len, 0) == -1)
    if (errno != EINTR || child_gone) return -1;
  return 0;
}

static int recv_type(long type, char *buf) {
  ssize_t n;
  while ((n = msgrcv(msqid, &msg, MSG_MAX, type, 0)) == -1)
    if (errno != EINTR || child_gone) return -1;
  memcpy(buf, msg.mtext, (size_t)n);
  return (int)n;
}

static int send_down(const char *buf, int len) { return send_type(2, buf, len); }
static int recv_up(char *buf) { return recv_type(1, buf); }

int main(int argc, char **argv) {
  msqid = msgget(KEY_TAG | getpid(), IPC_CREAT | IPC_EXCL | 0600);
  if (msqid == -1) { perror("msgget"); return 1; }
  remove_on_exit(remove_queue);
  pid_t pid = fork_echo_child();
  if (pid < 0) { perror("fork"); return 1; }
  if (pid == 0) {
    char buf[MSG_MAX];
    int n;
    while ((n = recv_type(2, buf)) > 0)
      if (send_type(1, buf, n) == -1) _exit(1);
    _exit(0);  /* the queue is gone (EIDRM): the parent is done */
  }
  int failed = time_round_trips(argc, argv, 1, send_down, recv_up);
  end_child(pid);
  return failed;
}
