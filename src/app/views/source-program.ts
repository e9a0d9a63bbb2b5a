// The C program of a channel, whole: it compiles as printed (`cc -O2 -Wall -Werror`, every
// result checked) and does what pipe-chat's processes do: the same sizes (a line of up to
// 64 KiB, reads of 64 KiB + 64 bytes), the same bytes on the channel (the framed line
// "C1:text\n"), the same text printed ("from Child: text"). The skeleton is here, once
// for every channel: the includes, the helpers, main's buffers, an unbuffered stdin (both
// processes read one terminal), fork(), and each process's loop of three turns as the
// textbook writes it (keyboard, write, the sleep when the child's delay is set, read,
// print). The channel's own lines (src/channels/*/source.c.ts) fill it in: its headers,
// declarations, the calls that make it, each process's setup, write, read and finish.
// Each line a process can sit on names its spot, so the source view can mark where each
// process is; `drop` says which lines give way first on a short screen. `pipe-chat
// source NAME` prints it. Comments follow --lang.
import type { CodeLine } from '../../channels/channel.js';
import { channelOf } from '../../channels/registry.js';
import type { Proc, Wiring } from '../../ipc/events.js';
import type { Ui } from './phrases.js';
import type { Spot } from '../../channels/step-points.js';

export interface SourceLine {
  text: string;
  /** The spot of the process that runs this line (lines both run have no `proc`). */
  spot?: Spot;
  proc?: Proc;
  /** Higher goes first when rows are short; 0 never goes. */
  drop: number;
}

/** How soon each kind of line gives way on a short screen (the calls a process sits on never do). */
const DROP = { preamble: 6, detail: 5, print: 4, loop: 3, setup: 2, branch: 1, call: 0 } as const;

/** The textbook's sleep between the child's write and read: sleep(2) for whole seconds, else usleep. */
function sleepCall(ms: number): string {
  return ms % 1000 === 0 ? `sleep(${ms / 1000});` : `usleep(${Math.round(ms * 1000)});`;
}

/** A C comment over several lines, each as wide as its words. */
function comment(indent: string, lines: readonly string[]): string[] {
  return lines.map((l, i) => `${indent}${i === 0 ? '/* ' : '   '}${l}${i === lines.length - 1 ? ' */' : ''}`);
}

const SKELETON_INCLUDES = ['<stdio.h>', '<stdlib.h>', '<string.h>', '<unistd.h>'];

