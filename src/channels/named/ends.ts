// A named pipe (the textbook's fifo.c): one FIFO kept at a path while the conversation
// runs, opened by both processes for reading and writing (the C program's fd), and by
// any other process of this user that opens the path: `cat PATH` steals from it. An
// outside writer may hold it open, so end of file cannot end the parent's read on the
// way out: our own wake-up bytes, through a non-blocking end kept for that, do.
import { openNamedPipe } from '../../ipc/kernel-pipe.js';
import type { ChannelEnds } from '../channel-ends.js';

export const namedEnds: ChannelEnds = {
  async make() {
    // A fifth end, a non-blocking write end only for close(): its bytes end our own read.
    const named = await openNamedPipe(['read-blocking', 'write-blocking', 'read-blocking', 'write-blocking', 'write-nonblocking']);
    const [parentRead, parentWrite, childRead, childWrite, wakeFd] = named.fds as [number, number, number, number, number];
    return {
      pipes: [{ name: 'shared', inode: named.inode }],
      parentRead,
      parentWrite,
      childStdio: [childRead, childWrite],
      shutdown: null,
      wakeFd,
      named,
      childArgs: [],
      remove: null,
    };
  },
  group: 'pipes',
  processCalls: null,
  childArgs: [],
  endsBlockedRead: 'our own wake-up bytes',
  shared: true,
  // An outside `cat` can take a message so that neither process ever reads it (lost);
  // two outside writers' lines larger than PIPE_BUF can interleave with ours (torn).
  hazards: { stolen: true, lost: true, torn: true },
  pipes: 1,
  pipesOption: null,
  toggleTo: 'two-pipes',
  raceOn: 'named',
  openToOthers: true,
};
