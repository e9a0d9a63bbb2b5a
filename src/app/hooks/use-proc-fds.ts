// Reads both processes' fds from /proc when the fd panel opens and whenever a new
// child is forked or a call changes what the kernel holds; never on a timer. It reads
// /proc/sysvipc/{msg,shm,sem} and /proc/net/tcp with them, for a System V channel's lines
// and a connection's, each process's signal masks (/proc/PID/status and its threads'),
// each process's shared mappings from /proc/PID/maps, what the parent's own mapping
// holds, the channel's file as `cat` shows it, and, where the child is a thread of the
// parent's process, that process's threads. Where there is no /proc (macOS and the other
// BSDs) it does not try, and says so, so the panel can tell the user why it shows less.
import { useEffect, useState } from 'react';
import { platformSupport } from '../../environment.js';
import { readNetTcp, type TcpRow } from '../../kernel/proc-net-tcp.js';
import { readSysVTable, type SysVRow } from '../../kernel/proc-sysvipc.js';
import { readProcessSignals, type ProcessSignals } from '../../kernel/proc-signals.js';
import { SIGUSR1, SIGUSR2 } from '../../kernel/signals.js';
import { lookAtOwnMappings, type SharedLook } from '../../channels/shm/own-mapping.js';
import { lookAtFile, readMappedDirty, readProcFds, readSharedMaps, readTasks, type FileLook, type ProcFd, type TaskLook } from './proc-fds.js';

export type FdReader = (pid: number) => ProcFd[] | null;

export interface ProcFdsSnapshot {
  parent: ProcFd[] | null;
  child: ProcFd[] | null;
  /** This system has no /proc (not Linux): only the link's own record can be shown. */
  noProc?: boolean;
  /** /proc/sysvipc/msg at the same moment (a queue's kernel view finds its line there). */
  sysvMsg?: SysVRow[];
  sysvShm?: SysVRow[];
  sysvSem?: SysVRow[];
  /** Each process's lines of /proc/PID/maps for shared memory (System V segments and shared file mappings). */
  maps?: { parent: string[]; child: string[] };
  /** What the parent's own shared mappings hold now, by segment id (a mapped file: its inode). */
  shared?: Map<number, SharedLook>;
  /** Each process's dirty kB in its shared mappings of a pipe-chat file (/proc/PID/smaps), by the file's inode. */
  dirty?: { parent: Record<number, number>; child: Record<number, number> };
  /** /proc/net/tcp at the same moment (a TCP connection's kernel view finds its lines there). */
  netTcp?: TcpRow[];
  /** The channel's file at the same moment, as `cat` shows it (the shared file: its lines), where its path is a regular file. */
  file?: FileLook | null;
  /** The threads of the one process, when the child is a thread of the parent's (threads): /proc/PID/task/*. */
  tasks?: TaskLook[];
  /** Each process's signals (/proc/PID/status), with the threads that block SIGUSR1 and SIGUSR2 (the signal channel's waiting threads). */
  signals?: { parent: ProcessSignals | null; child: ProcessSignals | null };
}

const HAS_PROC = platformSupport(process.platform) === 'full';

export function useProcFds(open: boolean, parentPid: number | null, childPid: number | null, path: string | null, refresh: unknown, reader: FdReader = readProcFds): ProcFdsSnapshot {
  const [snapshot, setSnapshot] = useState<ProcFdsSnapshot>({ parent: null, child: null, noProc: !HAS_PROC });
  useEffect(() => {
    if (!open || !HAS_PROC) return;
    setSnapshot({
      parent: parentPid === null ? null : reader(parentPid),
      child: childPid === null ? null : reader(childPid),
      sysvMsg: readSysVTable('msg'),
      sysvShm: readSysVTable('shm'),
      sysvSem: readSysVTable('sem'),
      maps: { parent: parentPid === null ? [] : readSharedMaps(parentPid), child: childPid === null ? [] : readSharedMaps(childPid) },
      shared: lookAtOwnMappings(),
      dirty: { parent: parentPid === null ? {} : readMappedDirty(parentPid), child: childPid === null ? {} : readMappedDirty(childPid) },
      netTcp: readNetTcp(),
      file: path === null ? null : lookAtFile(path),
      tasks: parentPid !== null && parentPid === childPid ? readTasks(parentPid) : [],
      signals: {
        parent: parentPid === null ? null : readProcessSignals(parentPid, [SIGUSR1, SIGUSR2]),
        child: childPid === null ? null : readProcessSignals(childPid, [SIGUSR1, SIGUSR2]),
      },
    });
  }, [open, parentPid, childPid, path, refresh, reader]);
  return snapshot;
}
