// One pipe, one way (pipe1.c), with its unused ends closed or left open, in English and Korean.
import type { ChannelWords, Lang } from '../channel-words.js';

export const pipe1Words: Record<Lang, ChannelWords> = {
  en: {
    name: 'one pipe, one way',
    reportName: 'one pipe, child to parent (pipe1)',
    help: "One pipe, one way (pipe1.c): the child writes, the parent reads; each process closed the end it does not use. Type the child's three lines: each reaches the parent. The parent cannot answer: there is no pipe back to the child. Once the child has exited no write end is left, so the parent's next read() returns 0: end of file, and DONE. Ctrl+T leaves the unused ends open, to see what close() is for.",
    sourceNote: 'one pipe, one way; each process closes the end it does not use',
    deadlock: null,
    delivered: null,
    parentInput: 'no pipe back to the child',
  },
  ko: {
    name: '한 방향 파이프 하나',
    reportName: '파이프 하나, 자식에서 부모로 (pipe1)',
    help: '파이프 하나, 한 방향 (pipe1.c): 자식은 쓰고 부모는 읽습니다. 각 프로세스는 쓰지 않는 끝을 닫았습니다. 자식의 줄 세 개를 입력하면 하나씩 부모에게 갑니다. 부모는 답할 수 없습니다: 자식에게 가는 파이프가 없습니다. 자식이 끝나면 남은 쓰기 끝이 없으므로 부모의 다음 read()는 0을 돌려줍니다: 파일의 끝, 그리고 끝(DONE). Ctrl+T는 쓰지 않는 끝을 열어 둡니다. close()가 왜 필요한지 볼 수 있습니다.',
    sourceNote: '파이프 하나, 한 방향. 각 프로세스는 쓰지 않는 끝을 닫음',
    deadlock: null,
    delivered: null,
    parentInput: '자식에게 가는 파이프 없음',
  },
};

export const pipe1OpenEndsWords: Record<Lang, ChannelWords> = {
  en: {
    name: 'one pipe, one way, ends left open',
    reportName: 'one pipe, child to parent, unused ends not closed',
    help: "pipe1.c without its close() calls: both processes keep both ends of the one pipe. The child's lines still reach the parent, but after the child has exited the parent's own write end is still open, so its last read() never gets end of file: it is BLOCKED in read() for ever, and the fd panel shows the write end it holds. Ctrl+T: close the unused ends again.",
    sourceNote: 'one pipe, one way, and no close(): the parent waits for ever on its own write end',
    deadlock: null,
    delivered: null,
    parentInput: 'no pipe back to the child',
  },
  ko: {
    name: '끝을 열어 둔 파이프 하나',
    reportName: '파이프 하나, 자식에서 부모로, 쓰지 않는 끝을 닫지 않음',
    help: 'close() 호출이 없는 pipe1.c: 두 프로세스가 파이프 하나의 두 끝을 모두 가집니다. 자식의 줄은 여전히 부모에게 가지만, 자식이 끝난 뒤에도 부모 자신의 쓰기 끝이 열려 있어 마지막 read()는 파일의 끝을 받지 못합니다: 영원히 read()에서 막히고(BLOCKED), fd 패널에 부모가 가진 쓰기 끝이 보입니다. Ctrl+T: 다시 쓰지 않는 끝을 닫습니다.',
    sourceNote: '파이프 하나, 한 방향, close() 없음: 부모는 자기 쓰기 끝 때문에 영원히 기다림',
    deadlock: null,
    delivered: null,
    parentInput: '자식에게 가는 파이프 없음',
  },
};
