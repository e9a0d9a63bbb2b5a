/* A round trip through a shared file, the file channel's lines, between a parent and a
 * forked child that echoes each message back: a line per direction at the start of its
 * slot (slot 0 child to parent, slot 1 parent to child), "seq len text<spaces> seq\n",
 * written with one pwrite(2); its reader pread(2)s the line's head again and again until
 * seq moves (busy waiting), then the whole slot in one pread, as the channel's program
 * does. The file is made in a private directory under DIR (the user's cache directory, on
 * disk, as pipe-chat's); both are removed on every way out but SIGKILL (echo-loop.h).
 * usage: roundtrip-file messages warm-up DIR */
#include <fcntl.h>
#include "echo-loop.h"

/* as the processes: reads of 64 KiB + 64 bytes */
#define BUF_SIZE (64 * 1024 + 64)
#define HEAD 17  /* "%010d %05d " */
#define TAIL 12  /* " %010d\n" */
#define SLOT (68 * 1024)
static char rec[SLOT + 1];
static int fd = -1;
static char dir[4096], file[4096 + 16];

static void remove_made_here(void) {
  if (file[0] && unlink(file) == 0) file[0] = '\0';
  if (dir[0] && rmdir(dir) == 0) dir[0] = '\0';
}

/* one pwrite of the whole line, padded to cover the widest line before it */
static int put_line(int slot, int seq, const char *buf, int len, int *wide) {
  int n = snprintf(rec, sizeof rec, "%010d %05d %.*s", seq, len, len - 1, buf);
  if (n < *wide) {
    memset(rec + n, ' ', (size_t)(*wide - n));
    n = *wide;
  }
  *wide = n;
  n += snprintf(rec + n, sizeof rec - n, " %010d\n", seq);
  return pwrite(fd, rec, (size_t)n, (off_t)slot * SLOT) == n ? 0 : -1;
}

/* a new line into buf: its length; 0 for the same number, or a torn copy; -1 on error */
static int get_line(int slot, int *seen, char *buf) {
  char *end;
  int seq, len;
  if (pread(fd, rec, HEAD, (off_t)slot * SLOT) != HEAD) return -1;
  rec[HEAD] = '\0';
  if (atoi(rec) == *seen) return 0;  /* nothing new yet */
  if (pread(fd, rec, SLOT, (off_t)slot * SLOT) != SLOT) return -1;
  rec[SLOT] = '\0';
  if (sscanf(rec, "%d %d", &seq, &len) != 2 || seq <= *seen || len < 1 || len > MSG_MAX) return 0;  /* its first line is being written */
  end = strchr(rec + HEAD + len - 1, '\n');
  if (!end || end - rec < HEAD + len + TAIL - 2 || atoi(end - 10) != seq) return 0;  /* torn: read again */
  *seen = seq;
  memcpy(buf, rec + HEAD, (size_t)len - 1);
  buf[len - 1] = '\n';
  return len;
}

/* busy waiting: pread again and again */
static int spin_for_line(int slot, int *seen, char *buf) {
  int n;
  while ((n = get_line(slot, seen, buf)) == 0)
    if (child_gone) return -1;
  return n;
}

static int parent_sent, parent_seen, parent_wide;
static int send_down(const char *buf, int len) { return put_line(1, ++parent_sent, buf, len, &parent_wide); }
static int recv_up(char *buf) { return spin_for_line(0, &parent_seen, buf); }

int main(int argc, char **argv) {
  if (argc < 4) { fputs("usage: roundtrip-file messages warm-up DIR\n", stderr); return 2; }
  remove_on_exit(remove_made_here);
  if (snprintf(dir, sizeof dir, "%s/pipe-chat-bench-XXXXXX", argv[3]) >= (int)sizeof dir || !mkdtemp(dir)) { dir[0] = '\0'; perror("mkdtemp"); return 1; }
  snprintf(file, sizeof file, "%s/com-XXXXXX", dir);
  fd = mkstemp(file);  /* O_RDWR | O_CREAT | O_EXCL, 0600 */
  if (fd == -1) { file[0] = '\0'; perror("mkstemp"); return 1; }
  if (ftruncate(fd, 2 * SLOT) == -1) { perror("ftruncate"); return 1; }
  pid_t pid = fork_echo_child();
  if (pid < 0) { perror("fork"); return 1; }
  if (pid == 0) {
    char buf[MSG_MAX];
    int n, sent = 0, seen = 0, wide = 0;
    while ((n = spin_for_line(1, &seen, buf)) > 0)
      if (put_line(0, ++sent, buf, n, &wide) == -1) _exit(1);
    _exit(1);
  }
  int failed = time_round_trips(argc, argv, 1, send_down, recv_up);
  end_child(pid);
  return failed;
}
