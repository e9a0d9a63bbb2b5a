// The textbook's pipe2.c: one pipe, made before the fork, both ends kept by both processes
// and used both ways.
import type { ChannelSource } from '../channel.js';
import { ENDS_AT_FDS_3_AND_4, fdPart } from '../fd-program.js';

export const onePipeSource: ChannelSource = {
  file: 'pipe2.c',
  program: (lang) => ({
    includes: [],
    globals: [],
    decl: ['int fds[2];'],
    make: ['if (pipe(fds) == -1)', '  die("pipe");'],
    childFinds: ENDS_AT_FDS_3_AND_4[lang],
    buffer: 'buf',
    child: fdPart('fds[0]', 'fds[1]'),
    parent: fdPart('fds[0]', 'fds[1]'),
  }),
};
