/* A round trip over one socket, both ways, between a parent and a forked child that
 * echoes each message back: the socket channel's socketpair(AF_UNIX, SOCK_STREAM), or
 * the TCP channel's connection on 127.0.0.1 (a port the kernel picks; the child
 * connects, the parent accepts), with read(2) and write(2) as their programs make them.
 * usage: roundtrip-socket socketpair|tcp [messages [warm-up]] */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include "echo-loop.h"

static int sock = -1;

static int send_sock(const char *buf, int len) {
  return write(sock, buf, (size_t)len) == len ? 0 : -1;
}

static int recv_sock(char *buf) {
  return (int)read(sock, buf, MSG_MAX);
}

static void echo_forever(int fd) {
  char buf[MSG_MAX];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0)
    if (write(fd, buf, (size_t)n) != n) _exit(1);
  _exit(0);
}

/* The TCP channel's listening socket on 127.0.0.1, port 0, and the address it got. */
static int listen_loopback(struct sockaddr_in *addr) {
  socklen_t len = sizeof *addr;
  int s = socket(PF_INET, SOCK_STREAM, 0);
  if (s == -1) return -1;
  memset(addr, 0, sizeof *addr);
  addr->sin_family = AF_INET;
  addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr->sin_port = htons(0);
  if (bind(s, (struct sockaddr *)addr, sizeof *addr) == -1 || listen(s, 1) == -1 || getsockname(s, (struct sockaddr *)addr, &len) == -1) return -1;
  return s;
}

int main(int argc, char **argv) {
  int tcp = argc > 1 && strcmp(argv[1], "tcp") == 0;
  if (argc < 2 || (!tcp && strcmp(argv[1], "socketpair") != 0)) { fputs("usage: roundtrip-socket socketpair|tcp [messages [warm-up]]\n", stderr); return 2; }
  int sv[2] = { -1, -1 }, serv = -1;
  struct sockaddr_in addr;
  if (tcp ? (serv = listen_loopback(&addr)) == -1 : socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1) { perror(tcp ? "listen" : "socketpair"); return 1; }
  pid_t pid = fork_echo_child();
  if (pid < 0) { perror("fork"); return 1; }
  if (pid == 0) {
    if (!tcp) { close(sv[0]); echo_forever(sv[1]); }
    close(serv);
    int s = socket(PF_INET, SOCK_STREAM, 0);
    if (s == -1 || connect(s, (struct sockaddr *)&addr, sizeof addr) == -1) _exit(1);
    echo_forever(s);
  }
  if (tcp) {
    while ((sock = accept(serv, NULL, NULL)) == -1 && errno == EINTR && !child_gone) {}
    if (sock == -1) { perror("accept"); end_child(pid); return 1; }
    close(serv);
  } else {
    close(sv[1]);
    sock = sv[0];
  }
  int failed = time_round_trips(argc, argv, 2, send_sock, recv_sock);
  end_child(pid);
  return failed;
}
