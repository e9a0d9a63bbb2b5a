// The registry of channels: each one's folder, found by its name. The rest of the program
// asks it for a channel's parts (its drawing, its kernel view, its source program, its
// words...) and never branches on a channel's name. To add a channel: a folder with the
// parts of channel.ts, its name in names.ts, and a line here, in ends-registry.ts and in
// words-registry.ts (docs/design.md, "Adding a channel").
import type { Channel } from './channel.js';
import { named } from './named/index.js';
import { WIRINGS, type Wiring } from './names.js';
import { onePipe } from './one-pipe/index.js';
import { pipe1 } from './pipe1/index.js';
import { pipe1OpenEnds } from './pipe1-open-ends/index.js';
import { queue } from './queue/index.js';
import { queueOneType } from './queue-one-type/index.js';
import { shm } from './shm/index.js';
import { shmBusy } from './shm-busy/index.js';
import { mmap } from './mmap/index.js';
import { file } from './file/index.js';
import { socket } from './socket/index.js';
import { tcp } from './tcp/index.js';
import { threads } from './threads/index.js';
import { threadsBusy } from './threads-busy/index.js';
import { signal } from './signal/index.js';
import { signalNoAcks } from './signal-no-acks/index.js';
import { twoPipes } from './two-pipes/index.js';

export const CHANNELS: Record<Wiring, Channel> = {
  'two-pipes': twoPipes,
  'one-pipe': onePipe,
  pipe1,
  'pipe1-open-ends': pipe1OpenEnds,
  socket,
  named,
  queue,
  'queue-one-type': queueOneType,
  tcp,
  shm,
  'shm-busy': shmBusy,
  mmap,
  file,
  threads,
  'threads-busy': threadsBusy,
  signal,
  'signal-no-acks': signalNoAcks,
};

export function channelOf(wiring: Wiring): Channel {
  return CHANNELS[wiring];
}

/** Every channel, in the order F3 steps through them. */
export function allChannels(): Channel[] {
  return WIRINGS.map(channelOf);
}
