// The textbook's shared file (open, write, read, close on "com.txt"), as it runs here: a
// file of our own, made O_EXCL and 0600 (mkstemp; pipe-chat's is in a private 0700
// directory of the cache directory), a line per direction written with one pwrite at its
// slot and read with pread, the number at both ends of each line (com-file.ts), and a
// reader that reads again and again until the number moves: nothing in it waits.
import type { ChannelSource, ProcessPart } from '../channel.js';

const CHILD_FINDS = { en: 'the file at its fd 3', ko: 'fd 3에서 파일을' };

/** The line's layout, the reader's counts, and the two calls that write and read a line. */
const LINES_C: readonly string[] = [
  '/* com.txt: a line per direction, each at the start of its slot:',
  '   "seq len text<spaces> seq\\n" (the framed line without its newline) */',
  '#define HEAD 17  /* "%010d %05d " */',
  '#define TAIL 12  /* " %010d\\n" */',
  '#define SLOT (68 * 1024)',
  'static char rec[SLOT + 1];',
  'static int lost, torn;',
  '',
  '/* one pwrite of the whole line, padded to cover the widest line before it */',
  'static void put_line(int fd, int slot, int seq, const char *buf, int len, int *wide) {',
  '  int n = snprintf(rec, sizeof rec, "%010d %05d %.*s", seq, len, len - 1, buf);',
  '  if (n < *wide) {',
  "    memset(rec + n, ' ', *wide - n);",
  '    n = *wide;',
  '  }',
  '  *wide = n;',
  '  n += snprintf(rec + n, sizeof rec - n, " %010d\\n", seq);',
  '  if (pwrite(fd, rec, n, (off_t)slot * SLOT) != n)',
  '    die("pwrite");',
  '}',
  '',
  '/* a new line into buf: its length; 0 for the same number, or a torn copy */',
  'static int get_line(int fd, int slot, int *seen, char *buf) {',
  '  char *end;',
  '  int seq, len;',
  '  if (pread(fd, rec, HEAD, (off_t)slot * SLOT) != HEAD)',
  '    die("pread");',
  "  rec[HEAD] = '\\0';",
  '  if (atoi(rec) == *seen)',
  '    return 0;  /* nothing new yet */',
  '  if (pread(fd, rec, SLOT, (off_t)slot * SLOT) != SLOT)',
  '    die("pread");',
  "  rec[SLOT] = '\\0';",
  '  if (sscanf(rec, "%d %d", &seq, &len) != 2 || seq <= *seen || len < 1 || len > BUF_SIZE)',
  '    return 0;  /* its first line is being written */',
  "  end = strchr(rec + HEAD + len - 1, '\\n');",
  '  if (!end || end - rec < HEAD + len + TAIL - 2 || atoi(end - 10) != seq) {',
  '    torn++;  /* a write came in while we read: the ends disagree */',
  '    return 0;',
  '  }',
  '  lost += seq - *seen - 1;  /* overwritten before we looked */',
  '  *seen = seq;',
  '  memcpy(buf, rec + HEAD, len - 1);',
  "  buf[len - 1] = '\\n';",
  '  return len;',
  '}',
];

function linePart(writes: 0 | 1, finish: readonly string[]): ProcessPart {
  return {
    setup: [],
    write: [{ text: `put_line(fd, ${writes}, ++sent, buf, len, &wide);  /* no wait */`, spot: 'write' }],
    read: [{ text: `while ((n = get_line(fd, ${1 - writes}, &seen, buf)) == 0)`, spot: 'read' }, '  ;  /* busy waiting: pread again and again */'],
    finish: ['fprintf(stderr, "lost %d, torn %d\\n", lost, torn);', ...finish],
  };
}

export const fileSource: ChannelSource = {
  file: 'file.c',
  program: (lang) => ({
    includes: ['<sys/wait.h>'],
    globals: LINES_C,
    decl: ['int fd, sent = 0, seen = 0, wide = 0;', 'char path[] = "com-XXXXXX";'],
    make: [
      '/* text: open("com.txt", O_RDWR); */',
      'fd = mkstemp(path);  /* O_RDWR | O_CREAT | O_EXCL, 0600 */',
      'if (fd == -1 || ftruncate(fd, 2 * SLOT) == -1)',
      '  die("mkstemp");',
    ],
    childFinds: CHILD_FINDS[lang],
    buffer: 'buf',
    child: linePart(0, ['if (close(fd) == -1)', '  die("close");']),
    parent: linePart(1, ['if (wait(NULL) == -1)', '  die("wait");', 'if (close(fd) == -1 || unlink(path) == -1)', '  die("close");']),
  }),
};
