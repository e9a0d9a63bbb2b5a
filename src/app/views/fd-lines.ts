// The fd panel: what each process holds open, from /proc when the kernel lets us
// read it (Linux), else from what the link knows. Both processes' pipe fds come first,
// named by the pipe they belong to, then one line each for the other fds; the summary
// says whether both processes hold both ends. When the panel is short it scrolls from the
// top (↓ shows what is below, ↑ what is above, as in the trace), with a mark when lines are
// above or below.
import type { FdInfo, Proc } from '../../ipc/events.js';
import type { ConversationState } from '../state/model.js';
import { fitLine, framed, seg, type Line } from '../../text/styled-lines.js';
import type { ProcFd } from '../hooks/proc-fds.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import type { ProcFdsSnapshot } from '../hooks/use-proc-fds.js';
import type { Ui } from './phrases.js';

function accessWords(t: Ui, access: ProcFd['access']): string {
  return access === 'read' ? t.fds.read : access === 'write' ? t.fds.write : access === 'read-write' ? t.fds.readWrite : '';
}

/** A process's header and its pipe fds: the lines that matter, kept together at the top. */
function pipeBlock(t: Ui, state: ConversationState, proc: Proc, fromProc: ProcFd[] | null, inner: number, noProc: boolean): Line[] {
  const session = state.session;
  const p = session?.[proc];
  const pid = p?.pid === null || p?.pid === undefined ? t.pidUnknown : String(p.pid);
  const pipeName = (inode: number | null) => session?.pipes.find((x) => x.inode === inode)?.name ?? null;
  const lines: Line[] = [[seg(t.paneTitle(t.proc[proc], pid), proc), seg('  '), seg(fromProc ? t.fds.fromProc(pid) : noProc ? t.fds.noProc : t.fds.fromLink, 'dim')]];
  if (fromProc) {
    for (const f of fromProc.filter((x) => pipeName(x.inode) !== null)) {
      // Access and identity first: a narrow panel cuts the path, not the facts.
      lines.push(
        fitLine(
          [
            seg(`  fd ${f.fd}`, 'title'),
            seg(f.access ? `  ${accessWords(t, f.access)}` : '', 'warn'),
            seg(f.nonblock ? ` ${t.fds.nonblock}` : '', 'dim'),
            seg(`  inode ${f.inode}`, 'accent'),
            seg(`  [${pipeName(f.inode)}]`, 'accent'),
            seg(' → '),
            seg(sanitizeForDisplay(f.target), 'dim'),
          ],
          inner,
        ),
      );
    }
  } else {
    for (const f of (p?.fds ?? []) as FdInfo[]) {
      lines.push(fitLine([seg(`  fd ${f.fd}`, 'title'), seg(`  ${f.end === 'read' ? t.fds.read : t.fds.write}`, 'warn'), seg(`  inode ${f.inode}`, 'accent'), seg(`  [${pipeName(f.inode) ?? '?'}]`, 'accent')], inner));
    }
  }
  return lines;
}

/** The rest of a process's fds on one line: the standard three, and how many more. */
function otherFdsLine(t: Ui, state: ConversationState, proc: Proc, fromProc: ProcFd[] | null, inner: number): Line[] {
  if (!fromProc) return [];
  const pipeInodes = new Set(state.session?.pipes.map((x) => x.inode) ?? []);
  const others = fromProc.filter((f) => f.inode === null || !pipeInodes.has(f.inode));
  if (others.length === 0) return [];
  const standard = others.filter((f) => f.fd <= 2).map((f) => `fd ${f.fd} → ${sanitizeForDisplay(f.target)}`);
  const more = others.length - standard.length;
  return [fitLine([seg(`  ${t.procLower[proc]}: `, proc), seg(standard.join(', '), 'dim'), seg(more > 0 ? `  ${t.fds.other(more)}` : '', 'dim')], inner)];
}

export function fdLines(t: Ui, state: ConversationState, snapshot: ProcFdsSnapshot, width: number, height: number, scroll = 0): Line[] {
  const inner = width - 2;
  const session = state.session;
  const summary: Line[] = [];
  if (session && session.pipes.length > 0) {
    // Both ends in both processes: one pipe shared by design, or one whose unused ends were never closed (pipe1-open-ends).
    const holdsBoth = (p: Proc, inode: number) => (['read', 'write'] as const).every((end) => session[p].fds.some((f) => f.inode === inode && f.end === end));
    const shared = session.pipes.find((x) => x.name === 'shared' || (['parent', 'child'] as const).every((p) => holdsBoth(p, x.inode)));
    if (shared) summary.push([seg(t.fds.shared(shared.inode), 'danger')]);
    else summary.push([seg(t.fds.separate, 'ok')]);
  }
  const body = [
    ...summary,
    ...pipeBlock(t, state, 'parent', snapshot.parent, inner, snapshot.noProc === true),
    ...pipeBlock(t, state, 'child', snapshot.child, inner, snapshot.noProc === true),
    ...otherFdsLine(t, state, 'parent', snapshot.parent, inner),
    ...otherFdsLine(t, state, 'child', snapshot.child, inner),
  ];
  // Keep the top (the summary and the pipe fds) when short of rows; ↓ scrolls to the rest.
  const rows = Math.max(0, height - 2);
  const at = Math.max(0, Math.min(scroll, body.length - rows));
  const shown = body.slice(at, at + rows);
  if (rows > 2 && at + rows < body.length) shown[rows - 1] = fitLine([seg(t.fds.moreBelow, 'accent')], inner);
  if (rows > 2 && at > 0) shown[0] = fitLine([seg(t.fds.moreAbove, 'accent')], inner);
  return framed([seg(t.fds.title, 'title')], shown, width, height);
}
