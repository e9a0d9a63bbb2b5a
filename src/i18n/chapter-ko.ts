// 한국어: the Korean words of the chapter's second half, key for key with chapter-en.ts
// (its type makes a missing string a type error); ko.ts hangs it under ui.chapter.
import type { chapterEn } from './chapter-en.js';

export const chapterKo: typeof chapterEn = {
  help: {
    title: '연결 방식 네 가지: 채팅에서 보게 될 것',
    source: '이 연결 방식의 교재 C 프로그램을 보이거나 숨김, 각 프로세스가 있는 줄 표시',
    nextWiring: '다음 연결 방식으로 바로 전환: 파이프 두 개, 공유 파이프 하나, 소켓, 이름 있는 파이프 (기록은 남음)',
    wirings: {
      'two-pipes':
        '파이프 두 개 (pipe3.c): 방향마다 파이프 하나, 각 프로세스는 자기가 쓰는 끝만 가집니다. 세 턴이 깨끗이 오가고 끝(DONE)이 나옵니다. 프로세스는 상대가 쓴 것만 읽을 수 있기 때문입니다. 소스 보기에서 부모가 답을 입력하는 동안 자식은 read(fds2[0]) 줄에 있습니다.',
      'one-pipe':
        '공유 파이프 하나 (pipe2.c): 두 프로세스가 같은 파이프를 읽고 씁니다. 가로챔(STOLEN)과 교착 상태, 또는 영원히 막힌 프로세스를 보게 됩니다. 먼저 read()를 부른 쪽이 바이트를 가져가고, 쓴 쪽 자신일 수도 있습니다. 자식 지연을 켜면 소스에 교재의 sleep()이 들어갑니다. 경쟁을 좁히지만 타이밍은 믿을 수 없습니다.',
      socket:
        "소켓 (socketpair.c): 양방향 socketpair 하나, 프로세스마다 자기 끝을 가집니다 (fd 패널의 socket:[inode]). 파이프 두 개처럼 세 턴이 깨끗이 오가고 끝이 나옵니다. 소켓은 자기가 쓴 바이트를 자기에게 돌려주지 않습니다. 부모는 'epoll_wait에서 기다리는 중'이라고 나옵니다. Node가 부모의 끝을 논블로킹으로 두므로 read()에 있는 스레드가 없습니다.",
      named:
        '이름 있는 파이프 (fifo.c): 나만 열 수 있는 디렉터리의 경로에 있는 FIFO 하나. 공유 파이프 하나처럼 동작하고 (가로챔이 나옴), 내 다른 프로세스도 열 수 있습니다. 다른 터미널에서 cat 경로를 실행하면 다음 메시지를 가져가고, 화면이 그 PID를 보여 줍니다. 다른 프로세스가 쓴 바이트는 알 수 없는 작성자로 나옵니다. pipe-chat이 끝나면 경로는 지워집니다.',
    },
  },
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
    fdSummary: '소켓쌍: 끝을 하나씩 (socket:[inode]), 양방향',
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
    taken: '바깥 프로세스가 가져감',
    hint: '다른 터미널에서: cat 경로',
  },
};
