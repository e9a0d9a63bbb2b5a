// The textbook's C program for a channel, written the way the textbook writes it: the
// three-turn exercise (make the channel, fork, a loop of three), with the channel's own
// declaration and calls (its source.c.ts), the ends each process reads and writes (its
// ends.ts), its comment, and the sleep() when the child's delay is set. Each line that a
// process can sit on names its spot, so the source view can mark where each process is;
// `drop` says which lines give way first on a short screen. Comments follow --lang.
import type { BlockingCall } from '../../channels/channel-ends.js';
import { channelOf } from '../../channels/registry.js';
import type { Proc, Wiring } from '../../ipc/events.js';
import type { Ui } from './phrases.js';

/** Where a process can be in the program. */
export type Spot = 'fork' | 'fgets' | 'write' | 'sleep' | 'read' | 'end';

export interface SourceLine {
  text: string;
  /** The spot of the process that runs this line (lines both run have no `proc`). */
  spot?: Spot;
  proc?: Proc;
  /** Higher goes first when rows are short; 0 never goes. */
  drop: number;
}

/** A process's call as the C program writes it: read/write on the end it names, or the channel's own call. */
function callOf(calls: readonly BlockingCall[], proc: Proc, call: 'read' | 'write'): string {
  const c = calls.find((x) => x.proc === proc && x.call === call);
  return c?.text ?? `${call}(${c?.end ?? '?'}, buf, ${call === 'read' ? 'BUF_SIZE' : 'strlen(buf)'});`;
}

/** The textbook's sleep between the child's write and read: sleep(2) for whole seconds, else usleep. */
function sleepCall(ms: number): string {
  return ms % 1000 === 0 ? `sleep(${ms / 1000});` : `usleep(${ms * 1000});`;
}

export function sourceProgram(t: Ui, wiring: Wiring, childDelayMs: number): SourceLine[] {
  const c = t.chapter.source.comments;
  const { source, ends } = channelOf(wiring);
  const calls = ends.calls;
  const note = t.channels[wiring].sourceNote;
  const e = {
    decl: source.decl,
    make: source.make,
    childWrite: callOf(calls, 'child', 'write'),
    childRead: callOf(calls, 'child', 'read'),
    parentRead: callOf(calls, 'parent', 'read'),
    parentWrite: callOf(calls, 'parent', 'write'),
  };
  const line = (text: string, drop: number, proc?: Proc, spot?: Spot): SourceLine => ({ text, drop, ...(proc ? { proc } : {}), ...(spot ? { spot } : {}) });
  return [
    line('#include <unistd.h>', 6),
    line('#define BUF_SIZE 30', 6),
    line('int main(void) {', 4),
    line(`  ${e.decl}`, 3),
    line('  char buf[BUF_SIZE];', 5),
    line('  pid_t pid; int i;', 5),
    ...(note ? [line(`  /* ${note} */`, 4)] : []),
    ...e.make.map((m) => line(`  ${m}`, 2)),
    { text: '  pid = fork();', drop: 2, spot: 'fork' },
    line(`  if (pid == 0) {  /* ${c.child} */`, 1),
    line('    for (i = 0; i < 3; i++) {', 3),
    line('      fgets(buf, BUF_SIZE, stdin);', 0, 'child', 'fgets'),
    line(`      ${e.childWrite}`, 0, 'child', 'write'),
    ...(childDelayMs > 0 ? [line(`      ${sleepCall(childDelayMs)}  /* ${c.sleep} */`, 0, 'child', 'sleep')] : []),
    line(`      ${e.childRead}`, 0, 'child', 'read'),
    line('      printf("from Parent: %s", buf);', 4),
    line('    }', 5),
    line(`  } else {  /* ${c.parent} */`, 1),
    line('    for (i = 0; i < 3; i++) {', 3),
    line(`      ${e.parentRead}`, 0, 'parent', 'read'),
    line('      printf("from Child: %s", buf);', 4),
    line('      fgets(buf, BUF_SIZE, stdin);', 0, 'parent', 'fgets'),
    line(`      ${e.parentWrite}`, 0, 'parent', 'write'),
    line('    }', 5),
    line('  }', 4),
    { text: '  return 0;', drop: 2, spot: 'end' },
    line('}', 4),
  ];
}
