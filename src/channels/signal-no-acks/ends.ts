// Signals without acknowledgements (see ../signal/ends.ts for the signals themselves): the
// sender sends every bit back to back. A standard signal sent while one of its kind is
// pending for the receiving thread merges into it, and pending SIGUSR1 is taken before
// SIGUSR2 whatever the order sent: bits are lost, and the text comes out garbled. The
// message still ends at its SIGRTMIN, which queues and is taken after every pending bit.
import type { ChannelEnds } from '../channel-ends.js';
import { signalEnds } from '../signal/ends.js';

export const signalNoAcksEnds: ChannelEnds = signalEnds(false, 'signal');
