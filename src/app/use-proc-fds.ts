// Reads both processes' fds from /proc when the fd panel opens and whenever a new
// child is forked; never on a timer.
import { useEffect, useState } from 'react';
import { readProcFds, type ProcFd } from './proc-fds.js';

export type FdReader = (pid: number) => ProcFd[] | null;

export interface ProcFdsSnapshot {
  parent: ProcFd[] | null;
  child: ProcFd[] | null;
}

export function useProcFds(open: boolean, parentPid: number | null, childPid: number | null, refresh: unknown, reader: FdReader = readProcFds): ProcFdsSnapshot {
  const [snapshot, setSnapshot] = useState<ProcFdsSnapshot>({ parent: null, child: null });
  useEffect(() => {
    if (!open) return;
    setSnapshot({
      parent: parentPid === null ? null : reader(parentPid),
      child: childPid === null ? null : reader(childPid),
    });
  }, [open, parentPid, childPid, refresh, reader]);
  return snapshot;
}
