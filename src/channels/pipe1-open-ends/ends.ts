// pipe1.c without its close() calls (see ../pipe1/ends.ts): both processes keep both ends,
// so the parent's own write end keeps end of file away and its last read() never returns.
import type { ChannelEnds } from '../channel-ends.js';
import { oneWayPipeEnds } from '../pipe1/ends.js';

export const pipe1OpenEndsEnds: ChannelEnds = oneWayPipeEnds(false, 'pipe1');
