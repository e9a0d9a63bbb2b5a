// One message queue, one type for both directions (see ../queue/ends.ts for the queue
// itself): whoever waits in msgrcv(type 1) when a message of type 1 comes gets it. With
// the parent already waiting the kernel hands the child's message straight to it
// (pipelined_send in ipc/msg.c), before the child can call msgrcv; a parent that reads
// later lets the child read back its own message, as on one pipe.
import type { ChannelEnds } from '../channel-ends.js';
import { queueEnds, type QueueTypes } from '../queue/ends.js';

/** Type 1 both ways. */
export const queueOneTypeTypes: QueueTypes = { childSends: 1, parentSends: 1 };

export const queueOneTypeEnds: ChannelEnds = queueEnds(
  queueOneTypeTypes,
  {
    shared: true,
    // Stolen: the child reads back its own message. Lost: the parent then waits for it for ever.
    hazards: { stolen: true, lost: true, torn: false },
    toggleTo: 'queue',
    raceOn: 'queue-one-type',
  },
);
