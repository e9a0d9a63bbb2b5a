// Two threads sharing a variable, without waiting: the variable of ../threads, and a
// reader that checks its box's sequence number in a loop (the spin of shm-busy), on the
// thread that makes its calls: the child thread, and the parent's call thread. Neither
// waits in the kernel: /proc shows the thread running, a whole core's worth. After the
// spin limit without a message a reader stops and waits at its gate (the parent's: a
// futex; the child thread's: its keyboard) until a key opens it. Every way out raises
// the stop word, which a spinning reader checks every few thousand looks.
import { NO_GATE, type ChannelEnds, type Gate } from '../channel-ends.js';
import { busyCalls } from '../shm-busy/ends.js';
import { spinLimitArgs, spinLimitOf } from '../spinning-reader.js';
import { makeVariable, variableOf } from '../threads/ends.js';
import { stopped } from '../threads/variable.js';

export const threadsBusyEnds: ChannelEnds = {
  make: () => makeVariable().then((wires) => ({ ...wires, childArgs: spinLimitArgs() })),
  group: 'threads',
  childArgs: [],
  processCalls: (proc, argv, gate = NO_GATE, memory) => {
    const variable = variableOf(memory);
    // The gate's own closing (the parent's, on the way out) or the stop word: either ends the spin.
    const stop: Gate = { wait: () => gate.wait() && !stopped(variable), closed: () => gate.closed() || stopped(variable), waitsIn: gate.waitsIn };
    return Promise.resolve(busyCalls(proc, variable, stop, spinLimitOf(argv)));
  },
  endsBlockedRead: 'a stop flag it checks',
  shared: false,
  hazards: { stolen: false, lost: true, torn: true },
  pipes: 0,
  pipesOption: null,
  toggleTo: 'threads',
  raceOn: 'one-pipe',
  raceStreams: true,
  openToOthers: false,
  inProcess: true,
};
