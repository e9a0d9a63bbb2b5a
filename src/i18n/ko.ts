// 한국어 카탈로그: en.ts와 키가 하나하나 같습니다.
import type { Messages } from './en.js';

export const ko: Messages = {
  cli: {
    usage: `사용법:
  pipe-chat [옵션]             채팅 열기: 진짜 파이프로 이어진 부모 프로세스와 자식 프로세스
  pipe-chat race [옵션]        파이프 하나로 경쟁을 여러 번 돌려 가로챈 메시지를 센다

옵션:
  --pipes 1|2          파이프 하나(공유) 또는 두 개로 시작 (기본 2)
  --child-delay MS     자식이 write()와 read() 사이에 자는 시간 (기본 0)
  --parent-delay MS    부모가 read() 전에 기다리는 시간 (기본 0)
  --lang en|ko         언어 (기본: LC_ALL, LC_MESSAGES, LANG에서)
  --no-color           색 없이 (NO_COLOR도 따릅니다)
  -h, --help           이 도움말
  -v, --version        버전

race 옵션:
  --trials N           한 턴 시도 횟수 (기본 200)
  --delay MS           자식이 write()와 read() 사이에 자는 시간 (기본 0)
  --json               JSON 객체 하나로 출력

채팅의 키: F1 또는 ? 도움말, Ctrl+T 파이프 하나/두 개 전환, Ctrl+C 종료.`,
    usageError: (message: string) => `pipe-chat: ${message}`,
    seeHelp: '사용법은 "pipe-chat --help"로 보세요.',
    notATerminal:
      'pipe-chat: 채팅에는 대화형 터미널이 필요합니다 (stdin이 TTY가 아닙니다).\n터미널 없이 파이프 실험을 하려면: pipe-chat race --pipes 1',
    fatal: (message: string) => `pipe-chat: ${message}`,
    race: {
      title: (pipes: string, trials: number, delayMs: number) =>
        `${pipes}, 시도 ${trials}번, 자식의 write()와 read() 사이 지연 ${delayMs} ms`,
      pipesOne: '공유 파이프 하나',
      pipesTwo: '파이프 두 개',
      stolen: (n: number, pct: string) => `자식이 자기 메시지를 다시 읽음: ${n} (${pct})`,
      delivered: (n: number, pct: string) => `부모가 메시지를 받음:           ${n} (${pct})`,
      deadlocked: (n: number) => `read()가 영원히 막힌 채 끝난 시도 (정리함): ${n}`,
      speed: (perSecond: number) => `초당 ${perSecond}번`,
    },
  },
};
