// One pipe, one way (the textbook's pipe1.c): pipe2(fds) once; the child keeps only the
// write end (at fd 4) and the parent only the read end, each having closed the other as
// pipe1.c does. So once the child has written its lines and exited, no write end is left
// anywhere, and the parent's next read() returns 0: end of file. The parent has no way to
// answer: there is no pipe back to the child.
// With `closeUnused` false (pipe1-open-ends) both processes keep both ends, as pipe1.c
// without its close() calls: the parent's own write end then keeps end of file away, and
// its last read() blocks for ever.
import { openKernelPipes } from '../../kernel/anonymous-pipes.js';
import { notMade } from '../../i18n/problems.js';
import { pipeWires, type ChannelEnds } from '../channel-ends.js';
import type { Wiring } from '../names.js';

export function oneWayPipeEnds(closeUnused: boolean, toggleTo: Wiring): ChannelEnds {
  return {
    async make() {
      const ends = closeUnused ? (['read-blocking', 'write-blocking'] as const) : (['read-blocking', 'write-blocking', 'read-blocking', 'write-blocking'] as const);
      const [pipe] = await openKernelPipes([ends]).catch((error: unknown) => {
        throw notMade('pipe', error);
      });
      const fds = pipe?.fds ?? [];
      const [parentRead, childWrite, childRead, parentWrite] = closeUnused ? [fds[0], fds[1], 'ignore' as const, -1] : [fds[0], fds[3], fds[2], fds[1]];
      return pipeWires({
        pipes: [{ name: 'child-to-parent', inode: pipe?.inode ?? 0 }],
        parentRead: parentRead as number,
        parentWrite: parentWrite as number,
        childStdio: [childRead as number | 'ignore', childWrite as number],
      });
    },
    group: 'pipes',
    processCalls: null,
    childArgs: ['--write-only'],
    oneWay: true,
    // The child killed, no write end is left (pipe1); with the ends left open, closing the parent's own write end is what ends its read.
    endsBlockedRead: 'closing our write end',
    shared: false,
    hazards: { stolen: false, lost: false, torn: false },
    pipes: 1,
    pipesOption: null,
    toggleTo,
    // Nothing to race on a pipe one process only writes and the other only reads: the sweep runs the textbook's one shared pipe.
    raceOn: 'one-pipe',
    openToOthers: false,
  };
}

export const pipe1Ends: ChannelEnds = oneWayPipeEnds(true, 'pipe1-open-ends');
