// The textbook's fifo.c: a FIFO made at a path and opened (both ways) before the fork; the
// parent removes the name at the end. pipe-chat makes it in a directory only you can open.
import type { ChannelSource } from '../channel.js';
import { ENDS_AT_FDS_3_AND_4, fdPart } from '../fd-program.js';

const WHERE = {
  en: "pipe-chat's is in a directory of its own, mode 0700",
  ko: 'pipe-chat은 자기만의 디렉터리(모드 0700)에 만듦',
};

export const namedSource: ChannelSource = {
  file: 'fifo.c',
  program: (lang) => ({
    includes: ['<fcntl.h>', '<sys/stat.h>'],
    globals: [],
    decl: [`const char *path = "chat.fifo";  /* ${WHERE[lang]} */`, 'int fd;'],
    make: ['if (mkfifo(path, 0600) == -1)', '  die("mkfifo");', 'fd = open(path, O_RDWR);', 'if (fd == -1)', '  die("open");'],
    childFinds: ENDS_AT_FDS_3_AND_4[lang],
    buffer: 'buf',
    child: fdPart('fd', 'fd'),
    parent: fdPart('fd', 'fd', [], ['if (unlink(path) == -1)', '  die("unlink");']),
  }),
};
