// Two threads sharing a variable, with waiting: the "child" is a second thread of the
// parent's own process (a Worker, started by ipc/child-thread.ts, running the child's
// conversation code), and the message is a variable both threads see (variable.ts): no
// kernel object carries it. A reader sleeps in Atomics.wait on its box's sequence number
// (a futex wait: /proc shows the thread in futex, using no CPU) until the writer's
// Atomics.notify. The parent's reader is its call thread, as on every channel. Every
// way out raises the stop word (`remove`), which wakes both readers; the Worker is ended
// by the link (its keyboard closed, then terminate()).
import { ownTid } from '../../kernel/thread-cpu.js';
import type { Proc } from '../../ipc/events.js';
import type { CallResult, ChannelEnds, ProcessCalls } from '../channel-ends.js';
import { boxOf } from '../shm/boxes.js';
import { boxesOf } from '../shm/ends.js';
import { newVariable, putAndNotify, stopAll, stopped, waitForMessage } from './variable.js';

export function waitSite(box: number): string {
  return `Atomics.wait(box ${box}.seq)`;
}

export function storeSite(box: number): string {
  return `box ${box} = line, notify`;
}

/** The variable handed to a thread: an error naming what is missing when it was not. */
export function variableOf(memory: SharedArrayBuffer | undefined): SharedArrayBuffer {
  if (!memory) throw new Error("the threads' calls need the shared variable");
  return memory;
}

function waitingCalls(proc: Proc, memory: SharedArrayBuffer): ProcessCalls {
  const { reads, writes } = boxesOf(proc);
  const writeBox = boxOf(memory, writes);
  const state = { lastCount: 0 };
  return {
    read: { fd: -1, on: waitSite(reads) },
    write: { fd: -1, on: storeSite(writes) },
    // Where the thread waits is V8's, not an fd or an id: the screen asks /proc about the thread itself.
    readInKernel: null,
    readInto: (buffer, note): CallResult => {
      if (stopped(memory)) return 'ECANCELED';
      note?.({ kind: 'waiting', tid: ownTid() ?? process.pid });
      const outcome = waitForMessage(memory, reads, buffer, state);
      if (outcome.torn > 0 || (outcome.kind === 'message' && outcome.lost > 0)) note?.({ kind: 'missed', lost: outcome.kind === 'message' ? outcome.lost : 0, torn: outcome.torn });
      return outcome.kind === 'message' ? outcome.length : 'ECANCELED';
    },
    writeFrom: (buffer, offset): CallResult => (stopped(memory) ? 'ECANCELED' : putAndNotify(writeBox, buffer.subarray(offset))),
  };
}

/** The variable, made in the UI thread; every way out raises its stop word. */
export function makeVariable(): ReturnType<ChannelEnds['make']> {
  const memory = newVariable();
  return Promise.resolve({
    pipes: [],
    parentRead: -1,
    parentWrite: -1,
    childStdio: ['ignore', 'ignore'],
    childArgs: [],
    memory,
    // Nothing outlives the process: what the way out must do is wake both readers.
    remove: () => stopAll(memory),
    shutdown: null,
    wakeFd: null,
    named: null,
  });
}

export const threadsEnds: ChannelEnds = {
  make: makeVariable,
  group: 'threads',
  childArgs: [],
  processCalls: (proc, _argv, _gate, memory) => Promise.resolve(waitingCalls(proc, variableOf(memory))),
  endsBlockedRead: 'a stop word and Atomics.notify',
  shared: false,
  hazards: { stolen: false, lost: true, torn: true },
  pipes: 0,
  pipesOption: null,
  toggleTo: 'threads-busy',
  raceOn: 'one-pipe',
  raceStreams: true,
  openToOthers: false,
  inProcess: true,
};
