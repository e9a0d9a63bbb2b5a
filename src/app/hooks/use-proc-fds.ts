// Reads both processes' fds from /proc when the fd panel opens and whenever a new
// child is forked or a call changes what the kernel holds; never on a timer. It reads
// /proc/sysvipc/msg and /proc/net/tcp with them, for a queue's line and a connection's.
// Where there is no /proc (macOS and the other BSDs) it does not try, and says so, so
// the panel can tell the user why it shows less.
import { useEffect, useState } from 'react';
import { platformSupport } from '../../environment.js';
import { readNetTcp, type TcpRow } from '../../kernel/proc-net-tcp.js';
import { readSysVTable, type SysVRow } from '../../kernel/proc-sysvipc.js';
import { readProcFds, type ProcFd } from './proc-fds.js';

export type FdReader = (pid: number) => ProcFd[] | null;

export interface ProcFdsSnapshot {
  parent: ProcFd[] | null;
  child: ProcFd[] | null;
  /** This system has no /proc (not Linux): only the link's own record can be shown. */
  noProc?: boolean;
  /** /proc/sysvipc/msg at the same moment (a queue's kernel view finds its line there). */
  sysvMsg?: SysVRow[];
  /** /proc/net/tcp at the same moment (a TCP connection's kernel view finds its lines there). */
  netTcp?: TcpRow[];
}

const HAS_PROC = platformSupport(process.platform) === 'full';

export function useProcFds(open: boolean, parentPid: number | null, childPid: number | null, refresh: unknown, reader: FdReader = readProcFds): ProcFdsSnapshot {
  const [snapshot, setSnapshot] = useState<ProcFdsSnapshot>({ parent: null, child: null, noProc: !HAS_PROC });
  useEffect(() => {
    if (!open || !HAS_PROC) return;
    setSnapshot({
      parent: parentPid === null ? null : reader(parentPid),
      child: childPid === null ? null : reader(childPid),
      sysvMsg: readSysVTable('msg'),
      netTcp: readNetTcp(),
    });
  }, [open, parentPid, childPid, refresh, reader]);
  return snapshot;
}
