// The textbook's pipe3.c: two pipes, made before the fork; each process closes the ends it
// does not use, as pipe-chat's processes hold only their own two.
import type { ChannelSource } from '../channel.js';
import { ENDS_AT_FDS_3_AND_4, fdPart } from '../fd-program.js';

export const twoPipesSource: ChannelSource = {
  file: 'pipe3.c',
  program: (lang) => ({
    includes: [],
    globals: [],
    decl: ['int fds1[2], fds2[2];'],
    make: ['if (pipe(fds1) == -1 || pipe(fds2) == -1)', '  die("pipe");'],
    childFinds: ENDS_AT_FDS_3_AND_4[lang],
    buffer: 'buf',
    child: fdPart('fds2[0]', 'fds1[1]', ['close(fds1[0]);', 'close(fds2[1]);']),
    parent: fdPart('fds1[0]', 'fds2[1]', ['close(fds1[1]);', 'close(fds2[0]);']),
  }),
};
