// A System V message queue (the chapter's msgget/msgsnd/msgrcv): one kernel object, both
// directions, kept apart by the message's type. The parent makes it before the fork with
// a key that names its PID (kernel/sysv.ts ourKey, IPC_CREAT|IPC_EXCL, 0600) so that a
// later run can tell it from a crashed run's, and the child finds it by the id in its
// arguments. Each process waits in msgrcv for its own type on the thread that makes the
// call: the child's main thread, as the C child, and the parent's call thread. A blocked
// msgrcv can only be ended by a message or by removing the queue: every way out removes
// it (IPC_RMID) and the read returns EIDRM. `queueEnds(types)` is shared by `queue` (child
// sends 1 and receives 2) and `queue-one-type` (both use type 1).
import { loadLibc } from '../../kernel/libc.js';
import { findLeftovers, removeLeftovers } from '../../kernel/leftovers.js';
import { kernelLimit } from '../../kernel/proc-sysvipc.js';
import { IPC_CREAT, IPC_EXCL, KEY_SLOTS, ourKey, removeQuietly, type SysV } from '../../kernel/sysv.js';
import { errnoCode } from '../../ipc/events.js';
import type { CallResult, ChannelEnds, ProcessCalls } from '../channel-ends.js';
import type { Proc } from '../../ipc/events.js';
import type { Wiring } from '../names.js';
import { notMade } from '../../i18n/problems.js';

/** The message types each process sends and receives. */
export interface QueueTypes {
  childSends: number;
  parentSends: number;
}

/** At most this many leftovers of dead runs are removed at start: a start never waits on a long sweep. */
const SWEEP_LIMIT = 32;

/** msgsnd's EINVAL for a message larger than msgmax, with the limit the kernel applied. */
function sendError(error: unknown, length: number): string {
  const code = errnoCode(error);
  const msgmax = kernelLimit('msgmax');
  return code === 'EINVAL' && msgmax !== null && length > msgmax ? `EINVAL: larger than msgmax ${msgmax}` : code;
}

export function receiveCall(id: number, type: number): string {
  return `msgrcv(queue ${id}, type ${type})`;
}

export function sendCall(id: number, type: number): string {
  return `msgsnd(queue ${id}, type ${type})`;
}

/** A new queue of ours: the first free slot of our PID's keys. */
function makeQueue(sysv: SysV): number {
  for (let slot = 0; ; slot++) {
    try {
      return sysv.msgget(ourKey(process.pid, slot), IPC_CREAT | IPC_EXCL | 0o600);
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST' || slot === KEY_SLOTS - 1) throw error;
    }
  }
}

/** What each process sends and receives: the child the types it is told, the parent the others. */
function typesOf(proc: Proc, types: QueueTypes): { receives: number; sends: number } {
  return proc === 'child' ? { receives: types.parentSends, sends: types.childSends } : { receives: types.childSends, sends: types.parentSends };
}

/** msgrcv and msgsnd on the queue whose id the arguments carry, blocking the calling thread. */
async function processCalls(proc: Proc, argv: readonly string[], types: QueueTypes): Promise<ProcessCalls> {
  const id = Number(argv[argv.indexOf('--queue') + 1]);
  if (!argv.includes('--queue') || !Number.isInteger(id) || id < 0) throw new Error("the queue's calls need --queue ID");
  const { sysv } = await loadLibc();
  const { receives, sends } = typesOf(proc, types);
  return {
    read: { fd: -1, on: receiveCall(id, receives) },
    write: { fd: -1, on: sendCall(id, sends) },
    readInKernel: { call: 'msgrcv', arg: id },
    readInto: (buffer): CallResult => {
      try {
        return sysv.msgrcv(id, receives, buffer.length, 0).text.copy(buffer);
      } catch (error) {
        return errnoCode(error);
      }
    },
    writeFrom: (buffer, offset): CallResult => {
      const text = buffer.subarray(offset);
      try {
        sysv.msgsnd(id, sends, text, 0);
        return text.length;
      } catch (error) {
        return sendError(error, text.length);
      }
    },
  };
}

export function queueEnds(types: QueueTypes, own: Omit<ChannelEnds, 'group' | 'make' | 'childArgs' | 'processCalls' | 'endsBlockedRead' | 'pipes' | 'pipesOption' | 'openToOthers'> & { toggleTo: Wiring }): ChannelEnds {
  return {
    async make() {
      const { sysv } = await loadLibc();
      // A crashed run's queues (its key names a PID that is gone) go first, a bounded number.
      removeLeftovers(sysv, findLeftovers().slice(0, SWEEP_LIMIT));
      let id: number;
      try {
        id = makeQueue(sysv);
      } catch (error) {
        throw notMade('message-queue', error);
      }
      let removed = false;
      return {
        pipes: [],
        parentRead: -1,
        parentWrite: -1,
        childStdio: ['ignore', 'ignore'],
        childArgs: ['--queue', String(id)],
        remove: () => {
          if (removed) return;
          removed = true;
          removeQuietly(sysv, 'msg', id);
        },
        shutdown: null,
        wakeFd: null,
        named: null,
      };
    },
    group: 'sysv',
    childArgs: [],
    processCalls: (proc, argv) => processCalls(proc, argv, types),
    endsBlockedRead: 'IPC_RMID (EIDRM)',
    pipes: 0,
    pipesOption: null,
    openToOthers: false,
    ...own,
  };
}

export const queueTypes: QueueTypes = { childSends: 1, parentSends: 2 };

export const queueChannelEnds: ChannelEnds = queueEnds(queueTypes, {
  shared: false,
  hazards: { stolen: false, lost: false, torn: false },
  toggleTo: 'queue-one-type',
  raceOn: 'queue-one-type',
});
