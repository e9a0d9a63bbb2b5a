// The kernel objects of a link, made before the child is forked: which wiring gets which
// ends, each end its own open file description (O_NONBLOCK lives there). Two pipes: each
// process keeps only the ends it uses. One pipe, or a named one: both hold both ends,
// like the textbook's fds[0] and fds[1]. A socket: the fork makes it.
import fs from 'node:fs';
import type { Wiring } from './events.js';
import { openKernelPipes, openNamedPipe, type EndKind, type NamedPipe } from './kernel-pipe.js';

export interface PipeDescription {
  name: 'child-to-parent' | 'parent-to-child' | 'shared';
  inode: number;
}

export interface Wires {
  pipes: PipeDescription[];
  /** The parent's fds; -1 on a socket, whose end exists only once the fork has made it. */
  parentRead: number;
  parentWrite: number;
  /** What the child gets at fds 3 and 4: our fds (closed here once forked), or the fork's own socketpair. */
  childStdio: [number | 'pipe', number | 'ignore'];
  named: NamedPipe | null;
}

const SHARED: EndKind[] = ['read-blocking', 'write-blocking', 'read-blocking', 'write-blocking'];

export async function wire(wiring: Wiring): Promise<Wires> {
  if (wiring === 'socket') return { pipes: [], parentRead: -1, parentWrite: -1, childStdio: ['pipe', 'ignore'], named: null };
  if (wiring === 'named') {
    // A fifth end, a non-blocking write end only for close(): its bytes end our own read.
    const named = await openNamedPipe([...SHARED, 'write-nonblocking']);
    const [parentRead, parentWrite, childRead, childWrite] = named.fds as [number, number, number, number];
    return { pipes: [{ name: 'shared', inode: named.inode }], parentRead, parentWrite, childStdio: [childRead, childWrite], named };
  }
  if (wiring === 'two-pipes') {
    const [up, down] = (await openKernelPipes([
      ['read-blocking', 'write-blocking'],
      ['write-blocking', 'read-blocking'],
    ])) as [{ inode: number; fds: number[] }, { inode: number; fds: number[] }];
    const [parentRead, childWrite] = up.fds as [number, number];
    const [parentWrite, childRead] = down.fds as [number, number];
    const pipes: PipeDescription[] = [
      { name: 'child-to-parent', inode: up.inode },
      { name: 'parent-to-child', inode: down.inode },
    ];
    return { pipes, parentRead, parentWrite, childStdio: [childRead, childWrite], named: null };
  }
  const [pipe] = await openKernelPipes([SHARED]);
  const [parentRead, parentWrite, childRead, childWrite] = pipe?.fds as [number, number, number, number];
  return { pipes: [{ name: 'shared', inode: pipe?.inode ?? 0 }], parentRead, parentWrite, childStdio: [childRead, childWrite], named: null };
}

/** The child has its own copies once forked: ours would keep the pipe alive. */
export function closeChildCopies(wires: Wires): void {
  for (const fd of wires.childStdio) if (typeof fd === 'number') fs.closeSync(fd);
}

/** Every fd of the parent's, when the fork failed. */
export function closeParentEnds(wires: Wires): void {
  for (const fd of [wires.parentRead, wires.parentWrite, wires.named?.fds[4] ?? -1]) if (fd >= 0) fs.closeSync(fd);
  wires.named?.remove();
}
