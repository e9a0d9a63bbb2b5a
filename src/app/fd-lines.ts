// The fd panel: what each process holds open, from /proc when the kernel lets us
// read it (Linux), else from what the link knows. The pipe fds come first, named by
// the pipe they belong to; the summary says whether both processes hold both ends.
import type { FdInfo, Proc } from '../ipc/events.js';
import type { ConversationState } from './conversation-reducer.js';
import { fitLine, framed, seg, type Line } from './lines.js';
import type { ProcFd } from './proc-fds.js';
import { sanitizeForDisplay } from './sanitize.js';
import type { Ui } from './words.js';

function accessWords(t: Ui, access: ProcFd['access']): string {
  return access === 'read' ? t.fds.read : access === 'write' ? t.fds.write : access === 'read-write' ? t.fds.readWrite : '';
}

function procBlock(t: Ui, state: ConversationState, proc: Proc, fromProc: ProcFd[] | null, inner: number): Line[] {
  const session = state.session;
  const p = session?.[proc];
  const pid = p?.pid === null || p?.pid === undefined ? t.pidUnknown : String(p.pid);
  const pipeInodes = new Set(session?.pipes.map((x) => x.inode) ?? []);
  const pipeName = (inode: number | null) => session?.pipes.find((x) => x.inode === inode)?.name ?? null;
  const lines: Line[] = [[seg(t.paneTitle(t.proc[proc], pid), proc), seg('  '), seg(fromProc ? t.fds.fromProc(pid) : t.fds.fromLink, 'dim')]];
  if (fromProc) {
    const isPipe = (f: ProcFd) => f.inode !== null && pipeInodes.has(f.inode);
    const shown = proc === 'child' ? fromProc : fromProc.filter((f) => isPipe(f) || f.fd <= 2);
    for (const f of shown) {
      const name = pipeName(f.inode);
      lines.push(
        fitLine(
          [
            seg(`  fd ${f.fd}`, name ? 'title' : 'plain'),
            seg(' → '),
            seg(sanitizeForDisplay(f.target), 'dim'),
            seg(f.inode !== null ? `  inode ${f.inode}` : '', name ? 'accent' : 'dim'),
            seg(f.access ? `  ${accessWords(t, f.access)}` : '', name ? 'warn' : 'dim'),
            seg(f.nonblock ? ` ${t.fds.nonblock}` : '', 'dim'),
            seg(name ? `  [${name}]` : '', 'accent'),
          ],
          inner,
        ),
      );
    }
    const hidden = fromProc.length - shown.length;
    if (hidden > 0) lines.push([seg(`  ${t.fds.other(hidden)}`, 'dim')]);
  } else {
    for (const f of (p?.fds ?? []) as FdInfo[]) {
      lines.push(fitLine([seg(`  fd ${f.fd}`, 'title'), seg(`  inode ${f.inode}`, 'accent'), seg(`  ${f.end === 'read' ? t.fds.read : t.fds.write}`, 'warn'), seg(`  [${pipeName(f.inode) ?? '?'}]`, 'accent')], inner));
    }
  }
  return lines;
}

export function fdLines(t: Ui, state: ConversationState, snapshot: { parent: ProcFd[] | null; child: ProcFd[] | null }, width: number, height: number): Line[] {
  const inner = width - 2;
  const session = state.session;
  const summary: Line[] = [];
  if (session && session.pipes.length > 0) {
    if (session.mode === 'one' && session.pipes[0]) summary.push([seg(t.fds.shared(session.pipes[0].inode), 'danger')]);
    else summary.push([seg(t.fds.separate, 'ok')]);
  }
  const body = [...summary, ...procBlock(t, state, 'parent', snapshot.parent, inner), ...procBlock(t, state, 'child', snapshot.child, inner)];
  // Keep the top (the summary and the pipe fds) when short of rows: cut from the bottom.
  return framed([seg(t.fds.title, 'title')], body.slice(0, Math.max(0, height - 2)), width, height);
}
