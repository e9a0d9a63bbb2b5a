// The one table of channel names: how parent and child can be joined. Everything else
// about a channel (its kernel objects, its calls, its words, its drawing) is found
// through the registry by one of these names (ends-registry.ts, registry.ts).
export const WIRINGS = ['two-pipes', 'one-pipe', 'pipe1', 'pipe1-open-ends', 'socket', 'named', 'queue', 'queue-one-type', 'tcp', 'shm', 'shm-busy', 'mmap', 'file', 'threads', 'threads-busy', 'signal', 'signal-no-acks'] as const;
export type Wiring = (typeof WIRINGS)[number];
