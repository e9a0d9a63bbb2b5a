// A memory-mapped file (the chapter's mmap/msync/munmap): the boxes of `shm` in a file
// on disk instead of a System V segment, mapped MAP_SHARED by both processes (the page
// cache is the file: `cat` of it shows the last message), and the same semaphores around
// each copy. The writer calls msync(MS_SYNC) after each copy in, so the file on disk
// holds the line as the textbook says it is written back. The child gets the file as
// its fd 3 and maps it there; the parent's call thread views the parent's own mapping
// (its address in the arguments). Every way out removes the semaphore set (a semop
// waiting in it returns EIDRM) and the file and its directory; the parent unmaps its
// view once its calls have returned.
import fs from 'node:fs';
import { loadLibc } from '../../kernel/libc.js';
import { CHILD_FDS } from '../../ipc/child-protocol.js';
import { numberArg, type ChannelEnds } from '../channel-ends.js';
import { SEGMENT_BYTES } from '../shm/boxes.js';
import { ownAddress, parentAddressArgs, viewOwnMapping, waitingCalls } from '../shm/ends.js';
import { forgetMapping, rememberMapping } from '../shm/own-mapping.js';
import { makeSemaphores, sweepLeftovers } from '../shm/segment.js';
import { removeQuietly } from '../../kernel/sysv.js';
import { makeCacheFile, removeCacheFile } from '../cache-file.js';
import { MAPPED_FILE } from './mapped-file.js';
import { notMade } from '../../i18n/problems.js';

export const mmapEnds: ChannelEnds = {
  async make() {
    const libc = await loadLibc();
    const { sysv } = libc;
    sweepLeftovers(sysv);
    const file = makeCacheFile(MAPPED_FILE, SEGMENT_BYTES, libc.ftruncate);
    let semid: number;
    let mapped: ReturnType<typeof libc.mapShared>;
    try {
      semid = makeSemaphores(sysv);
      try {
        mapped = libc.mapShared(file.fd, SEGMENT_BYTES);
      } catch (error) {
        removeQuietly(sysv, 'sem', semid);
        throw error;
      }
    } catch (error) {
      fs.closeSync(file.fd);
      removeCacheFile(MAPPED_FILE, file.dir);
      throw notMade('mapped-file', error);
    }
    let removed = false;
    rememberMapping(file.inode, { memory: mapped.memory, semid, sysv });
    return {
      pipes: [],
      parentRead: -1,
      parentWrite: -1,
      childStdio: [file.fd, 'ignore'],
      childArgs: ['--sem', String(semid), '--map-bytes', String(SEGMENT_BYTES)],
      parentArgs: parentAddressArgs(mapped.address),
      remove: () => {
        if (removed) return;
        removed = true;
        removeQuietly(sysv, 'sem', semid);
        forgetMapping(file.inode);
        removeCacheFile(MAPPED_FILE, file.dir);
      },
      // The pages leave this process only once its calls, which use them, have returned.
      release: () => {
        try {
          mapped.unmap();
        } catch {
          // unmapped already
        }
      },
      shutdown: null,
      wakeFd: null,
      named: null,
      mappedPath: file.path,
    };
  },
  group: 'sysv',
  childArgs: [],
  processCalls: async (proc, argv) => {
    const libc = await loadLibc();
    const semid = numberArg(argv, '--sem');
    const bytes = numberArg(argv, '--map-bytes');
    if (proc === 'parent') {
      const address = ownAddress(argv);
      return waitingCalls(proc, libc.sysv, semid, viewOwnMapping(libc.sysv, argv, bytes), () => libc.msyncAt(address, bytes));
    }
    const mapped = libc.mapShared(CHILD_FDS.read, bytes);
    return waitingCalls(proc, libc.sysv, semid, mapped.memory, () => mapped.msync());
  },
  endsBlockedRead: 'IPC_RMID (EIDRM)',
  shared: false,
  hazards: { stolen: false, lost: false, torn: false },
  pipes: 0,
  pipesOption: null,
  toggleTo: 'shm',
  raceOn: 'one-pipe',
  // A file others of this user could open by its path (cat, xxd), but nobody holds it as a pipe end.
  openToOthers: false,
};
