// The source view: the textbook's program for the current wiring, each process's line
// marked in its colour, and under it each process's PID and state in the program's
// terms. Every line is cut to the exact width (text-width counts Hangul as 2 cells). On a
// short screen the least important lines go first, never a marked one, and ⋮ stands
// where they were; then the view keeps a window around the marks.
import type { ConversationState } from '../state/model.js';
import { sourceMarks, type MarkState, type SourceMark } from '../state/source-marks.js';
import { fitLine, framed, seg, wrapLine, type Line } from '../../text/styled-lines.js';
import { widthOf } from '../../text/text-width.js';
import { formatDuration, type Ui } from './phrases.js';
import { channelOf } from '../../channels/registry.js';
import { callText, type Wiring } from '../../ipc/events.js';
import { sourceProgram, type SourceLine } from './source-program.js';

function markWords(t: Ui, state: MarkState): string {
  const m = t.chapter.source.mark;
  switch (state.kind) {
    case 'writing':
      return m.writing(callText('write', state));
    case 'reading':
      return m.reading(callText('read', state));
    case 'spinning':
      return m.spinning(callText('read', state));
    case 'waiting':
      return state.inFutex ? m.reading('futex_wait') : m.waitCalled(callText('read', state));
    case 'spin-stopped':
      return m.spinStopped(state.parkedIn);
    case 'sleeping':
      return m.sleeping(formatDuration(t, state.ms));
    case 'held':
      return m.held(callText(state.call, state));
    default:
      return m[state.kind];
  }
}

/** A row of the view: a line of the program, or ⋮ where lines are hidden. */
type Row = { line: number } | { gap: true };

/** The rows of `program` with the lines not `visible` folded, each run into one ⋮. */
function folded(visible: boolean[]): Row[] {
  const rows: Row[] = [];
  visible.forEach((shown, line) => {
    if (shown) rows.push({ line });
    else if (!(rows.at(-1) && 'gap' in (rows.at(-1) as Row))) rows.push({ gap: true });
  });
  return rows;
}

/**
 * Which rows to show in `rows`: the most droppable lines go first, a whole level at a time,
 * each run of hidden lines shown as one ⋮ so that no line goes silently (a `for` never
 * loses its brace unseen); never a marked line. If even that is too tall, the marked lines
 * alone with lines given back as rows allow; if those do not fit, a window around the
 * marks, with ⋮ at a cut edge.
 */
function shownRows(program: SourceLine[], marked: Set<number>, rows: number): Row[] {
  const visibleBelow = (level: number) => program.map((l, i) => marked.has(i) || l.drop < level);
  const levels = [...new Set(program.map((l) => l.drop))].filter((d) => d > 0).sort((a, b) => b - a);
  let visible = visibleBelow(Infinity);
  for (const level of levels) {
    if (folded(visible).length <= rows) break;
    visible = visibleBelow(level);
  }
  // Still too tall: the marked lines alone, each run between them one ⋮, when they fit, rather than a window that may miss one.
  const marksOnly = program.map((_, i) => marked.has(i));
  if (folded(visible).length > rows && folded(marksOnly).length <= rows) visible = marksOnly;
  if (folded(visible).length <= rows) {
    // Rows to spare: hidden lines come back, the least droppable first, while all still fits.
    const hidden = program.flatMap((l, i) => (visible[i] ? [] : [i])).sort((a, b) => (program[a]?.drop ?? 0) - (program[b]?.drop ?? 0));
    for (const i of hidden) {
      visible[i] = true;
      if (folded(visible).length > rows) visible[i] = false;
    }
    return folded(visible);
  }
  const shown = folded(visible);
  const marks = shown.flatMap((r, at) => ('line' in r && marked.has(r.line) ? [at] : []));
  const centre = marks.length > 0 ? Math.round(((marks[0] ?? 0) + (marks.at(-1) ?? 0)) / 2) : 0;
  const start = Math.max(0, Math.min(shown.length - rows, centre - Math.floor(rows / 2)));
  const window = shown.slice(start, start + rows);
  if (rows >= 3 && start > 0) window[0] = { gap: true };
  if (rows >= 3 && start + rows < shown.length) window[window.length - 1] = { gap: true };
  return window;
}

export function sourceLines(t: Ui, state: ConversationState, wiring: Wiring, width: number, height: number): Line[] {
  const session = state.session;
  const program = sourceProgram(t, wiring, state.knobs.childDelayMs);
  const marks: SourceMark[] = session ? sourceMarks(program, session) : [];
  const inner = width - 2;
  const footer: Line[] = marks.flatMap((m) => {
    const who = `${m.proc === 'parent' ? 'P' : 'C'} ${m.pid ?? '?'}`;
    const words = m.stopped ? `${t.chapter.source.mark.stopped}: ${markWords(t, m.state)}` : markWords(t, m.state);
    return wrapLine([seg(who, m.proc), seg(' '), seg(words, m.state.kind === 'reading' || m.state.kind === 'spinning' || m.state.kind === 'waiting' ? 'warn' : 'plain')], inner, '  ');
  });
  const rows = Math.max(0, height - 2 - footer.length);
  const marked = new Set(marks.map((m) => m.line));
  // A narrow column loses outer indent levels (up to two) before a line a process sits on is cut; other code and comments may be.
  const room = inner - 2;
  const spots = program.filter((l) => l.spot !== undefined).map((l) => widthOf(l.text.replace(/\s*\/\*.*\*\/$/, '')));
  const outdent = [0, 2, 4].find((o) => spots.every((w) => w - o <= room)) ?? 2;
  const dedent = (text: string) => text.replace(new RegExp(`^ {0,${outdent}}`), '');
  const rowsShown = shownRows(program, marked, rows);
  const body = rowsShown.map((row, at): Line => {
    if ('gap' in row) {
      // At the indent of the line it stands for: the next shown line's (the last's at the end).
      const isLine = (r: Row): r is { line: number } => 'line' in r;
      const next = rowsShown.slice(at + 1).find(isLine) ?? rowsShown.slice(0, at).reverse().find(isLine);
      const indent = /^ */.exec(dedent(next ? (program[next.line]?.text ?? '') : ''))?.[0] ?? '';
      return fitLine([seg(`  ${indent}⋮`, 'dim')], inner);
    }
    const i = row.line;
    const here = marks.filter((m) => m.line === i);
    const gutter: Line = here.length === 0 ? [seg('  ')] : here.length === 2 ? [seg('P', 'parent'), seg('C', 'child')] : [seg(here[0]?.proc === 'parent' ? 'P▶' : 'C▶', here[0]?.proc)];
    return fitLine([...gutter, seg(dedent(program[i]?.text ?? ''), here.length > 0 ? (here[0]?.proc ?? 'plain') : 'dim')], inner);
  });
  while (body.length < rows) body.push([]);
  return framed([seg(t.chapter.source.title(channelOf(wiring).source.file), 'title')], [...body, ...footer], width, height);
}
