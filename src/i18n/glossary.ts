// The chapter's terms, once, in English and in the Korean that Korean OS textbooks use
// (경쟁 조건, 교착 상태, 바쁜 대기). The lesson's texts take their terms from here, and
// docs/glossary.md shows the same table (test/i18n-terms.test.ts holds the two equal).
import type { Lang } from '../channels/channel-words.js';

export const GLOSSARY = {
  pipe: { en: 'pipe', ko: '파이프' },
  namedPipe: { en: 'named pipe', ko: '이름 있는 파이프' },
  messageQueue: { en: 'message queue', ko: '메시지 큐' },
  sharedMemory: { en: 'shared memory', ko: '공유 메모리' },
  semaphore: { en: 'semaphore', ko: '세마포어' },
  signal: { en: 'signal', ko: '시그널' },
  socket: { en: 'socket', ko: '소켓' },
  thread: { en: 'thread', ko: '스레드' },
  file: { en: 'file', ko: '파일' },
  process: { en: 'process', ko: '프로세스' },
  parent: { en: 'parent process', ko: '부모 프로세스' },
  child: { en: 'child process', ko: '자식 프로세스' },
  raceCondition: { en: 'race condition', ko: '경쟁 조건' },
  deadlock: { en: 'deadlock', ko: '교착 상태' },
  busyWaiting: { en: 'busy waiting', ko: '바쁜 대기' },
  blocking: { en: 'blocking (waiting in the kernel)', ko: '블로킹 (커널 안에서 대기)' },
  scheduler: { en: 'scheduler', ko: '스케줄러' },
  systemCall: { en: 'system call', ko: '시스템 호출' },
  fileDescriptor: { en: 'file descriptor', ko: '파일 디스크립터' },
  endOfFile: { en: 'end of file (EOF)', ko: '파일의 끝 (EOF)' },
} as const;

export type TermId = keyof typeof GLOSSARY;

/** Every term in one language, by id: the lesson's texts write `g.deadlock`. */
export function glossary(lang: Lang): Record<TermId, string> {
  return Object.fromEntries(Object.entries(GLOSSARY).map(([id, term]) => [id, term[lang]])) as Record<TermId, string>;
}

/** docs/glossary.md's table, as the docs show it: one row a term, English then Korean. */
export function glossaryTable(): string {
  const rows = Object.values(GLOSSARY).map((term) => `| ${term.en} | ${term.ko} |`);
  return ['| English | 한국어 |', '| --- | --- |', ...rows].join('\n');
}
