// 한국어: the Korean words of the chapter's second half, key for key with chapter-en.ts
// (its type makes a missing string a type error); ko.ts hangs it under ui.chapter.
import type { chapterEn } from './chapter-en.js';

export const chapterKo: typeof chapterEn = {
  lang: 'ko',
  help: {
    title: '채널들: 채팅에서 보게 될 것',
    source: '이 연결 방식의 교재 C 프로그램을 보이거나 숨김, 각 프로세스가 있는 줄 표시',
    nextWiring: '채널 목록, 묶어서 (파이프, 소켓, System V, 파일, 스레드): ↑/↓와 Enter로 바로 전환 (기록은 남음)',
  },
  source: {
    title: (file: string) => `소스: ${file}`,
    mark: {
      starting: '시작 중',
      typing: '키보드 입력 대기 (fgets)',
      writing: (call: string) => `${call} 중`,
      sleeping: (d: string) => `${d} 잠자는 중`,
      reading: (call: string) => `${call}에서 막힘`,
      spinning: (call: string) => `바쁜 대기: ${call} (바쁜 대기)`,
      waitCalled: (call: string) => `${call} 호출`,
      spinStopped: (parkedIn: string) => `회전 멈춤, ${parkedIn}에서 기다림`,
      held: (call: string) => `${call} 직전에 붙잡힘 (futex 게이트)`,
      stopped: '정지됨 (상태 T)',
      awaits: '자식의 줄을 기다림',
      done: '끝',
      exited: '종료됨',
    },
    comments: {
      child: '자식',
      parent: '부모',
      sleep: '교재의 "해결책": 타이밍',
      sizes: '프로세스와 같이: 한 줄은 64 KiB까지 (줄바꿈과 NUL 포함), 한 번에 64 KiB + 64 바이트를 읽음',
      die: '호출 실패: 무엇인지 말하고 끝냄',
      frame: '두 프로세스가 쓰는 줄: "C1:text\\n" (쓴 쪽, 턴, 글)',
      textOf: '읽은 줄에서 채팅이 보여 주는 것: 태그 뒤의 글',
      stdin: '터미널 하나를 둘이 읽음: stdio 버퍼가 상대의 줄을 가져가면 안 됨',
      fork: (finds: string) => ['pipe-chat은 fork()처럼 clone()으로 자식을 만든 뒤,', `execve()한 프로그램이 ${finds} 찾음`],
      thread: (finds: string) => ['pipe-chat은 pthread_create처럼 clone(CLONE_VM | CLONE_THREAD)로', `자식 스레드(Worker)를 시작함: 프로세스 하나, 메모리 하나; ${finds} 찾음`],
      childThread: '자식: 이 프로세스의 두 번째 스레드, 메모리를 함께 씀',
      eof: '파일 끝: 쓰는 쪽이 없음',
    },
  },
};
