// Two pipes, one per direction (the textbook's pipe3.c): pipe2(fds1) for child to parent,
// pipe2(fds2) for parent to child; each process keeps only the two ends it uses, so each
// reads only what the other wrote. The child gets its ends as fds 3 (read) and 4 (write).
import { openKernelPipes } from '../../kernel/anonymous-pipes.js';
import { notMade } from '../../i18n/problems.js';
import { pipeWires, type ChannelEnds } from '../channel-ends.js';

export const twoPipesEnds: ChannelEnds = {
  async make() {
    const [up, down] = (await openKernelPipes([
      ['read-blocking', 'write-blocking'],
      ['write-blocking', 'read-blocking'],
    ]).catch((error: unknown) => {
      throw notMade('pipe', error);
    })) as [{ inode: number; fds: number[] }, { inode: number; fds: number[] }];
    const [parentRead, childWrite] = up.fds as [number, number];
    const [parentWrite, childRead] = down.fds as [number, number];
    return pipeWires({
      pipes: [
        { name: 'child-to-parent', inode: up.inode },
        { name: 'parent-to-child', inode: down.inode },
      ],
      parentRead,
      parentWrite,
      childStdio: [childRead, childWrite],
    });
  },
  group: 'pipes',
  processCalls: null,
  childArgs: [],
  endsBlockedRead: 'closing our write end',
  shared: false,
  hazards: { stolen: false, lost: false, torn: false },
  pipes: 2,
  pipesOption: '2',
  toggleTo: 'one-pipe',
  raceOn: 'one-pipe',
  openToOthers: false,
};
