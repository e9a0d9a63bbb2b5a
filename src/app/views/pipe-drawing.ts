// The pipes between the two panes, drawn from what the kernel objects really are:
// two pipes, each with its direction and the real fd at each end; or ONE pipe that
// both processes write into and both read from. Under each pipe: the bytes written
// and not yet read (with a preview that shows the writer's tag, e.g. "C1:") and the
// last message that left it, with who wrote it and who actually read it.
import type { FdInfo, Proc } from '../../ipc/events.js';
import type { ConversationState } from '../state/model.js';
import { pipeViews, type PipeView } from '../state/pipes.js';
import { fitLine, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { centreInWidth, fitToWidth, truncateToWidth, widthOf, wrapToWidth } from '../../text/text-width.js';
import type { Tone } from '../../text/theme.js';
import { shortRouteWords, type Ui } from './phrases.js';

/**
 * A line and how readily it is dropped when the column is short (higher goes first).
 * Rows of one wrapped phrase share a group and go together, never leaving half a sentence.
 */
type Row = { line: Line; drop: number; group?: string };

function fdOf(fds: FdInfo[], inode: number, end: 'read' | 'write'): number | null {
  return fds.find((f) => f.inode === inode && f.end === end)?.fd ?? null;
}

function fdLabel(t: Ui, fd: number | null): string {
  return fd === null ? '?' : t.pipes.fd(fd);
}

function preview(bytes: Buffer, width: number): string {
  const text = sanitizeForDisplay(bytes.subarray(0, 400).toString('utf8'));
  return truncateToWidth(`"${text}`, width - 1) + '"';
}

/** left label, a horizontal run, right label: exactly `width` cells. */
function arrowRow(left: string, right: string, width: number, head: 'left' | 'right', tone: Tone): Line {
  const room = width - widthOf(left) - widthOf(right) - 2;
  const shaft = '━'.repeat(Math.max(1, room - 1));
  const arrow = head === 'left' ? `◀${shaft}` : `${shaft}▶`;
  return fitLine([seg(left, tone === 'parent' ? 'parent' : tone), seg(' '), seg(arrow, 'accent'), seg(' '), seg(right)], width);
}

/** The bytes in the pipe: the kernel's count (FIONREAD) once it has been asked. */
function unreadCount(view: PipeView): number {
  return view.queued ?? view.unread.length;
}

function contentRows(t: Ui, view: PipeView, width: number): Row[] {
  const rows: Row[] = [];
  const unread = unreadCount(view);
  rows.push({
    line: [seg(centreInWidth(unread === 0 ? t.pipes.empty : t.pipes.unread(unread), width), unread > 0 ? 'warn' : 'dim')],
    drop: 1,
  });
  if (view.unread.length > 0) rows.push({ line: [seg(fitToWidth(preview(view.unread, width), width), 'warn')], drop: 3 });
  if (view.lastRead) for (const line of wrapLine([seg(t.pipes.last + ' ', 'dim'), ...shortRouteWords(t, view.lastRead)], width, '  ')) rows.push({ line, drop: 4 });
  rows.push({ line: [seg(centreInWidth(t.pipes.inode(view.inode), width), 'dim')], drop: 6 });
  return rows;
}

function twoPipeRows(t: Ui, state: ConversationState, views: PipeView[], width: number): Row[] {
  const session = state.session;
  const rows: Row[] = [];
  const fds = (proc: Proc) => session?.[proc].fds ?? [];
  for (const view of views) {
    const toParent = view.name === 'child-to-parent';
    if (rows.length > 0) rows.push({ line: [], drop: 5 });
    rows.push({ line: [seg(centreInWidth(toParent ? t.pipes.childToParent : t.pipes.parentToChild, width), 'title')], drop: 2 });
    const parentEnd = toParent ? 'read' : 'write';
    const childEnd = toParent ? 'write' : 'read';
    const parentFd = fdLabel(t, fdOf(fds('parent'), view.inode, parentEnd));
    const childFd = fdLabel(t, fdOf(fds('child'), view.inode, childEnd));
    rows.push({ line: arrowRow(parentFd, childFd, width, toParent ? 'left' : 'right', 'plain'), drop: 0 });
    // Ends a process holds but does not use (pipe1-open-ends: never closed): "fd 24 w  also open  r fd 3".
    const unused = (proc: Proc, used: 'read' | 'write') => fds(proc).filter((f) => f.inode === view.inode && f.end !== used);
    const [parentUnused, childUnused] = [unused('parent', parentEnd), unused('child', childEnd)];
    if (parentUnused.length + childUnused.length > 0) {
      // Where it does not fit, the words go before the numbers: a number is never cut.
      const forms = [true, false].flatMap((fd) => [t.pipes.alsoOpen, ''].map((word) => ({ fd, word }))).map(({ fd, word }) => {
        const label = (n: number) => (fd ? t.pipes.fd(n) : String(n));
        const left = parentUnused.map((f) => `${label(f.fd)} ${f.end === 'read' ? 'r' : 'w'}`).join(' ');
        const right = childUnused.map((f) => `${f.end === 'read' ? 'r' : 'w'} ${label(f.fd)}`).join(' ');
        return { left, right, word, gap: width - widthOf(left) - widthOf(right) - widthOf(word) };
      });
      const form = forms.find((f) => f.gap >= (f.word ? 2 : 1)) ?? forms[forms.length - 1]!;
      const before = Math.floor(form.gap / 2);
      rows.push({ line: fitLine([seg(form.left, 'warn'), seg(' '.repeat(Math.max(0, before))), seg(form.word, 'warn'), seg(' '.repeat(Math.max(1, form.gap - before))), seg(form.right, 'warn')], width), drop: 0 });
    }
    rows.push(...contentRows(t, view, width));
  }
  return rows;
}

function sharedPipeRows(t: Ui, state: ConversationState, view: PipeView, width: number): Row[] {
  const session = state.session;
  const fds = (proc: Proc) => session?.[proc].fds ?? [];
  const mid = Math.floor(width / 2);
  const leftRoom = mid - 1;
  const rightRoom = width - mid - 2;
  const joint = (l: string, r: string, centre: string, outwards: boolean): Line => {
    const lShaft = '━'.repeat(Math.max(1, leftRoom - widthOf(l) - 2));
    const rShaft = '━'.repeat(Math.max(1, rightRoom - widthOf(r) - 2));
    const shafts = outwards ? `◀${lShaft}${centre}${rShaft}▶` : `━${lShaft}${centre}${rShaft}━`;
    return fitLine([seg(l), seg(' '), seg(shafts, 'accent'), seg(' '), seg(r)], width);
  };
  // Beside the arrows that go into and come out of the pipe: "write ▼ ▼ write", "read ▼ ▼ read".
  const marks = (char: string, word: string): Line => {
    if (!word) return fitLine([seg(' '.repeat(mid - 1)), seg(`${char} ${char}`, 'accent')], width);
    const left = truncateToWidth(word, Math.max(0, mid - 2));
    return fitLine([seg(' '.repeat(Math.max(0, mid - 2 - widthOf(left)))), seg(left, 'dim'), seg(' '), seg(`${char} ${char}`, 'accent'), seg(' '), seg(word, 'dim')], width);
  };
  const boxEdge = (left: string, right: string, cross: string): Line => {
    const line = ('─'.repeat(width - 2)).split('');
    line[mid - 2] = cross;
    line[mid] = cross;
    return [seg(` ${left}${line.join('').slice(1, -1)}${right} `, 'accent')];
  };
  const inside = (text: string, tone: Tone): Line => [seg(' │', 'accent'), seg(centreInWidth(text, width - 4), tone), seg('│ ', 'accent')];

  const fd = (proc: Proc, end: 'read' | 'write') => fdOf(fds(proc), view.inode, end);
  const ends = { pw: fd('parent', 'write'), cw: fd('child', 'write'), pr: fd('parent', 'read'), cr: fd('child', 'read') };
  // The real fd at each end in each process must always show: when "fd 24 w" does not
  // fit, the w/r move to the rows of arrows, and last "fd" goes; a number is never cut.
  const num = (n: number | null) => (n === null ? '?' : String(n));
  const forms = [
    { pw: `${fdLabel(t, ends.pw)} w`, cw: `w ${fdLabel(t, ends.cw)}`, pr: `${fdLabel(t, ends.pr)} r`, cr: `r ${fdLabel(t, ends.cr)}`, words: false },
    { pw: fdLabel(t, ends.pw), cw: fdLabel(t, ends.cw), pr: fdLabel(t, ends.pr), cr: fdLabel(t, ends.cr), words: true },
    { pw: num(ends.pw), cw: num(ends.cw), pr: num(ends.pr), cr: num(ends.cr), words: true },
  ];
  const fits = (f: (typeof forms)[number]) =>
    Math.max(widthOf(f.pw), widthOf(f.pr)) + 3 <= leftRoom && Math.max(widthOf(f.cw), widthOf(f.cr)) + 3 <= rightRoom;
  const form = forms.find(fits) ?? forms[forms.length - 1]!;
  const unread = unreadCount(view);
  const hint = (text: string, tone: Tone, drop: number): Row[] =>
    wrapToWidth(text, width).map((l) => ({ line: [seg(centreInWidth(l, width), tone)], drop, group: text }));
  const rows: Row[] = [
    { line: [seg(centreInWidth(t.pipes.shared, width), 'danger')], drop: 2 },
    { line: joint(form.pw, form.cw, '┓ ┏', false), drop: 0 },
    { line: marks('▼', form.words ? t.pipes.writeEnd : ''), drop: form.words ? 2 : 7 },
    { line: boxEdge('┌', '┐', '┴'), drop: 1 },
    { line: inside(unread === 0 ? t.pipes.empty : t.pipes.unread(unread), unread > 0 ? 'warn' : 'dim'), drop: 1 },
    ...(unread > 0 ? [{ line: inside(truncateToWidth(preview(view.unread, width - 4), width - 4), 'warn'), drop: 3 }] : []),
    { line: inside(t.pipes.inode(view.inode), 'dim'), drop: 6 },
    { line: boxEdge('└', '┘', '┬'), drop: 1 },
    { line: marks('▼', form.words ? t.pipes.readEnd : ''), drop: form.words ? 2 : 7 },
    { line: joint(form.pr, form.cr, '┛ ┗', true), drop: 0 },
    ...hint(t.pipes.sharedHint, 'dim', 5),
    ...hint(t.pipes.sharedHint2, 'warn', 3),
  ];
  if (view.lastRead) for (const line of wrapLine([seg(t.pipes.last + ' ', 'dim'), ...shortRouteWords(t, view.lastRead)], width, '  ')) rows.push({ line, drop: 4 });
  return rows;
}

/** Two pipes, one per direction (views: one per pipe). */
export function separatePipesLines(t: Ui, state: ConversationState, width: number, height: number, views: PipeView[] = pipeViews(state)): Line[] {
  return placed(t, width, height, views.length === 0 ? null : twoPipeRows(t, state, views, width));
}

/** One pipe both processes read and write (views: that one pipe). */
export function sharedPipeLines(t: Ui, state: ConversationState, width: number, height: number, views: PipeView[] = pipeViews(state)): Line[] {
  return placed(t, width, height, views[0] ? sharedPipeRows(t, state, views[0], width) : null);
}

/** The sides' names over the pipes' rows (or "no pipe yet"), cut to fit between the panes' borders. */
function placed(t: Ui, width: number, height: number, pipeRows: Row[] | null): Line[] {
  const sides: Row = {
    line: fitLine([seg(t.pipes.sides.parent, 'parent'), seg(' '.repeat(Math.max(1, width - widthOf(t.pipes.sides.parent) - widthOf(t.pipes.sides.child)))), seg(t.pipes.sides.child, 'child')], width),
    drop: 3,
  };
  let rows: Row[] = [sides, ...(pipeRows ?? [{ line: [seg(centreInWidth(t.pipes.none, width), 'dim')], drop: 0 }])];
  // The drawing stays between the panes' top and bottom borders, level with their
  // insides. Drop the least important rows until it fits there.
  const inside = Math.max(0, height - 2);
  while (rows.length > inside) {
    const worst = rows.reduce((best, r, i) => (r.drop >= (rows[best]?.drop ?? -1) ? i : best), 0);
    const group = rows[worst]?.group;
    if (group === undefined) rows.splice(worst, 1);
    else rows = rows.filter((r) => r.group !== group);
  }
  const top = 1 + Math.max(0, Math.floor((inside - rows.length) / 3));
  const out: Line[] = [];
  for (let i = 0; i < top; i++) out.push([seg(' '.repeat(width))]);
  for (const r of rows) out.push(fitLine(r.line, width));
  while (out.length < height) out.push([seg(' '.repeat(width))]);
  return out;
}
