// Two pipes, in English and Korean.
import type { ChannelWords, Lang } from '../channel-words.js';

export const twoPipesWords: Record<Lang, ChannelWords> = {
  en: {
    name: 'two pipes',
    reportName: 'two pipes',
    help: 'Two pipes (pipe3.c): one pipe per direction, each process holding only the ends it uses. Expect three clean turns and DONE: a process can only read what the other wrote. In the source view the child sits on read(fds2[0]) while the parent types its answer.',
    sourceNote: null,
    deadlock: null,
    delivered: null,
  },
  ko: {
    name: '파이프 두 개',
    reportName: '파이프 두 개',
    help: '파이프 두 개 (pipe3.c): 방향마다 파이프 하나, 각 프로세스는 자기가 쓰는 끝만 가집니다. 세 턴이 깨끗이 오가고 끝(DONE)이 나옵니다. 프로세스는 상대가 쓴 것만 읽을 수 있기 때문입니다. 소스 보기에서 부모가 답을 입력하는 동안 자식은 read(fds2[0]) 줄에 있습니다.',
    sourceNote: null,
    deadlock: null,
    delivered: null,
  },
};
