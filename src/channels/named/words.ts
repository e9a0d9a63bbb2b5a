// The named pipe, in English and Korean: its name, and the words of its path and of the
// outside processes that hold it.
import type { ChannelWords, Lang } from '../channel-words.js';

export interface NamedWords extends ChannelWords {
  title: string;
  private: string;
  nobody: string;
  holder: (pid: number, command: string, access: string) => string;
  took: (pid: number, command: string, bytes: number) => string;
  couldHave: (who: string) => string;
  unknownWriter: string;
  taken: string;
  hint: string;
}

export const namedWords: Record<Lang, NamedWords> = {
  en: {
    name: 'named pipe',
    reportName: 'one named pipe (a FIFO on disk)',
    help: 'Named pipe (fifo.c): one FIFO at a path, in a directory only you can open. It behaves like one shared pipe (expect STOLEN), and any other process of yours can open it: cat PATH in another terminal takes the next message, and the screen names it by PID. Bytes another process writes show as an unknown writer. The path is removed when pipe-chat exits.',
    sourceNote: 'a name on disk: anyone may open it',
    deadlock: null,
    delivered: null,
    title: 'ONE named pipe',
    private: 'its directory is 0700: only you can open it',
    nobody: 'no other process holds it',
    holder: (pid: number, command: string, access: string) => `PID ${pid} ${command} (${access})`,
    took: (pid: number, command: string, bytes: number) => `PID ${pid} ${command} took it: its rchar grew by ${bytes} B`,
    couldHave: (who: string) => `one of these could have taken it (an inference): ${who}`,
    unknownWriter: 'unknown writer',
    taken: 'TAKEN by an outside process',
    hint: 'try: cat PATH (from another terminal)',
  },
  ko: {
    name: '이름 있는 파이프',
    reportName: '이름 있는 파이프 하나 (디스크의 FIFO)',
    help: '이름 있는 파이프 (fifo.c): 나만 열 수 있는 디렉터리의 경로에 있는 FIFO 하나. 공유 파이프 하나처럼 동작하고 (가로챔이 나옴), 내 다른 프로세스도 열 수 있습니다. 다른 터미널에서 cat 경로를 실행하면 다음 메시지를 가져가고, 화면이 그 PID를 보여 줍니다. 다른 프로세스가 쓴 바이트는 알 수 없는 작성자로 나옵니다. pipe-chat이 끝나면 경로는 지워집니다.',
    sourceNote: '디스크의 이름: 누구나 열 수 있음',
    deadlock: null,
    delivered: null,
    title: '이름 있는 파이프 하나',
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