export function sourceProgram(t: Ui, wiring: Wiring, childDelayMs: number): SourceLine[] {
  const c = t.chapter.source.comments;
  const { source } = channelOf(wiring);
  const p = source.program(t.chapter.lang);
  const note = t.channels[wiring].sourceNote;
  const buf = p.buffer;
  const line = (text: string, drop: number, proc?: Proc, spot?: Spot): SourceLine => ({ text, drop, ...(proc ? { proc } : {}), ...(spot ? { spot } : {}) });
  const at = (indent: string, drop: number, proc?: Proc) => (code: CodeLine) =>
    typeof code === 'string' ? line(`${indent}${code}`, drop, proc) : line(`${indent}${code.text}`, DROP.call, proc, code.spot);
  const loop = (proc: Proc, body: SourceLine[]): SourceLine[] => [
    ...p[proc].setup.map(at('    ', DROP.detail)),
    line('    for (i = 0; i < 3; i++) {', DROP.loop),
    ...body,
    line('    }', DROP.detail),
    ...p[proc].finish.map(at('    ', DROP.detail, proc)),
  ];
  const keyboard = (proc: Proc, writer: 'C' | 'P'): SourceLine[] => [
    line('      if (!fgets(line, LINE_BUF, stdin))', DROP.call, proc, 'fgets'),
    line('        break;', DROP.detail),
    line(`      len = frame(${buf}, '${writer}', i + 1, line);`, DROP.detail),
    ...p[proc].write.map(at('      ', DROP.detail, proc)),
  ];
  const readAndPrint = (proc: Proc, from: string): SourceLine[] => [
    ...p[proc].read.map(at('      ', DROP.detail, proc)),
    line(`      if (n == 0) break;  /* ${c.eof} */`, DROP.detail),
    line(`      ${buf}[n] = '\\0';`, DROP.detail),
    line(`      printf("${from}: %s", text_of(${buf}));`, DROP.print),
  ];
  const preamble = (text: string) => line(text, DROP.preamble);
  const locals = [line(`  char line[LINE_BUF]${buf === 'buf' ? ', buf[BUF_SIZE + 1]' : ''};`, DROP.detail), line('  ssize_t n;', DROP.detail), line('  int len, i;', DROP.detail)];
  const childLoop = (indent: string): SourceLine[] =>
    loop('child', [
      ...keyboard('child', 'C'),
      ...(childDelayMs > 0 ? [line(`      ${sleepCall(childDelayMs)}  /* ${c.sleep} */`, DROP.call, 'child', 'sleep')] : []),
      // A one-way channel's child only writes (pipe1).
      ...(p.child.read.length > 0 ? readAndPrint('child', 'from Parent') : []),
    ]).map((l) => ({ ...l, text: l.text === '' ? '' : `${indent}${l.text.slice(4)}` }));
  // A child thread: its loop in a function of its own, with its own locals (the thread's stack).
  const threadFunction = (decl: readonly string[]): SourceLine[] => [
    line(`/* ${c.childThread} */`, DROP.detail),
    line('static void *child_thread(void *unused) {', DROP.branch),
    ...decl.map((d) => line(`  ${d}`, DROP.detail)),
    ...locals,
    line('', DROP.detail),
    line('  (void)unused;', DROP.detail),
    ...childLoop('  '),
    line('  return NULL;', DROP.detail),
    line('}', DROP.branch),
  ];
  const forkChild: SourceLine[] = [
    ...comment('  ', c.fork(p.childFinds)).map((text) => line(text, DROP.detail)),
    { text: '  pid = fork();', drop: DROP.setup, spot: 'fork' },
    line('  if (pid == -1)', DROP.detail),
    line('    die("fork");', DROP.detail),
    line(`  if (pid == 0) {  /* ${c.child} */`, DROP.branch),
    ...childLoop('    '),
    line(`  } else {  /* ${c.parent} */`, DROP.branch),
    // A one-way channel's parent only reads (pipe1).
    ...loop('parent', [...readAndPrint('parent', 'from Child'), ...(p.parent.write.length > 0 ? keyboard('parent', 'P') : [])]),
  ];
  // pthread_create returns its error instead of setting errno (the channel includes <errno.h>).
  const startThread: SourceLine[] = [
    ...comment('  ', c.thread(p.childFinds)).map((text) => line(text, DROP.detail)),
    { text: '  err = pthread_create(&child, NULL, child_thread, NULL);', drop: DROP.setup, spot: 'fork' },
    line('  if (err != 0) {', DROP.detail),
    line('    errno = err;', DROP.detail),
    line('    die("pthread_create");', DROP.detail),
    line(`  }`, DROP.detail),
    line(`  {  /* ${c.parent} */`, DROP.branch),
    ...loop('parent', [...readAndPrint('parent', 'from Child'), ...keyboard('parent', 'P')]),
  ];
  return [
    ...(note ? [preamble(`/* ${source.file}: ${note} */`)] : [preamble(`/* ${source.file} */`)]),
    ...[...SKELETON_INCLUDES, ...p.includes].map((h) => preamble(`#include ${h}`)),
    preamble(''),
    preamble(`/* ${c.sizes} */`),
    preamble('#define LINE_BUF (64 * 1024 + 2)'),
    preamble('#define BUF_SIZE (64 * 1024 + 64)'),
    preamble(''),
    preamble(`/* ${c.die} */`),
    preamble('static void die(const char *call) {'),
    preamble('  perror(call);'),
    preamble('  exit(1);'),
    preamble('}'),
    preamble(''),
    preamble(`/* ${c.frame} */`),
    preamble('static int frame(char *buf, char writer, int turn, char *line) {'),
    preamble("  line[strcspn(line, \"\\n\")] = '\\0';"),
    preamble('  return snprintf(buf, BUF_SIZE, "%c%d:%s\\n", writer, turn, line);'),
    preamble('}'),
    preamble(''),
    preamble(`/* ${c.textOf} */`),
    preamble('static const char *text_of(const char *buf) {'),
    preamble("  const char *colon = strchr(buf, ':');"),
    preamble('  return colon ? colon + 1 : buf;'),
    preamble('}'),
    ...(p.globals.length > 0 ? [preamble(''), ...p.globals.map(preamble)] : []),
    ...(p.thread ? [line('', DROP.detail), ...threadFunction(p.thread.decl)] : []),
    preamble(''),
    line('int main(void) {', DROP.print),
    ...p.decl.map((d) => line(`  ${d}`, DROP.detail)),
    ...locals,
    ...(p.thread ? [line('  pthread_t child;', DROP.detail), line('  int err;', DROP.detail)] : [line('  pid_t pid;', DROP.detail)]),
    line('', DROP.detail),
    line(`  /* ${c.stdin} */`, DROP.detail),
    line('  setvbuf(stdin, NULL, _IONBF, 0);', DROP.detail),
    ...p.make.map((m) => line(`  ${m}`, DROP.setup)),
    ...(p.thread ? startThread : forkChild),
    line('  }', DROP.print),
    { text: '  return 0;', drop: DROP.setup, spot: 'end' },
    line('}', DROP.print),
  ];
}

/** The program as a file's lines (no last newline): what `pipe-chat source NAME` prints, and what a class compiles. */
export function sourceText(t: Ui, wiring: Wiring, childDelayMs: number): string {
  return sourceProgram(t, wiring, childDelayMs)
    .map((l) => l.text)
    .join('\n');
}
