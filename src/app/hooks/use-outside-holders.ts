// Other processes can open a named pipe, or an anonymous pipe through /proc/PID/fd, and
// the kernel tells nobody: only /proc knows. While the named wiring is on, or while a
// process of ours waits beside bytes of ours nobody of ours read (outside-takers.ts), this
// looks once a second (never more: a scan of every process costs a few ms; in the second
// case the first look a second later, after the reader's report has had time to come)
// and keeps, for each outside holder, its rchar and wchar when it was first seen, so a
// view can say how many bytes it has read or written since. Otherwise nothing runs. The
// state changes only when the holders or their counts do.
import { useEffect, useState } from 'react';
import type { FifoHolder } from '../../ipc/fifo-holders.js';
import type { OutsideHolder } from '../state/model.js';

const LOOK_EVERY_MS = 1000;

export type HolderLook = () => FifoHolder[];

/** The holders now; `seen` hears each change (the reducer marks what one of them took). */
export function useOutsideHolders(active: boolean, sessionKey: string, look: HolderLook, seen: (holders: OutsideHolder[]) => void, firstLookAtOnce = true): OutsideHolder[] {
  const [holders, setHolders] = useState<OutsideHolder[]>([]);
  useEffect(() => {
    setHolders([]);
    if (!active) return;
    const first = new Map<number, { rchar: number; wchar: number }>();
    let shown = '';
    const scan = (): void => {
      const now = look().map((h): OutsideHolder => {
        const base = first.get(h.pid) ?? { rchar: h.rchar ?? 0, wchar: h.wchar ?? 0 };
        first.set(h.pid, base);
        return { ...h, readSince: Math.max(0, (h.rchar ?? 0) - base.rchar), wroteSince: Math.max(0, (h.wchar ?? 0) - base.wchar) };
      });
      const key = JSON.stringify(now.map((h) => [h.pid, h.readSince, h.wroteSince, h.fds]));
      if (key !== shown) {
        shown = key;
        setHolders(now);
      }
      // Every look, changed or not: what the holders mean can depend on how long our processes have waited (a reader gone since).
      seen(now);
    };
    if (firstLookAtOnce) scan();
    const timer = setInterval(scan, LOOK_EVERY_MS);
    return () => clearInterval(timer);
  }, [active, sessionKey, look, seen, firstLookAtOnce]);
  return holders;
}
