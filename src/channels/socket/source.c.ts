// The textbook's socketpair.c: one socketpair, made before the fork; each process keeps
// one end, which it reads and writes.
import type { ChannelSource } from '../channel.js';
import { fdPart } from '../fd-program.js';

const CHILD_FINDS = { en: 'its end at fd 3', ko: 'fd 3에서 자기 끝을' };

export const socketSource: ChannelSource = {
  file: 'socketpair.c',
  program: (lang) => ({
    includes: ['<sys/socket.h>'],
    globals: [],
    decl: ['int sv[2];'],
    make: ['if (socketpair(AF_UNIX, SOCK_STREAM,', '               0, sv) == -1)', '  die("socketpair");'],
    childFinds: CHILD_FINDS[lang],
    buffer: 'buf',
    child: fdPart('sv[1]', 'sv[1]', ['close(sv[0]);']),
    parent: fdPart('sv[0]', 'sv[0]', ['close(sv[1]);']),
  }),
};
