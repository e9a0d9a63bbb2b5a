// 한국어: the Korean words of the chapter's second half, key for key with chapter-en.ts
// (its type makes a missing string a type error); ko.ts hangs it under ui.chapter.
import type { chapterEn } from './chapter-en.js';

export const chapterKo: typeof chapterEn = {
  wiring: { 'two-pipes': '파이프 두 개', 'one-pipe': '공유 파이프 하나', socket: '소켓', named: '이름 있는 파이프' },
  epoll: (fd: number) => `epoll_wait에서 fd ${fd}를 기다리는 중`,
  epollShort: (fd: number) => `epoll_wait(fd ${fd})`,
  source: {
    title: (file: string) => `소스: ${file}`,
    mark: {
      starting: '시작 중',
      typing: '키보드 입력 대기 (fgets)',
      writing: (fd: number) => `write(fd ${fd}) 중`,
      sleeping: (d: string) => `${d} 잠자는 중`,
      reading: (fd: number) => `read(fd ${fd})에서 막힘`,
      epoll: (fd: number) => `read()가 아니라 epoll_wait에서 fd ${fd} 대기`,
      stopped: '정지됨 (상태 T)',
      awaits: '자식의 줄을 기다림',
      done: '끝',
      exited: '종료됨',
    },
    comments: {
      child: '자식',
      parent: '부모',
      broken: '파이프 하나로 양방향: 교재의 잘못된 예',
      sleep: '교재의 "해결책": 타이밍',
      socket: '소켓 하나, 양방향',
      named: '디스크의 이름: 누구나 열 수 있음',
      epoll: 'Node: epoll_wait 후 read',
    },
  },
  socket: {
    title: '소켓쌍 하나',
    hint: '양방향, 끝마다 따로:',
    hint2: '가로챌 수 없음',
    toChild: '부모 → 자식',
    toParent: '자식 → 부모',
    inFlight: (bytes: number) => `${bytes} B 전송 중`,
    fdSummary: '소켓쌍: 두 프로세스가 끝을 하나씩 가짐 (socket:[inode]), 양방향',
    bothWait: '두 프로세스가 소켓에서 서로를 기다립니다 (자식은 read(), 부모는 epoll_wait). 전송 중인 바이트가 없으니 어느 쪽도 쓰지 않습니다.',
  },
  named: {
    title: '이름 있는 파이프 하나',
    path: '경로:',
    private: '디렉터리는 0700: 나만 열 수 있음',
    nobody: '다른 프로세스는 열지 않음',
    holder: (pid: number, command: string, access: string) => `PID ${pid} ${command} (${access})`,
    took: (pid: number, command: string, bytes: number) => `PID ${pid} ${command}가 가져감: rchar가 ${bytes} B 늘었음`,
    couldHave: (who: string) => `이 중 하나가 가져갔을 수 있음 (추론): ${who}`,
    unknownWriter: '알 수 없는 작성자',
    hint: '다른 터미널에서: cat 경로',
  },
};
