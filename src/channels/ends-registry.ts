// The process half of the channel registry: each channel's ends.ts by name. The link,
// the race and the parent's call thread ask it; it loads no view, so the first child can be
// forked before the UI's code is read (registry.ts adds each channel's view half).
import type { ChannelEnds } from './channel-ends.js';
import type { Wiring } from './names.js';
import { namedEnds } from './named/ends.js';
import { onePipeEnds } from './one-pipe/ends.js';
import { pipe1Ends } from './pipe1/ends.js';
import { pipe1OpenEndsEnds } from './pipe1-open-ends/ends.js';
import { queueChannelEnds } from './queue/ends.js';
import { queueOneTypeEnds } from './queue-one-type/ends.js';
import { shmEnds } from './shm/ends.js';
import { shmBusyEnds } from './shm-busy/ends.js';
import { mmapEnds } from './mmap/ends.js';
import { fileEnds } from './file/ends.js';
import { socketEnds } from './socket/ends.js';
import { tcpEnds } from './tcp/ends.js';
import { threadsEnds } from './threads/ends.js';
import { threadsBusyEnds } from './threads-busy/ends.js';
import { signalChannelEnds } from './signal/ends.js';
import { signalNoAcksEnds } from './signal-no-acks/ends.js';
import { twoPipesEnds } from './two-pipes/ends.js';

export const CHANNEL_ENDS: Record<Wiring, ChannelEnds> = {
  'two-pipes': twoPipesEnds,
  'one-pipe': onePipeEnds,
  pipe1: pipe1Ends,
  'pipe1-open-ends': pipe1OpenEndsEnds,
  socket: socketEnds,
  named: namedEnds,
  queue: queueChannelEnds,
  'queue-one-type': queueOneTypeEnds,
  tcp: tcpEnds,
  shm: shmEnds,
  'shm-busy': shmBusyEnds,
  mmap: mmapEnds,
  file: fileEnds,
  threads: threadsEnds,
  'threads-busy': threadsBusyEnds,
  signal: signalChannelEnds,
  'signal-no-acks': signalNoAcksEnds,
};

export function channelEnds(wiring: Wiring): ChannelEnds {
  return CHANNEL_ENDS[wiring];
}
