// The lesson's words in English (`pipe-chat lesson`): each step's title, a short text,
// its question and answers, and why each outcome comes; short enough to read from the
// back of a classroom. The terms come from the glossary, which the Korean words share.
import { glossary } from './glossary.js';
import type { Prediction, StepId } from '../lesson/steps.js';

const g = glossary('en');
/** A term at the start of a title. */
const Cap = (term: string): string => term.charAt(0).toUpperCase() + term.slice(1);
/** The answers of every step that asks how a reader waits. */
const waitAnswers = ['no: it waits in the kernel', `yes: ${g.busyWaiting}`];

export interface StepWords {
  title: string;
  intro: string;
  question: string;
  /** In the order of the step's answers (keys 1, 2, 3). */
  answers: string[];
  /** Why the run came out as it did, by what it showed. */
  why: Partial<Record<Prediction, string>>;
}

/** Every step has its words, each answer its label: checked where the words are written. */
export const stepWords = (steps: Record<StepId, StepWords>): Record<StepId, StepWords> => steps;

export const lessonEn = {
  title: 'pipe-chat lesson',
  step: (n: number, total: number) => `step ${n} of ${total}`,
  question: 'Ask the class first',
  keys: {
    pick: (n: number) => `1-${n} pick an answer`,
    next: 'Enter next',
    quit: 'Ctrl+C quit',
  },
  autoPicked: (n: number) => `auto: picked ${n}`,
  autoNext: 'auto: next in a moment',
  result: 'What happened',
  picked: (n: number, answer: string) => `The class picked ${n}: ${answer}.`,
  pickedAuto: (n: number, answer: string) => `Auto-play picked ${n}: ${answer}.`,
  right: 'The run bears it out.',
  wrong: 'Not what the run showed.',
  showed: (answer: string) => `The run showed: ${answer}.`,
  message: (tag: string, writer: string, reader: string, verdict: string) => `${tag} written by the ${writer}, ${reader}${verdict ? ` (${verdict})` : ''}`,
  reader: {
    parent: 'read by the parent',
    child: 'read by the child',
    outside: 'taken by another process',
    nobody: 'not read',
  },
  proc: { parent: 'parent', child: 'child' },
  verdict: { delivered: 'delivered', stolen: 'STOLEN: its own message', garbled: 'GARBLED', 'out-of-turn': 'out of turn', untagged: 'untagged', forged: 'forged' },
  noMessages: 'No message was written.',
  why: 'Why',
  whyOther: 'The kernel decided it this way this time: the screen shows the real calls.',
  whyBroken: 'The step could not run to its end (above): its answer says nothing about the question.',
  summary: {
    title: 'The answers',
    row: (mark: string, n: number, title: string, pick: string) => `${mark} ${n}. ${title}: ${pick}`,
    notAsked: 'not asked',
    score: (right: number, asked: number) => `The runs bore out ${right} of ${asked} picks.`,
    end: `Timing never decides who reads: a second ${g.pipe}, or a channel with directions, does.`,
    keys: 'Enter or q quit',
  },
  /** What auto-play types on each side, a turn a line: short, so each step stays short. */
  lines: { child: ['hi', 'why?', 'bye'], parent: ['hello', 'because', 'bye!'] },
  answer: {
    parent: 'the parent',
    child: 'the child itself',
    outside: 'another process',
    nobody: 'nobody',
    yes: 'yes',
    no: 'no',
  } satisfies Record<Prediction, string>,
  steps: stepWords({
    pipe1: {
      title: `One ${g.pipe}, one way`,
      intro: `pipe() gives two ends. The child keeps the write end and closes the read end; the parent does the opposite. The child writes one line, then exits.`,
      question: "Once the child has exited, does the parent's next read() end (return 0)?",
      answers: [`yes: ${g.endOfFile}`, 'no: it waits forever'],
      why: {
        yes: `The child's write end was the last one open: when it closed, read() returned 0, ${g.endOfFile}.`,
        no: 'A write end is still open somewhere, so read() keeps waiting.',
      },
    },
    'pipe1-open-ends': {
      title: 'The same, without close()',
      intro: 'The same program, but nobody closes the end it does not use: the parent still holds a write end of its own pipe.',
      question: "Once the child has exited, does the parent's next read() end (return 0)?",
      answers: [`yes: ${g.endOfFile}`, 'no: it waits forever'],
      why: {
        no: `The parent holds a write end itself, so no ${g.endOfFile} can come: close() of the unused ends is what lets a reader finish.`,
        yes: 'Every write end was closed after all.',
      },
    },
    'one-pipe': {
      title: `One ${g.pipe} both ways`,
      intro: `Now both processes read and write the same ${g.pipe}. Bytes in a pipe belong to nobody: whoever calls read() first takes them. Here you are the ${g.scheduler}: the child writes, then the child reads, then the parent.`,
      question: "Who reads the child's message?",
      answers: ['the parent', 'the child itself'],
      why: {
        child: `The child's read() came first, so it took its own bytes. The parent then waits in read() for good: a ${g.raceCondition} the ${g.scheduler} decides.`,
        parent: 'The parent was in read() first and took the bytes.',
      },
    },
    'one-pipe-sleep': {
      title: 'One pipe, with sleep(2)',
      intro: 'The textbook\'s "fix": the child sleeps 2 s between its write and its read, so the parent reads first. No step mode: the kernel decides.',
      question: "Who reads the child's message now?",
      answers: ['the parent', 'the child itself'],
      why: {
        parent: `The parent read while the child slept. It only looks fixed: a busy machine can still let the child read first. Timing is never a guarantee.`,
        child: `The child read first despite its sleep: timing is never a guarantee.`,
      },
    },
    'two-pipes': {
      title: `Two ${g.pipe}s, one per direction`,
      intro: `The real fix: one pipe child → parent, another parent → child. Each process closes the ends it does not use.`,
      question: "Who reads the child's message?",
      answers: ['the parent', 'the child itself'],
      why: { parent: 'The child reads only the other pipe: its own bytes cannot come back to it.' },
    },
    exercise: {
      title: 'The exercise: three turns',
      intro: 'Parent and child exchange a line three times each over two pipes, with no sleep at all.',
      question: 'Will any message be stolen?',
      answers: ['no', 'yes'],
      why: { no: 'Each direction has its own pipe: no order of the calls can steal.', yes: 'A message went to its own writer: the screen shows which.' },
    },
    named: {
      title: `The ${g.namedPipe}`,
      intro: `One FIFO both ways, like the one pipe before, but with a name on disk: any process allowed to open it can read it. Try it from a second terminal: cat the path shown on screen.`,
      question: "Who reads the child's message?",
      answers: ['the parent', 'another process', 'the child itself'],
      why: {
        parent: 'No other process opened the pipe this time, so the parent read it.',
        outside: 'Another process opened the name and took the bytes: a name is open to anyone allowed.',
        child: 'One FIFO both ways is the race of one pipe: the child read first and took its own bytes.',
      },
    },
    queue: {
      title: `A ${g.messageQueue}`,
      intro: 'One System V queue for both directions. Each message carries a type: the child sends type 1 and reads type 2.',
      question: "Who reads the child's message?",
      answers: ['the parent', 'the child itself'],
      why: { parent: 'msgrcv() asks for a type: the child never asks for its own.' },
    },
    shm: {
      title: `${Cap(g.sharedMemory)} with ${g.semaphore}s`,
      intro: `Both processes map the same memory. A ${g.semaphore} says when a message is there.`,
      question: 'Does the reader check the memory in a loop while it waits?',
      answers: waitAnswers,
      why: { no: 'semop() blocks in the kernel until the writer posts: no CPU is spent waiting.', yes: 'A reader looped: the screen shows its CPU.' },
    },
    'shm-busy': {
      title: `${Cap(g.sharedMemory)} without waiting`,
      intro: 'The same memory, no semaphore: the reader checks a counter again and again until it changes.',
      question: 'Does the reader check the memory in a loop while it waits?',
      answers: waitAnswers,
      why: { yes: `${Cap(g.busyWaiting)}: the reader's thread burns a CPU until the message comes.`, no: 'No reader looped this time.' },
    },
    file: {
      title: `A plain ${g.file}`,
      intro: 'Both processes open one file. A read at the end of a file returns 0 at once: it never waits for a writer.',
      question: 'Does the reader check the file in a loop while it waits?',
      answers: waitAnswers,
      why: { yes: 'A file has no waiting read: the reader must look again and again.', no: 'No reader looped this time.' },
    },
    threads: {
      title: `Two ${g.thread}s, one variable`,
      intro: 'The "child" is a thread of the same process: it shares all memory. It waits with a futex.',
      question: 'Does the reader check the variable in a loop while it waits?',
      answers: waitAnswers,
      why: { no: 'A futex wait sleeps in the kernel until the other thread wakes it.', yes: 'A reader looped: the screen shows its CPU.' },
    },
    signal: {
      title: `${Cap(g.signal)}s, bit by bit`,
      intro: 'Each bit of the text is one signal sent to the other process, and each is answered before the next.',
      question: "Who reads the child's message?",
      answers: ['the parent', 'the child itself'],
      why: { parent: 'A signal goes to the process it names: the child sends to the parent only.' },
    },
    tcp: {
      title: 'A TCP connection',
      intro: 'The parent listens, the child connects. A connection is two-way: each end reads what the other wrote.',
      question: "Who reads the child's message?",
      answers: ['the parent', 'the child itself'],
      why: { parent: 'A socket end never hands a process its own bytes.' },
    },
  }),
};

export type LessonWords = typeof lessonEn;
