// A socketpair (the textbook's socketpair.c): socketpair(AF_UNIX, SOCK_STREAM) made by the
// parent through libc, blocking at both ends, one end each. A socket is two-way, so the
// child reads and writes its one end at fd 3 (--one-fd), and the parent its own, in
// read(2) on its call thread like the pipes. A socket never hands a process its own bytes:
// nothing can be stolen. On the way out shutdown() ends the parent's read at once.
import { AF_UNIX, SHUT_RDWR, SOCK_STREAM, loadLibc } from '../../kernel/libc.js';
import type { ChannelEnds } from '../channel-ends.js';
import { notMade } from '../../i18n/problems.js';

export const socketEnds: ChannelEnds = {
  async make() {
    const libc = await loadLibc();
    let pair: [number, number];
    try {
      pair = libc.socketpair(AF_UNIX, SOCK_STREAM);
    } catch (error) {
      throw notMade('socketpair', error);
    }
    const [parentEnd, childEnd] = pair;
    return {
      pipes: [],
      parentRead: parentEnd,
      parentWrite: parentEnd,
      childStdio: [childEnd, 'ignore'],
      shutdown: () => {
        try {
          libc.shutdown(parentEnd, SHUT_RDWR);
        } catch {
          // ENOTCONN: the child's end is gone already, and with it our read
        }
      },
      wakeFd: null,
      named: null,
      childArgs: [],
      remove: null,
    };
  },
  group: 'sockets',
  processCalls: null,
  childArgs: ['--one-fd'],
  endsBlockedRead: 'shutdown()',
  shared: false,
  hazards: { stolen: false, lost: false, torn: false },
  pipes: 0,
  pipesOption: null,
  toggleTo: 'two-pipes',
  raceOn: 'one-pipe',
  openToOthers: false,
};

