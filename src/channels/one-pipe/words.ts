// One shared pipe, in English and Korean.
import type { ChannelWords, Lang } from '../channel-words.js';

export const onePipeWords: Record<Lang, ChannelWords> = {
  en: {
    name: 'one shared pipe',
    reportName: 'one shared pipe',
    help: "One shared pipe (pipe2.c): both processes read and write the same pipe. Expect STOLEN, then a deadlock or a process blocked for ever: whoever calls read() first takes the bytes, even their own writer. The child's delay puts the textbook's sleep() into the source: it narrows the race, but timing can never be relied on.",
    sourceNote: "one pipe both ways: the textbook's broken variant",
    deadlock: null,
    delivered: null,
  },
  ko: {
    name: '공유 파이프 하나',
    reportName: '공유 파이프 하나',
    help: '공유 파이프 하나 (pipe2.c): 두 프로세스가 같은 파이프를 읽고 씁니다. 가로챔(STOLEN)과 교착 상태, 또는 영원히 막힌 프로세스를 보게 됩니다. 먼저 read()를 부른 쪽이 바이트를 가져가고, 쓴 쪽 자신일 수도 있습니다. 자식 지연을 켜면 소스에 교재의 sleep()이 들어갑니다. 경쟁을 좁히지만 타이밍은 믿을 수 없습니다.',
    sourceNote: '파이프 하나로 양방향: 교재의 잘못된 예',
    deadlock: null,
    delivered: null,
  },
};
