// A channel, whole: what every folder under src/channels/ declares, and what the rest of
// the program asks for by the channel's name instead of branching on it. The process half
// (ends) is loaded before the first fork; the words are in the catalogues (ui.channels);
// the view parts are pure functions from the conversation's state to exact-width lines.
import type { ProcFdsSnapshot } from '../app/hooks/use-proc-fds.js';
import type { ConversationState, OutsideHolder, TraceEntry } from '../app/state/model.js';
import type { PipeView } from '../app/state/pipes.js';
import type { Line } from '../text/styled-lines.js';
import type { Ui } from '../app/views/phrases.js';
import type { ChannelEnds } from './channel-ends.js';
import type { ChannelWords, Lang } from './channel-words.js';
import type { Wiring } from './names.js';
import type { StepPoint } from './step-points.js';

/** A line of a channel's part of its program: plain, or the line a process sits on while it makes that call (its mark goes there). */
export type CodeLine = string | { text: string; spot: 'read' | 'write' };

/** One process's own lines on the channel, each indented as in the loop (the skeleton adds the loop's indent). */
export interface ProcessPart {
  /** Right after fork(), before the loop: closing the ends it does not use; a TCP connect() or accept(). */
  setup: readonly string[];
  /** Sends the framed line: `len` bytes of the buffer, checked. */
  write: readonly CodeLine[];
  /** Takes at most BUF_SIZE bytes into the buffer and sets `n` (0: end of file), checked. */
  read: readonly CodeLine[];
  /** After the loop (the queue's parent: wait for the child, then IPC_RMID; pipe1's parent: its last read, marked as a read). */
  finish: readonly CodeLine[];
}

/**
 * The channel's own parts of its C program. The skeleton around them is one, for every
 * channel (src/app/views/source-program.ts): the includes every program needs, the
 * helpers (die, frame, text_of), main's buffers, the unbuffered stdin, fork(), each
 * process's loop of three turns (fgets, frame, write, the sleep, read, printf). A channel
 * whose program differs (semaphores, a signal handler, TCP's accept and connect) says so
 * through these lines; each must compile with `cc -O2 -Wall -Werror` and check every result.
 */
export interface ChannelProgram {
  /** Headers beyond the skeleton's <stdio.h>, <stdlib.h>, <string.h>, <unistd.h>. */
  includes: readonly string[];
  /** File-scope lines after the skeleton's helpers: a type, a signal handler, a helper of its own. */
  globals: readonly string[];
  /** Declarations at the top of main(). */
  decl: readonly string[];
  /** The calls that make the channel before fork(), each checked. */
  make: readonly string[];
  /** How pipe-chat's child finds the channel, for the comment at fork(): "its ends at fds 3 and 4". */
  childFinds: string;
  /** The buffer a line is framed into, read into and printed from: `buf` (the skeleton's), or the channel's own (`msg.mtext`). */
  buffer: string;
  child: ProcessPart;
  parent: ProcessPart;
  /** The child is a thread of this process (pthread_create), not a forked process: the locals of its thread function; absent where fork() makes it. */
  thread?: { decl: readonly string[] };
}

/** The textbook's C program for the channel: its file name, and its parts with comments in `lang`. */
export interface ChannelSource {
  file: string;
  program(lang: Lang): ChannelProgram;
}

export interface Channel {
  name: Wiring;
  ends: ChannelEnds;
  words: Record<Lang, ChannelWords>;
  /** The middle column: the kernel object(s) between the panes, drawn from what the kernel says. */
  drawing(t: Ui, state: ConversationState, width: number, height: number, views: PipeView[]): Line[];
  /** The fd panel: each process's fds on the channel, as /proc shows them. */
  kernelView(t: Ui, state: ConversationState, snapshot: ProcFdsSnapshot, width: number, height: number, scroll: number): Line[];
  /** Lines the channel adds under its drawing, source or fds (the named pipe: its path and the outside processes); none for most. */
  notes(t: Ui, state: ConversationState, holders: OutsideHolder[], width: number): Line[];
  source: ChannelSource;
  stepPoints: readonly StepPoint[];
  /** Lines the trace shows under one of its calls, each at most `width` wide (signals: a write's tgkill calls, a byte a line); absent for most. */
  traceDetail?(entry: TraceEntry, width: number): Line[];
}
