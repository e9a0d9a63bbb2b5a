// 한국어: the Korean words of the chapter's second half, key for key with chapter-en.ts
// (its type makes a missing string a type error); ko.ts hangs it under ui.chapter.
import type { chapterEn } from './chapter-en.js';

export const chapterKo: typeof chapterEn = {
  help: {
    title: '연결 방식 네 가지: 채팅에서 보게 될 것',
    source: '이 연결 방식의 교재 C 프로그램을 보이거나 숨김, 각 프로세스가 있는 줄 표시',
    nextWiring: '채널 목록, 묶어서 (파이프, 소켓, System V): ↑/↓와 Enter로 바로 전환 (기록은 남음)',
  },
  source: {
    title: (file: string) => `소스: ${file}`,
    mark: {
      starting: '시작 중',
      typing: '키보드 입력 대기 (fgets)',
      writing: (call: string) => `${call} 중`,
      sleeping: (d: string) => `${d} 잠자는 중`,
      reading: (call: string) => `${call}에서 막힘`,
      stopped: '정지됨 (상태 T)',
      awaits: '자식의 줄을 기다림',
      done: '끝',
      exited: '종료됨',
    },
    comments: {
      child: '자식',
      parent: '부모',
      sleep: '교재의 "해결책": 타이밍',
    },
  },
};
