// The source view: the textbook's program for the current wiring, each process's line
// marked in its colour, and under it each process's PID and state in the program's
// terms. Every line is cut to the exact width (text-width counts Hangul as 2 cells). On a
// short screen the least important lines go first, never a marked one; then the view
// keeps a window around the marks.
import type { ConversationState } from '../state/model.js';
import { sourceMarks, type MarkState, type SourceMark } from '../state/source-marks.js';
import { fitLine, framed, seg, wrapLine, type Line } from '../text/styled-lines.js';
import { widthOf } from '../text/text-width.js';
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
    case 'sleeping':
      return m.sleeping(formatDuration(t, state.ms));
    default:
      return m[state.kind];
  }
}

/** Which program lines to show in `rows`: drop the most droppable unmarked lines, then keep a window around the marks. */
function shownLines(program: SourceLine[], marked: Set<number>, rows: number): number[] {
  const shown = program.map((_, i) => i);
  const dropOf = (i: number | undefined) => (i === undefined || marked.has(i) ? 0 : (program[i]?.drop ?? 0));
  while (shown.length > rows) {
    // The most droppable line, the last of equals (closing braces go before opening ones).
    const worst = shown.reduce((best, i, at) => (dropOf(i) >= dropOf(shown[best]) ? at : best), 0);
    if (dropOf(shown[worst]) === 0) break;
    shown.splice(worst, 1);
  }
  if (shown.length <= rows) return shown;
  const marks = shown.map((i, at) => (marked.has(i) ? at : -1)).filter((at) => at >= 0);
  const centre = marks.length > 0 ? Math.round(((marks[0] ?? 0) + (marks.at(-1) ?? 0)) / 2) : 0;
  const start = Math.max(0, Math.min(shown.length - rows, centre - Math.floor(rows / 2)));
  return shown.slice(start, start + rows);
}

export function sourceLines(t: Ui, state: ConversationState, wiring: Wiring, width: number, height: number): Line[] {
  const session = state.session;
  const program = sourceProgram(t, wiring, state.knobs.childDelayMs);
  const marks: SourceMark[] = session ? sourceMarks(program, session) : [];
  const inner = width - 2;
  const footer: Line[] = marks.flatMap((m) => {
    const who = `${m.proc === 'parent' ? 'P' : 'C'} ${m.pid ?? '?'}`;
    const words = m.stopped ? `${t.chapter.source.mark.stopped}: ${markWords(t, m.state)}` : markWords(t, m.state);
    return wrapLine([seg(who, m.proc), seg(' '), seg(words, m.state.kind === 'reading' ? 'warn' : 'plain')], inner, '  ');
  });
  const rows = Math.max(0, height - 2 - footer.length);
  const marked = new Set(marks.map((m) => m.line));
  // A narrow column loses the outer indent level before any code is cut (a comment may be).
  const outdent = program.some((l) => widthOf(l.text.replace(/\s*\/\*.*\*\/$/, '')) > inner - 2) ? 2 : 0;
  const body = shownLines(program, marked, rows).map((i): Line => {
    const here = marks.filter((m) => m.line === i);
    const gutter: Line = here.length === 0 ? [seg('  ')] : here.length === 2 ? [seg('P', 'parent'), seg('C', 'child')] : [seg(here[0]?.proc === 'parent' ? 'P▶' : 'C▶', here[0]?.proc)];
    return fitLine([...gutter, seg((program[i]?.text ?? '').replace(new RegExp(`^ {0,${outdent}}`), ''), here.length > 0 ? (here[0]?.proc ?? 'plain') : 'dim')], inner);
  });
  while (body.length < rows) body.push([]);
  return framed([seg(t.chapter.source.title(channelOf(wiring).source.file), 'title')], [...body, ...footer], width, height);
}
