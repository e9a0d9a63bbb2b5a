// The English words of the chapter's second half that belong to no one channel: the
// help's heading and the source view's marks (each channel's own words are in its
// folder, src/channels/*/words.ts). Kept apart from en.ts; en.ts hangs it under ui.chapter.
import type { Lang } from '../channels/channel-words.js';

export const chapterEn = {
  /** The language of these words: the source program's channel comments follow it. */
  lang: 'en' as Lang,
  help: {
    title: 'The channels: what to expect in the chat',
    source: "show or hide the textbook's C program for this wiring, each process's line marked",
    nextWiring: 'the list of channels, grouped (pipes, sockets, System V, files, threads): ↑/↓ and Enter switch live (the history stays)',
  },
  source: {
    title: (file: string) => `source: ${file}`,
    mark: {
      starting: 'starting',
      typing: 'at its keyboard (fgets)',
      writing: (call: string) => `in ${call}`,
      sleeping: (d: string) => `sleeping ${d}`,
      reading: (call: string) => `BLOCKED in ${call}`,
      spinning: (call: string) => `BUSY WAITING on ${call}`,
      waitCalled: (call: string) => `in ${call}`,
      spinStopped: (parkedIn: string) => `SPIN STOPPED, waiting in ${parkedIn}`,
      held: (call: string) => `HELD before ${call} (futex gate)`,
      stopped: 'STOPPED (state T)',
      awaits: "waits for the child's line",
      done: 'done',
      exited: 'exited',
    },
    comments: {
      child: 'child',
      parent: 'parent',
      sleep: 'the textbook\'s "fix": timing',
      sizes: 'as the processes: a line of up to 64 KiB (with its newline and NUL), reads of 64 KiB + 64 bytes',
      die: 'a call failed: say which, and end',
      frame: 'the line both processes write: "C1:text\\n" (writer, turn, text)',
      textOf: 'what the chat shows of a line read: the text after its tag',
      stdin: "one terminal, two readers: no stdio buffer may take the other's line",
      fork: (finds: string) => ['pipe-chat makes its child with clone(), as fork() does,', `then execve()s a program that finds ${finds}`],
      thread: (finds: string) => ['pipe-chat starts its child thread (a Worker) with clone(CLONE_VM | CLONE_THREAD),', `as pthread_create does: one process, one memory; it finds ${finds}`],
      childThread: 'the child: a second thread of this process, sharing its memory',
      eof: 'end of file: no writer left',
    },
  },
};
