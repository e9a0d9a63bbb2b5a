// A memory-mapped file (the chapter's mmap/msync/munmap): the boxes of `shm` in a file
// on disk instead of a System V segment, mapped MAP_SHARED by both processes (the page
// cache is the file: `cat` of it shows the last message), and the same semaphores around
// each copy. The writer calls msync(MS_SYNC) after each copy in, so the file on disk
// holds the line as the textbook says it is written back. The child gets the file as
// its fd 3 and maps it there. Every way out removes the semaphore set (a semop waiting
// in it returns EIDRM), unmaps the parent's view and removes the file and its directory.
import fs from 'node:fs';
import { loadLibc } from '../../kernel/libc.js';
import { CHILD_FDS } from '../../ipc/child-protocol.js';
import type { ChannelEnds } from '../channel-ends.js';
import { boxOf, DOWN, SEGMENT_BYTES, UP } from '../shm/boxes.js';
import { guardedCalls, waitingChildCalls, waitingParentCalls } from '../shm/ends.js';
import { forgetMapping, noteMsync, rememberMapping } from '../shm/own-mapping.js';
import { makeSemaphores, removeQuietly, sweepLeftovers } from '../shm/segment.js';
import { makeMappedFile, removeMappedFile } from './mapped-file.js';

export const mmapEnds: ChannelEnds = {
  async make() {
    const libc = await loadLibc();
    const { sysv } = libc;
    sweepLeftovers(sysv);
    const file = makeMappedFile(libc.ftruncate);
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
      removeMappedFile(file.dir);
      throw new Error(`could not map a file: ${error instanceof Error ? error.message : String(error)}`);
    }
    let isMapped = true;
    rememberMapping(file.inode, { memory: mapped.memory, semid, sysv, msyncedAt: null });
    const msync = (): void => {
      mapped.msync();
      noteMsync(file.inode);
    };
    return {
      pipes: [],
      parentRead: -1,
      parentWrite: -1,
      calls: waitingParentCalls(sysv, semid, mapped.memory, () => isMapped, msync),
      childStdio: [file.fd, 'ignore'],
      childArgs: ['--sem', String(semid), '--map-bytes', String(SEGMENT_BYTES)],
      remove: () => {
        if (!isMapped) return;
        isMapped = false;
        removeQuietly(sysv, 'sem', semid);
        forgetMapping(file.inode);
        try {
          mapped.unmap();
        } catch {
          // unmapped already
        }
        removeMappedFile(file.dir);
      },
      shutdown: null,
      wakeFd: null,
      named: null,
      mappedPath: file.path,
    };
  },
  group: 'sysv',
  childArgs: [],
  childCalls: async (argv) => {
    const libc = await loadLibc();
    const arg = (name: string): number => {
      const n = Number(argv[argv.indexOf(name) + 1]);
      if (!argv.includes(name) || !Number.isInteger(n) || n < 0) throw new Error(`the child needs ${name} N`);
      return n;
    };
    const mapped = libc.mapShared(CHILD_FDS.read, arg('--map-bytes'));
    return waitingChildCalls(libc.sysv, arg('--sem'), boxOf(mapped.memory, DOWN), boxOf(mapped.memory, UP), () => mapped.msync());
  },
  calls: guardedCalls('map', ' msync(map, SIZE, MS_SYNC);'),
  poolThreads: 2,
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
