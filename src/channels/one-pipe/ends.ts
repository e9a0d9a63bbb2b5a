// One pipe for both directions (the textbook's broken pipe2.c): pipe2(fds) once, and both
// processes hold both ends, like the C program's fds[0] and fds[1] after fork. Bytes in
// it belong to nobody: whoever calls read() first takes them, its own writer included.
import { openKernelPipes } from '../../kernel/anonymous-pipes.js';
import { notMade } from '../../i18n/problems.js';
import { pipeWires, type ChannelEnds } from '../channel-ends.js';

export const onePipeEnds: ChannelEnds = {
  async make() {
    const [pipe] = await openKernelPipes([['read-blocking', 'write-blocking', 'read-blocking', 'write-blocking']]).catch((error: unknown) => {
      throw notMade('pipe', error);
    });
    const [parentRead, parentWrite, childRead, childWrite] = pipe?.fds as [number, number, number, number];
    return pipeWires({ pipes: [{ name: 'shared', inode: pipe?.inode ?? 0 }], parentRead, parentWrite, childStdio: [childRead, childWrite] });
  },
  group: 'pipes',
  processCalls: null,
  childArgs: [],
  endsBlockedRead: 'closing our write end',
  shared: true,
  // Stolen: the child reads back its own line. Lost: the parent then waits for it for ever.
  hazards: { stolen: true, lost: true, torn: false },
  pipes: 1,
  pipesOption: '1',
  toggleTo: 'two-pipes',
  raceOn: 'one-pipe',
  openToOthers: false,
};
