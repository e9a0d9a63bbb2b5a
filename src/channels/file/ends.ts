// A shared file, without waiting: com.txt (com-file.ts) in a private directory of the
// cache directory, one line per direction. A writer pwrite(2)s its line and goes on; a
// reader has no call that waits for a line to come, so it pread(2)s the line's head again
// and again (../spinning-reader.ts) on the thread that makes its calls: the child's main
// thread, and the parent's call thread (never the UI thread). /proc shows that thread
// running, strace shows it in pread64 after pread64, and the screen says BUSY WAITING with
// its CPU; after SPIN_LIMIT_MS without a message it stops and waits at its gate until a key.
// The child gets the file as its fd 3 (the C child inherits the fd its parent opened); the
// parent reads and writes a second fd on the same open file description (dup), which it
// closes once its calls have returned. Every way out (close, the child's death, exit)
// removes the file and its directory; the parent's spinning read ends at its closed gate.
import fs from 'node:fs';
import { CHILD_FDS } from '../../ipc/child-protocol.js';
import type { Proc } from '../../ipc/events.js';
import { loadLibc } from '../../kernel/libc.js';
import { makeCacheFile, removeCacheFile } from '../cache-file.js';
import { NO_GATE, type ChannelEnds, type Gate, type ProcessCalls } from '../channel-ends.js';
import { spinLimitArgs, spinLimitOf, spinningRead } from '../spinning-reader.js';
import { COM_FILE, FILE_BYTES, slotSource, slotWriter, type Slot } from './com-file.js';

const PARENT_FD = '--fd';

/** The slot each process reads and the one it writes: the child writes slot 0 (child→parent), the parent slot 1. */
function slotsOf(proc: Proc): { reads: Slot; writes: Slot } {
  return proc === 'parent' ? { reads: 0, writes: 1 } : { reads: 1, writes: 0 };
}

/** A process's reader, spinning on pread on the thread that calls it, and its writer, one pwrite that never waits. */
function fileCalls(proc: Proc, fd: number, gate: Gate, limitMs: number): ProcessCalls {
  const { reads, writes } = slotsOf(proc);
  return {
    // The offsets (each slot's) are the kernel view's: a pane's state line must fit its CPU.
    read: { fd, on: `pread(fd ${fd})` },
    write: { fd, on: `pwrite(fd ${fd})` },
    readInKernel: null,
    readInto: spinningRead(slotSource(fd, reads), gate, limitMs),
    writeFrom: slotWriter(fd, writes),
  };
}

export const fileEnds: ChannelEnds = {
  async make() {
    const libc = await loadLibc();
    const file = makeCacheFile(COM_FILE, FILE_BYTES, libc.ftruncate);
    let parentFd: number;
    try {
      parentFd = libc.dup(file.fd);
    } catch (error) {
      fs.closeSync(file.fd);
      removeCacheFile(COM_FILE, file.dir);
      throw error;
    }
    let removed = false;
    let released = false;
    return {
      pipes: [],
      parentRead: -1,
      parentWrite: -1,
      childStdio: [file.fd, 'ignore'],
      childArgs: spinLimitArgs(),
      parentArgs: [PARENT_FD, String(parentFd)],
      // The name goes at once; the file itself once the last fd on it is closed.
      remove: () => {
        if (removed) return;
        removed = true;
        removeCacheFile(COM_FILE, file.dir);
      },
      // Closed only once the parent's calls, which pread and pwrite it, have returned: closed
      // earlier, its number could be given to another file while the reader still spins on it.
      release: () => {
        if (released) return;
        released = true;
        fs.closeSync(parentFd);
      },
      shutdown: null,
      wakeFd: null,
      named: null,
      mappedPath: file.path,
    };
  },
  group: 'files',
  childArgs: [],
  processCalls: async (proc, argv, gate = NO_GATE) => {
    const fd = proc === 'child' ? CHILD_FDS.read : Number(argv[argv.indexOf(PARENT_FD) + 1]);
    if (!Number.isInteger(fd) || fd < 0) throw new Error(`the parent's calls need ${PARENT_FD} N`);
    return fileCalls(proc, fd, gate, spinLimitOf(argv));
  },
  endsBlockedRead: 'a stop flag it checks',
  shared: false,
  hazards: { stolen: false, lost: true, torn: true },
  pipes: 0,
  pipesOption: null,
  toggleTo: 'two-pipes',
  raceOn: 'one-pipe',
  raceStreams: true,
  // A file others of this user could open by its path (cat), but nobody holds it as a pipe end.
  openToOthers: false,
};
