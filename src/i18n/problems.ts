// Why a conversation could not start, as data: the code that meets the problem names it
// (with the kernel's own words inside: the call, errno, the child's own error line), and
// each language says it in its words, so a Korean banner is Korean whatever failed. The
// English is also the error's message, for the printed outputs and logs.
import type { Lang } from '../channels/channel-words.js';

/** A kernel object a channel makes before the fork. */
export type Made = 'pipe' | 'named-pipe' | 'socketpair' | 'shared-memory' | 'message-queue' | 'mapped-file' | 'tcp-listen';

export type Problem =
  | { kind: 'child-timeout'; ms: number }
  /** `detail`: the child's own error line, or its exit code. */
  | { kind: 'child-exited'; detail: string }
  | { kind: 'child-spawn'; errno: string; detail: string }
  | { kind: 'child-thread'; detail: string }
  | { kind: 'call-thread'; detail: string }
  | { kind: 'not-made'; what: Made; detail: string }
  | { kind: 'no-tcp-connection'; detail: string }
  /** Anything else: its own text, as it came. */
  | { kind: 'other'; text: string };

type Say = (problem: Problem) => string;

const MADE: Record<Lang, Record<Made, string>> = {
  en: {
    pipe: 'a kernel pipe',
    'named-pipe': 'a named pipe',
    socketpair: 'a socketpair',
    'shared-memory': 'the shared memory',
    'message-queue': 'a message queue',
    'mapped-file': 'a mapped file',
    'tcp-listen': 'a listening socket on 127.0.0.1',
  },
  // With the object particle each takes (을 after a final consonant, 를 after a vowel).
  ko: {
    pipe: '커널 파이프를',
    'named-pipe': '이름 있는 파이프를',
    socketpair: '소켓 쌍(socketpair)을',
    'shared-memory': '공유 메모리를',
    'message-queue': '메시지 큐를',
    'mapped-file': '메모리 매핑 파일을',
    'tcp-listen': '127.0.0.1의 듣기 소켓을',
  },
};

const WORDS: Record<Lang, Say> = {
  en: (p) => {
    switch (p.kind) {
      case 'child-timeout':
        return `the child did not start within ${p.ms} ms`;
      case 'child-exited':
        return `the child exited before it started: ${p.detail}`;
      case 'child-spawn':
        return `could not start the child process: ${p.errno} (${p.detail})`;
      case 'child-thread':
        return `could not start the child thread: ${p.detail}`;
      case 'call-thread':
        return `the parent's call thread could not start: ${p.detail}`;
      case 'not-made':
        return `could not create ${MADE.en[p.what]}: ${p.detail}`;
      case 'no-tcp-connection':
        return `no TCP connection from the child: ${p.detail}`;
      case 'other':
        return p.text;
    }
  },
  ko: (p) => {
    switch (p.kind) {
      case 'child-timeout':
        return `자식이 ${p.ms} ms 안에 시작하지 않았습니다`;
      case 'child-exited':
        return `자식이 시작하기 전에 끝났습니다: ${p.detail}`;
      case 'child-spawn':
        return `자식 프로세스를 만들지 못했습니다: ${p.errno} (${p.detail})`;
      case 'child-thread':
        return `자식 스레드를 시작하지 못했습니다: ${p.detail}`;
      case 'call-thread':
        return `부모의 호출 스레드를 시작하지 못했습니다: ${p.detail}`;
      case 'not-made':
        return `${MADE.ko[p.what]} 만들지 못했습니다: ${p.detail}`;
      case 'no-tcp-connection':
        return `자식의 TCP 연결이 오지 않았습니다: ${p.detail}`;
      case 'other':
        return p.text;
    }
  },
};

/** An error that carries its problem, for the screen to say in the user's language. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(WORDS.en(problem));
  }
}

/** A kernel object that could not be made, for `throw`: `error` names the call and errno. */
export function notMade(what: Made, error: unknown): ProblemError {
  return new ProblemError({ kind: 'not-made', what, detail: detailOf(error) });
}

/** The problem an error carries; any other error is its own message. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  return { kind: 'other', text: detailOf(error) };
}

/** The problem in `lang`'s words. */
export function sayProblem(problem: Problem, lang: Lang): string {
  return WORDS[lang](problem);
}

/** The text an error's detail gives (its message, or itself). */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
