// 한국어 카탈로그: en.ts와 키가 하나하나 같습니다.
import { channelHelp } from '../channels/channel-list.js';
import { channelWords } from '../channels/words-registry.js';
import { chapterKo } from './chapter-ko.js';
import { lessonKo } from './lesson-ko.js';
import type { Messages } from './en.js';
import type { Refused, RootProblem } from '../kernel/safe-dirs.js';
import { sayProblem, type Problem } from './problems.js';

function rootProblemKo(why: RootProblem): string {
  switch (why.kind) {
    case 'missing':
      return '없음';
    case 'symlink':
      return '심볼릭 링크임';
    case 'not-a-directory':
      return '디렉터리가 아님';
    case 'owner':
      return `소유자가 uid ${why.uid}임`;
    case 'others-may-write':
      return `스티키 비트 없이 다른 사용자가 쓸 수 있음 (${why.mode})`;
    case 'not-0700':
      return `모드가 0700이 아니라 ${why.mode}임`;
    case 'mkdir-failed':
      return `디렉터리를 만들 수 없음 (${why.code})`;
    case 'made-not-private':
      return '만든 디렉터리가 개인용이 아님';
  }
}

const GROUP_NAMES_KO = { pipes: '파이프', sockets: '소켓', sysv: 'System V IPC', files: '파일', threads: '한 프로세스의 스레드', signals: '시그널' };

export const ko: Messages = {
  cli: {
    usage: {
      chat: `사용법:
  pipe-chat [옵션]             채팅 열기: 진짜 파이프로 이어진 부모 프로세스와 자식 프로세스
  pipe-chat race [옵션]        파이프 하나로 경쟁을 여러 번: 메시지를 얼마나 자주 가로채나?
  pipe-chat race --sweep       자식 지연을 바꿔 가며 경쟁을 돌리고 차트로 그린다
  pipe-chat writers [옵션]     파이프 하나에 여러 writer: 어느 메시지가 온전히 도착하나?
  pipe-chat clean [--yes]      죽은 실행이 남긴 것 (큐, 세그먼트, 세마포어, 디렉터리)
                               목록과 삭제
  pipe-chat source 이름        채널의 C 프로그램 전체를 출력: 컴파일해서 돌려 볼 수 있음
                               (이름: 아래 채널)
  pipe-chat lesson [옵션]      이 장을 수업으로: 실행마다 먼저 질문

채팅 옵션:
  --pipes 1|2          파이프 하나(공유) 또는 두 개로 시작 (기본 2)
  --wiring W           채널, 아래 목록 중 하나 (기본 two-pipes)
  --child-delay MS     자식이 write()와 read() 사이에 자는 시간 (기본 0)
  --parent-delay MS    부모가 read() 전에 기다리는 시간 (기본 0)
  --lang en|ko         언어 (기본: LC_ALL, LC_MESSAGES, LANG에서)
  --no-color           색 없이 (NO_COLOR도 따릅니다)
  --auto               대화를 저절로 진행 (시연과 녹화용)
  --script FILE        이 줄들로 자동 진행: {"child": [3줄], "parent": [3줄]},
                       단계 실행에서 보낼 순서: "releases": ["child", "parent", ...]
  --step               단계 실행으로 시작: 각 프로세스는 채널의 호출 하나하나 직전에
                       멈추고, 보내 주어야 진행 (F5 부모, F6 자식)
  --speed X            자동 진행 속도, 예: 2는 두 배 빠르게 (기본 1)
  --exit-when-done     대화가 끝나면 상태 0으로 종료
  --keep FILE          보관 프로세스가 전달된 메시지를 모두 FILE에 덧붙임 (새로 만듦, 0600)
  --layout three|big   화면 배치: three는 세 칸 (기본), big은 큰 글꼴과 프로젝터용으로
                       두 창을 나란히 두고 그림이나 소스 보기를 그 아래에 (채팅에서
                       Esc b로 바꿈)
  -h, --help           이 도움말 (pipe-chat race --help: race의 옵션)
  -v, --version        버전

채팅의 키: F1 도움말, Ctrl+T 파이프 하나/두 개 전환, F3 채널 목록, F4 단계 실행,
Esc 다음 글자 하나는 명령, Ctrl+C 종료.

채널 (--wiring 이름):
${channelHelp(GROUP_NAMES_KO, (w) => channelWords('ko')[w].reportName)}`,
      lesson: `사용법:
  pipe-chat lesson [옵션]      이 장을 수업으로, 단계마다 화면 하나

단계마다 짧은 설명과 질문이 나오고 (1-3 키로 학생들의 답을 고름), 그 단계의 채널로
채팅이 저절로 돌고, 무슨 일이 왜 일어났는지와 답이 맞았는지를 보여 줍니다. 끝에서
답을 모아 보여 줍니다.

옵션:
  --from N             N단계부터 시작
  --auto               1번 답을 고르고 저절로 진행 (녹화와 테스트용)
  --speed X            입력과 --auto의 속도, 예: 2는 두 배 빠르게
  --exit-when-done     답 모음을 보여 준 뒤 상태 0으로 끝내기
  --lang en|ko         언어
  --no-color           색 없음 (NO_COLOR도 따름)`,
      race: `사용법:
  pipe-chat race [옵션]            경쟁 한 번: 한 턴을 N번 돌려 가로챈 메시지를 센다
  pipe-chat race --sweep [옵션]    자식 지연 여러 개에서 경쟁을 돌려 차트로 그린다

시도마다: 부모는 read()에서 기다리고, 자식은 "Who are you?"를 쓰고 자식 지연만큼
잔 뒤 읽습니다. 공유 파이프 하나에서는 먼저 읽는 쪽이 바이트를 가져갑니다.

옵션:
  --pipes 1|2          공유 파이프 하나(race의 기본) 또는 파이프 두 개
  --wiring W           채널, pipe-chat --help 목록 중 하나 (one-pipe = --pipes 1).
                       pipe1, pipe1-open-ends는 안 됨: 한 방향이라 되읽는 쪽이 없어 경쟁도 없음
  --child-delay MS     자식이 write()와 read() 사이에 자는 시간 (기본 0, --delay도 됨)
  --parent-delay MS    부모가 read() 전에 기다리는 시간 (기본 0)
  --trials N           지연마다 시도 횟수 (기본 200, --sweep이면 300)
  --sweep              자식 지연 여러 개로 돌려 가로챈 비율을 그린다
  --delays MS,MS,...   sweep의 지연들 (기본 0,0.05,0.1,0.25,0.5,1,2, --sweep 포함)
  --json               JSON 객체 하나로 출력
  --csv                CSV로 출력: 지연마다 한 줄
  --lang en|ko         언어
  --no-color           색 없이 (NO_COLOR도 따릅니다)`,
      source: `사용법:
  pipe-chat source 이름 [옵션]    채널 이름의 C 프로그램을 한 줄도 빼지 않고 출력

소스 보기(F2)가 보여 주는 프로그램 전체입니다. 출력한 그대로 컴파일되고
(cc -O2 -Wall -Werror) pipe-chat의 프로세스가 하는 일을 같은 크기, 채널 위의 같은
바이트로 합니다. 프로세스마다 세 줄씩 넣어 돌려 보세요:
  pipe-chat source two-pipes > pipe3.c && cc -O2 -Wall -Werror pipe3.c -o pipe3 && ./pipe3

옵션:
  --child-delay MS     채팅에서처럼 자식이 write와 read 사이에 자는 시간
  --lang en|ko         주석의 언어

채널 (이름):
${channelHelp(GROUP_NAMES_KO, (w) => channelWords('ko')[w].reportName)}
  그리고 keeper: --keep FILE의 세 번째 프로세스인 보관자의 프로그램`,
      clean: `사용법:
  pipe-chat clean [--yes]   내 실행이 죽으며 남겼을 수 있는 것과 그 삭제

System V 큐, 세그먼트, 세마포어 집합은 프로세스보다 오래 남고, 이름 있는 파이프의
디렉터리도 남을 수 있습니다. 프로세스가 사라진 내 실행의 것을 나열하고, 예라고 하면
지웁니다. 터미널이 없으면 --yes 없이는 나열만 합니다.

옵션:
  -y, --yes            묻지 않고 삭제 (스크립트용)
  --lang en|ko         언어`,
      writers: `사용법:
  pipe-chat writers [옵션]   writer 프로세스 N개가 파이프 하나에 동시에 쓴다

writer마다 주어진 크기의 꼬리표 달린 메시지 M개를 write(2) 한 번씩으로 쓰고, 읽는
쪽 하나가 모두 가져갑니다. 온전히 도착한 메시지와 다른 writer의 바이트가 끼어들어
찢긴 메시지를 세고, 찢긴 메시지 하나를 보여 줍니다.

옵션:
  --writers N          writer 프로세스 수 (1에서 16, 기본 4)
  --size BYTES,...     메시지 크기(바이트), 16에서 1048576. 여러 크기는 차례로
                       돌립니다 (기본 4096,262144: PIPE_BUF 안 하나, 파이프보다
                       큰 것 하나)
  --messages M         writer마다 메시지 수 (1에서 100, 기본 20)
  --json               JSON 객체 하나로 출력
  --csv                CSV로 출력: 크기마다 한 줄
  --lang en|ko         언어
  --no-color           색 없이 (NO_COLOR도 따릅니다)`,
    },
    usageError: (message: string) => `pipe-chat: ${message}`,
    clean: {
      nothing: '지울 것이 없습니다: 사라진 내 실행의 큐, 세그먼트, 세마포어 집합, 디렉터리가 없습니다.',
      found: (n: number) => `사라진 내 실행이 남긴 것 (${n}):`,
      sysv: (kind: string, id: number, key: string, pid: number) => `  ${kind} id ${id}  키 ${key}  만든 PID ${pid} (사라짐)`,
      dir: (path: string) => `  디렉터리 ${path}`,
      kinds: { msg: '메시지 큐', shm: '공유 메모리 세그먼트', sem: '세마포어 집합' },
      ask: '지울까요? [y/N] ',
      kept: '아무것도 지우지 않았습니다.',
      listOnly: '아무것도 지우지 않았습니다 (물어볼 터미널이 없음): 지우려면 pipe-chat clean --yes',
      removed: (n: number) => `${n}개를 지웠습니다.`,
      failed: (what: string, why: string) => `${what}을(를) 지우지 못했습니다: ${why}`,
    },
    seeHelp: (command: string) => `${command} --help 를 보세요`,
    commandName: { chat: 'pipe-chat', race: 'pipe-chat race', writers: 'pipe-chat writers', clean: 'pipe-chat clean', source: 'pipe-chat source', lesson: 'pipe-chat lesson' },
    problem: {
      unknownOption: (option: string) => `알 수 없는 옵션 ${option}`,
      missingValue: (option: string) => `${option}에는 값이 필요합니다`,
      takesNoValue: (option: string) => `${option}에는 값을 줄 수 없습니다`,
      unexpectedArgument: (argument: string) => `예상하지 못한 인자 "${argument}"`,
      noChannelName: (names: string) => `pipe-chat source에는 채널 이름이 필요합니다: ${names}`,
      noSuchChannel: (name: string, names: string) => `"${name}"라는 채널은 없습니다. 채널: ${names}`,
      wrongCommand: (option: string, owners: string, command: string) => `${option}는 ${owners}의 옵션이며 "${command}"에는 쓸 수 없습니다`,
      conflict: (option: string, other: string) => `${option}와 ${other}는 함께 쓸 수 없습니다`,
      noRace: (wiring: string) => `${wiring}에는 돌릴 경쟁이 없습니다: 자식은 쓰기만 하고 부모는 읽기만 하므로 어느 프로세스도 자기 메시지를 되읽을 수 없습니다`,
      oneOf: (option: string, values: string, value: string) => `${option}는 ${values} 중 하나여야 합니다 ("${value}"는 안 됨)`,
      or: ', ',
      number: (option: string, range: string, value: string) => `${option}는 ${range} 사이의 수여야 합니다 ("${value}"는 안 됨)`,
      integer: (option: string, range: string, value: string) => `${option}는 ${range} 사이의 정수여야 합니다 ("${value}"는 안 됨)`,
      list: (option: string, most: number, range: string, value: string) =>
        `${option}는 ${range} 사이의 수를 쉼표로 나눠 ${most}개까지 써야 합니다 ("${value}"는 안 됨)`,
      range: (min: number, max: number) => `${min}에서 ${max}`,
      fault: {
        negative: '음수입니다',
        'not-decimal': '십진수로 쓰세요',
        spaces: '공백을 지우세요',
        'not-a-number': '',
        'out-of-range': '',
        'too-many': '값이 너무 많습니다',
      },
      withFault: (message: string, fault: string) => `${message}: ${fault}`,
    },
    scriptError: (file: string, problem: string) => `pipe-chat: --script ${file}: ${problem}`,
    keepRefused: (file: string, code: string) =>
      `pipe-chat: --keep ${file}: ${code === 'EEXIST' ? '이미 무언가 있습니다. --keep은 덮어쓰지 않습니다: 새 파일 이름을 주세요' : `만들 수 없습니다 (${code})`}`,
    autoLines: {
      child: ['누구세요?', '파이프가 뭐예요?', '고마워요, 안녕!'],
      parent: ['나는 네 부모 프로세스란다.', '커널 안의 한 방향 통로지.', '잘 가렴.'],
    },
    notATerminal: (stream: string) =>
      `pipe-chat: 채팅에는 대화형 터미널이 필요합니다 (${stream}이 터미널이 아닙니다).\n터미널 없이 파이프 실험을 하려면: pipe-chat race --pipes 1`,
    outputFailed: (stream: string, reason: string) => `pipe-chat: ${stream === 'stdout' ? '표준 출력' : '표준 오류'}에 쓸 수 없습니다: ${reason}`,
    fatal: (message: string) => `pipe-chat: ${message}`,
    noPrivatePlace: (refused: readonly Refused[]) =>
      `pipe-chat: 디렉터리를 만들 개인 공간이 없습니다 (다른 사용자가 접근할 수 있음): ${refused.map((r) => `${r.root} ${rootProblemKo(r.why)}`).join('; ')}. XDG_RUNTIME_DIR를 내 소유의 0700 디렉터리로, 또는 TMPDIR를 다른 사용자가 쓸 수 없는 디렉터리로 설정하세요.`,
    machine: (m: { cpuModel: string; cpus: number; kernel: string; node: string }) =>
      `측정한 기계: ${m.cpuModel} × ${m.cpus}, ${m.kernel}, Node ${m.node}`,
    scriptTooLarge: (kib: number) => `${kib}KiB보다 큽니다 (스크립트에는 여섯 줄만 들어갑니다)`,
    dumbTerminal: (term: string) =>
      `pipe-chat: 이 터미널(TERM=${term})은 전체 화면 채팅을 그릴 수 없습니다. 커서 이동과 대체 화면이 필요합니다.\nxterm 같은 터미널에서 실행하거나, 터미널 없이 실험하려면: pipe-chat race --pipes 1`,
    noLibc: (reason: string) => `pipe-chat: ${reason}. 이 실습은 시스템 호출(pipe, socketpair)을 koffi로 부르는데, koffi에 이 시스템용 빌드가 없습니다.`,
    windows:
      'pipe-chat: 이 실습에는 POSIX 시스템(Linux 또는 macOS)이 필요합니다. 자식 프로세스를 fork하고 커널 FIFO로 잇는데, Windows에는 FIFO가 없습니다.\nWindows에서는 WSL(Windows Subsystem for Linux) 안에서 실행하세요.',
    race: {
      title: (pipes: string, trials: number, delayMs: number) =>
        `${pipes}, 시도 ${trials}번, 자식의 write()와 read() 사이 지연 ${delayMs} ms`,
      defaultWiring: '(race의 기본은 공유 파이프 하나입니다. --pipes 2는 안전한 연결로 돌립니다)',
      stolen: (n: number, pct: string) => `자식이 자기 메시지를 다시 읽음: ${n} (${pct})`,
      delivered: (n: number, pct: string) => `부모가 메시지를 받음:           ${n} (${pct})`,
      waitingBeforeSend: (call: string, n: number) => `자식의 줄이 나가기 전에 부모가 ${call}()에서 기다리는 것이 /proc에 보인 시도: ${n}`,
      disturbed: (n: number) => `다른 프로세스가 파이프에 쓴 바이트 때문에 흐트러진 시도 (빼앗김에도 전달에도 세지 않음): ${n}`,
      parentBlocked: (call: string, n: number) => `부모가 받을 것 없는 ${call}()에 막힌 채 끝난 시도\n    (커널에서 확인; 부모가 직접 보낸 메시지로 깨움): ${n}`,
      speed: (perSecond: number) => `초당 ${perSecond}번`,
      streamTitle: (name: string, trials: number, delayMs: number) => `${name}, 메시지 ${trials}개를 연달아 씀, 쓰기 사이 자식 지연 ${delayMs} ms`,
      lostTorn: (lost: number, pct: string, torn: number) => `읽지 못함 (유실): ${lost} (${pct}) · 복사 중 찢어짐: ${torn}`,
      bitsTitle: (name: string, trials: number, delayMs: number) => `${name}, 시도 ${trials}번, 시도마다 메시지 하나, 자식 지연 ${delayMs} ms`,
      whole: (n: number, pct: string) => `부모가 메시지를 온전히 받음: ${n} (${pct})`,
      garbled: (n: number, pct: string) => `깨져서 도착 (비트 잃음):    ${n} (${pct})`,
      bits: (sent: number, lost: number, pct: string) => `보낸 비트 (비트마다 tgkill 하나): ${sent} · 부모가 받지 못한 비트: ${lost} (${pct})`,
      cpu: (parentMs: number, childMs: number, wallMs: number) => `CPU 시간: 부모 ${parentMs} ms, 자식 ${childMs} ms, ${wallMs} ms 동안`,
      progressOne: (done: number, trials: number) => `race: 시도 ${done}/${trials}`,
      progress: (delayMs: string, done: number, trials: number, point: number, points: number) =>
        `race: 자식 지연 ${delayMs} ms, 시도 ${done}/${trials} (지연 ${points}개 중 ${point}번째)`,
    },
    sweep: {
      title: (pipes: string, trials: number, parentDelayMs: number) =>
        `자식 지연에 따른 가로챔 비율: ${pipes}, 지연마다 시도 ${trials}번, 부모 읽기 지연 ${parentDelayMs} ms`,
      yTitle: '자식이 자기 메시지를 다시 읽은 비율 (시도의 %)',
      xTitle: '자식의 write()와 read() 사이 지연, ms (간격은 비례 아님)',
      interval: '95% 구간 (Wilson)',
      header: ['지연 ms', '가로챔', '시도', '비율', '95% 구간'],
      took: (seconds: string) => `걸린 시간 ${seconds}초`,
    },
    writers: {
      title: (writers: number, messages: number) =>
        `writer 프로세스 ${writers}개 × 메시지 ${messages}개, 메시지마다 write(2) 한 번, 파이프 하나에; 읽는 쪽 하나`,
      size: (size: number, note: string) => `${size}바이트 메시지 ${note}:`,
      withinPipeBuf: '(PIPE_BUF 이하)',
      withinPipe: '(PIPE_BUF보다 크고 64 KiB 파이프 이하)',
      overPipe: '(64 KiB 파이프보다 큼)',
      counts: (whole: number, torn: number, total: number) => `온전함: ${total}개 중 ${whole}개   찢김: ${total}개 중 ${torn}개`,
      verdictPromised: 'PIPE_BUF 이하: POSIX는 write마다 통째로 들어간다고 약속합니다',
      verdictKept: 'PIPE_BUF를 넘으면 약속이 없지만, 여기서는 write가 모두 통째로 들어갔습니다',
      verdictSplit: (torn: number, total: number) => `PIPE_BUF를 넘음: 여기서 커널이 write ${total}개 중 ${torn}개를 나눴습니다`,
      evidence: (name: string, pieces: number) =>
        `찢긴 예: ${name}이(가) ${pieces}조각으로 도착했고 그 사이에 다른 writer의 바이트가 있습니다 (읽은 스트림의 오프셋):`,
      piece: (at: number, name: string, from: number, to: number) => `${at}: ${name}의 바이트 ${from}-${to}`,
      inside: (name: string) => `${name} 안에 끼어듦`,
      more: (n: number) => `… 그리고 ${n}조각 더`,
      pipeBuf:
        'POSIX가 약속하는 것은 PIPE_BUF(4096)바이트 이하의 write가 파이프에 통째로 들어간다는 것뿐입니다. 그보다 크면 커널은 나눠도 됩니다. 여기서 커널이 실제로 한 일은 위에 센 그대로입니다.',
      progress: (size: number, read: string, total: string) => `writers: ${size}바이트 메시지, ${total} MiB 중 ${read} MiB 읽음`,
    },
  },
  ui: {
    chapter: chapterKo,
    channels: channelWords('ko'),
    proc: { parent: '부모', child: '자식' },
    procLower: { parent: '부모', child: '자식' },
    paneTitle: (name: string, pid: string) => `${name} · PID ${pid}`,
    pidAndTid: (pid: string, tid: number) => `${pid} · TID ${tid}`,
    pidUnknown: '…',
    state: {
      starting: '시작 중…',
      typing: '키보드 입력 기다림',
      writing: (call: string) => `${call}로 쓰는 중`,
      reading: (call: string, seconds: number) => `${call}에서 ${seconds}초째 막힘`,
      readingSince: (call: string, time: string) => `${call}에서 ${time}부터 막힘`,
      readingUntimed: (call: string) => `${call}에서 막힘`,
      sleeping: (duration: string) => `${duration} 자는 중`,
      held: (call: string, key: string) => `futex 게이트에서 붙잡힘: ${call} 직전 · ${key}: 보내기`,
      stopped: (call: string | null) => `시그널로 멈춤 (/proc 상태 T)${call === null ? '' : ` ${call} 안에서`}`,
      done: '끝',
      eof: 'read()가 0을 돌려줌: 파일 끝',
      error: (errno: string) => `멈춤: ${errno}`,
      exited: (how: string) => `종료됨 (${how})`,
      awaitsChildLine: (duration: string) => `아직 read() 전: 자식 입력 ${duration} 뒤에 읽음`,
      spinning: (on: string, seconds: number, cpu: string) => `바쁜 대기: ${on} · ${seconds}초 · CPU ${cpu}`,
      inFutex: (seconds: number, cpu: string) => `futex_wait에서 막힘 · ${seconds}초 · CPU ${cpu}`,
      waitCalled: (on: string) => `${on} 호출`,
      spinStopped: (seconds: number, cpu: string, parkedIn: string) => `회전 멈춤: ${seconds}초 동안 메시지 없음, CPU ${cpu} 사용 · ${parkedIn}에서 기다림, 아무 키나 누르면 다시 돕니다`,
      missed: (lost: number, torn: number) => `유실 ${lost} · 찢김 ${torn}`,
    },
    exitCode: (code: number) => `코드 ${code}`,
    exitSignal: (signal: string) => `시그널 ${signal}`,
    transcript: {
      fromChild: 'from Child: ',
      fromParent: 'from Parent: ',
      ownLine: (proc: string) => `↺ ${proc} 자신이 쓴 줄`,
      typed: '› ',
      inPipe: (tag: string, writer: string) => `${tag} ${writer}→? 보냈고 아직 안 읽힘`,
      route: (tag: string, writer: string, reader: string) => `${tag} ${writer}→${reader}`,
      delivered: '전달됨',
      stolen: '가로챔',
      stolenWhy: '쓴 프로세스가 도로 읽음',
      outOfTurn: (expected: string) => `순서 어긋남 (${expected} 기다림)`,
      untagged: '쓴 이 표시 없음',
      forged: '위조: 다른 프로세스가 우리 꼬리표를 달아 씀',
      garbled: (got: number, sent: number) => `깨짐: ${sent}비트 중 ${got}비트 도착`,
      garbledWord: '깨짐',
      forgedTag: (tag: string) => `위조된 ${tag}`,
      outsideWriter: '바깥 프로세스',
      takerGone: '다른 프로세스(이미 끝남)',
      pending: '아직 누가 썼는지 모름 (쓴 쪽의 보고가 오지 않음)',
      dividerStart: (mode: string, pid: string) => `${mode} · 자식 PID ${pid}`,
      dividerToggle: (mode: string, pid: string, turn: number) => `${mode}로 전환 · 새 자식 PID ${pid} · ${turn}번째 턴`,
      dividerRestart: (mode: string, pid: string) => `새 대화 · ${mode} · 자식 PID ${pid}`,
      dividerRespawn: (pid: string, turn: number) => `새 자식 PID ${pid} · ${turn}번째 턴부터`,
      frameError: (detail: string) => `잘못된 프레임: ${detail}`,
      eof: (detail: string) => `파일 끝: ${detail}`,
      errno: (detail: string) => `실패: ${detail}`,
      more: (n: number) => `↑ 앞의 ${n}줄`,
      moreAbove: '↑ 위에 더 있음 · PgUp',
      moreBelow: (n: number) => `↓ 아래에 새 항목 ${n}개 · PgDn`,
      longMessage: (bytes: number) => `(${bytes}바이트 모두 보냄, 화면만 잘림)`,
      dropped: (conversations: number, messages: number, kept: number) =>
        `… 오래된 대화 ${conversations}개(메시지 ${messages}개)는 남기지 않습니다: 최근 메시지 ${kept}개와 지금 대화는 남깁니다`,
    },
    input: {
      childKeyboard: '자식 키보드',
      parentKeyboard: '부모 키보드',
      notTyping: '입력 안 받음',
      sent: '줄을 보냄…',
      keysOff: 'Esc: 다음 키 하나가 명령',
      keysOffShort: '다음 키: 명령',
      tabHere: 'Tab: 여기에 입력',
      empty: '빈 줄: 보내지 않음',
      kept: '보관됨: 아직 안 기다림',
      hint: { child: '자식이 보낼 줄을 입력하고 Enter', parent: '부모의 답을 입력하고 Enter' },
      hintShort: '입력하고 Enter',
      full: (bytes: number) => `줄이 가득 참: 메시지는 64 KiB까지, ${bytes}바이트는 들어가지 않음`,
      fullShort: '줄이 가득 참: 64 KiB',
    },
    pipes: {
      title: '파이프',
      sides: { parent: '부모', child: '자식' },
      childToParent: '자식 → 부모',
      parentToChild: '부모 → 자식',
      shared: '공유 파이프 하나',
      sharedHint: '둘 다 쓰고 둘 다 읽음:',
      sharedHint2: '먼저 read()한 쪽이 가져감',
      alsoOpen: '안 닫음',
      inode: (n: number) => `inode ${n}`,
      fd: (n: number) => `fd ${n}`,
      writeEnd: '쓰기',
      readEnd: '읽기',
      empty: '비어 있음',
      unread: (bytes: number) => `안 읽힌 ${bytes} B`,
      last: '마지막:',
      none: '아직 파이프 없음',
    },
    status: {
      path: '경로',
      turn: (k: number, n: number) => `턴 ${k}/${n}`,
      turnApart: (k: number, n: number, parent: number) => `턴 ${k}/${n} (부모는 ${parent})`,
      countsSince: (since: string, delivered: number, stolen: number, read: number) => `${since}부터: 전달 ${delivered}, ${read}개 중 가로챔 ${stolen}`,
      counts: (delivered: number, stolen: number, read: number) => `전달 ${delivered}, ${read}개 중 가로챔 ${stolen}`,
      countsShort: (stolen: number, read: number) => `${read}개 중 가로챔 ${stolen}`,
      deliveredSince: (since: string, delivered: number) => `${since}부터: 전달 ${delivered}`,
      delivered: (delivered: number) => `전달 ${delivered}`,
      outOfTurn: (n: number) => `순서 어긋남 ${n}`,
      garbled: (n: number, of: number) => `${of}개 중 깨짐 ${n}`,
      fromOutside: (n: number) => `바깥에서 옴 ${n}`,
      knobs: (child: string, parent: string) => `자식 지연 ${child} · 부모 읽기 지연 ${parent}`,
      knobsShort: (child: string, parent: string) => `지연: 자식 ${child}, 부모 ${parent}`,
      knobsTiny: (child: string, parent: string) => `자식 ${child}, 부모 ${parent}`,
      autoPlay: (speed: number) => (speed === 1 ? '자동 재생' : `자동 재생 ×${speed}`),
      autoPlayShort: (speed: number) => (speed === 1 ? '자동' : `자동 ×${speed}`),
      // One unit in Korean: seconds (0.1초, 2초), never 초 beside ms.
      ms: (ms: number) => `${Number((ms / 1000).toFixed(3))}초`,
      typingKeys: { toggle: 'Ctrl+T 파이프 전환', keys: 'Esc 다음 명령 키 (F1에 목록)', other: 'Tab 다른 입력', scroll: 'PgUp/PgDn 스크롤', help: 'F1 도움말', quit: 'Ctrl+C 종료' },
      commandKeys: {
        toggle: 't 전환',
        delays: 'd/p 지연',
        trace: 'x 추적',
        fds: 'f fd',
        restart: 'r 재시작',
        zero: 'z 집계 초기화',
        help: '? 도움말',
        quit: 'q 종료',
        type: 'Esc 입력으로',
        mode: '명령 키:',
      },
    },
    banner: {
      deadlockTitle: '교착 상태 (DEADLOCK)',
      deadlockBoth: '두 프로세스 모두 read()에서 막혔고 공유 파이프는 비어 있습니다. 서로 상대가 쓰기를 기다리니 아무도 쓰지 않습니다.',
      deadlockPipes: '두 프로세스 모두 read()에서 막혔고 두 파이프 모두 비어 있습니다. 서로 상대가 쓰기를 기다리니 아무도 쓰지 않습니다.',
      deadlockTaken: (tag: string, who: string) => `${tag}는 읽을 프로세스에 닿지 못했습니다: ${who}이(가) 파이프에서 가져갔습니다.`,
      blockedForeverTitle: '영원히 막힘',
      blockedForever: (blocked: string, finished: string) =>
        `${blocked} 쪽은 빈 파이프의 read()에서 막혔고 ${finished} 쪽은 다시는 쓰지 않습니다. 열려 있는 쓰기 끝은 ${blocked} 자신의 것뿐이라 파일 끝(EOF)도 오지 않으니 영원히 기다립니다. (교착 상태는 아닙니다: ${blocked} 쪽을 기다리는 프로세스가 없습니다.)`,
      deadlockKeys: 'Esc, r: 새 자식으로 다시 시작 · Ctrl+T: 파이프 전환',
      stolenTitle: '가로챔',
      stolen: (tag: string, writer: string) =>
        `${writer} 쪽이 ${tag} 메시지를 쓰고 자기가 도로 읽었습니다. 파이프의 바이트는 먼저 read()한 쪽이 가져갑니다.`,
      stolenWaiting: (waiting: string) => `${waiting} 쪽은 아직 read()에서 기다립니다.`,
      stolenKeys: (writer: string) => `다음: ${writer}의 다음 줄을 입력 · Esc, r: 다시 시작 · Ctrl+T: 파이프 두 개로`,
      stolenKeysOnly: 'Esc, r: 다시 시작 · Ctrl+T: 파이프 두 개로',
      raceWonTitle: '이번에는 경쟁에서 이김',
      raceWon: (tag: string, reader: string) =>
        `${tag} 메시지가 ${reader} 쪽에 닿았습니다. 쓴 쪽이 read()하기 전에 ${reader} 쪽의 read()가 먼저 바이트를 가져갔습니다. 공유 파이프 하나에서는 매번 커널이 정하는 경쟁일 뿐, 보장이 아닙니다.`,
      raceWonKeys: '교재의 결과를 매번 보려면: Esc, p (부모가 늦게 읽음) · Ctrl+T: 파이프 두 개',
      outOfTurnTitle: '순서 어긋남',
      outOfTurn: (reader: string, tag: string, expected: string) =>
        `${reader} 쪽은 ${expected} 메시지를 기다렸는데 ${tag} 메시지를 읽었습니다. 대화의 순서가 어긋났습니다.`,
      childDiedTitle: '자식 종료',
      childDied: (pid: string, how: string) => `자식(PID ${pid})이 뜻밖에 끝났습니다: ${how}.`,
      childDiedKeys: (turn: number) => `Esc, r: 새 자식 fork (${turn}번째 턴부터)`,
      finishedTitle: '끝',
      finished: (turns: number, c: { delivered: number; stolen: number; outOfTurn: number }) =>
        `대화가 끝났습니다: ${turns}턴. 이번 대화에서 전달 ${c.delivered}개, 가로챔 ${c.stolen}개, 순서 어긋남 ${c.outOfTurn}개.`,
      finishedKeys: 'Esc, r: 새 자식과 새 대화 · Ctrl+C: 종료 · PgUp: 되돌아 읽기',
      failedTitle: '오류',
      failed: (problem: Problem) => `자식을 시작하지 못했습니다: ${sayProblem(problem, 'ko')}`,
      failedKeys: 'Esc, r: 다시 시도 · Ctrl+C: 종료',
      opening: '자식을 fork하고 파이프를 만드는 중…',
    },
    help: {
      title: 'pipe-chat: 키',
      intro:
        '부모(이 프로그램)와 자식 프로세스가 진짜 커널 파이프로 메시지를 세 번씩 주고받습니다. 먼저 자식의 줄을, 다음에 부모의 답을 입력하세요.',
      raceTitle: '공유 파이프 하나: 커널이 정하는 경쟁',
      race:
        "파이프 하나에서는 먼저 read()를 호출한 프로세스가 바이트를 가져갑니다. 자기가 쓴 바이트라도요. 부모는 실제로 read()에서 막혀 기다리고, 자식은 쓰자마자 바로 읽으므로 누가 이길지는 매번 커널의 스케줄러가 정합니다. 자식이 자기 메시지를 도로 가져갈 때도 있고 부모가 받을 때도 있습니다(그러면 화면에 이번에는 경쟁에서 이겼다고 나옵니다). 상태 줄은 지금 채널의 누적 집계를 보여 줍니다. '14:03:07부터: 전달 5, 9개 중 가로챔 4'는 그때부터 그 채널에서 읽힌 메시지 9개 중 4개를 쓴 쪽이 도로 읽었다는 뜻입니다(Esc z로 0부터 다시 셉니다). 교재의 결과를 매번 보려면 부모 읽기 지연(p)을 켜세요. 부모가 늦게 읽습니다. 진짜 해결책은 지연이 아니라 파이프를 하나 더 두는 것입니다(Ctrl+T).",
      anywhere: '어디서나 (입력 중에도)',
      keysMode: 'Esc 다음: 다음 키 하나가 명령 (그 키 하나만)',
      typingTitle: '입력, 붙여넣기, 스크롤',
      keys: {
        toggle: '파이프 두 개와 공유 파이프 하나 사이를 바로 전환',
        quit: '종료 (자식을 먼저 끝냄)',
        suspend: '일시 정지 (터미널을 돌려줌, fg로 다시 시작)',
        help: '이 도움말',
        tab: '두 프로세스가 모두 입력을 기다릴 때 다른 입력으로',
        esc: '다음 키 하나가 명령 (아래 참고), 다른 키는 입력됨',
        enter: '그 앞에 입력한 줄을 보냄; 빈 줄은 안내와 함께 거절',
        paste: '붙여넣기(터미널이 표시함)는 글자입니다: 줄바꿈은 입력 중인 줄의 공백이 되므로 붙여넣기는 절대 보내지지 않습니다. Enter로 보내세요. 붙여넣기 안의 Ctrl+C는 글자 ␃입니다',
        early: '아무도 줄을 기다리지 않을 때(자식 시작 중, 턴 진행 중, 끝) 입력한 키는 다음에 입력할 쪽의 초안에 보관되며 명령이 되지 않습니다',
        pages: '두 대화 창을 앞뒤로 스크롤; ↑ 표시는 위에 더 있다는 뜻',
        arrows: '열려 있으면 추적 패널과 fd 패널을 스크롤',
        back: '명령 없이 입력으로 돌아감',
        restart: '다시 시작: 새 자식과 새 대화',
        zeroTally: '상태 줄의 이 채널 집계를 0으로: 지금부터 세고, 언제부터인지 보여 줌',
        childDelay: '자식의 write()와 read() 사이 지연 바꾸기: 0초, 0.1초, 2초',
        parentDelay: '부모의 읽기 지연(자식 입력부터) 바꾸기: 0초, 0.2초, 1초',
        trace: '모든 read()와 write() 추적 보기/숨기기',
        fds: '각 프로세스의 열린 fd 보기/숨기기',
        layout: '화면 배치 바꾸기: 세 칸, 또는 big (큰 글꼴과 프로젝터용: 두 창을 나란히 두고 그림이나 소스 보기는 그 아래에)',
        save: '대화 기록과 추적을 현재 디렉터리의 파일(텍스트와 JSON)로 저장',
        stepMode: '단계 실행 켜기/끄기: 스케줄러는 여러분 (아래 참고)',
        letGoParent: '단계 실행: 붙잡힌 부모의 read()나 write()를 보내기',
        letGoChild: '단계 실행: 붙잡힌 자식의 read()나 write()를 보내기',
      },
      legendTitle: '표시의 뜻',
      legend:
        "C1, C2…: 자식의 1번째, 2번째… 메시지; P1…: 부모의 메시지. ✓ 전달됨: 다른 프로세스가 읽음; ✗ 가로챔: 쓴 쪽이 도로 읽음. '턴 2/3 (부모는 1)': 자식이 부모보다 한 턴 앞섬. 상태 줄의 '14:03:07부터: 전달 5, 9개 중 가로챔 4'는 지금 채널의 첫 대화부터, 또는 Esc z로 0으로 만든 뒤부터 읽힌 모든 메시지를 세고, 대화가 끝날 때의 요약은 이번 대화만 셉니다.",
      close: 'Esc, ? 또는 F1로 닫기',
      scroll: '↑/↓ PgUp/PgDn 스크롤',
    },
    step: {
      title: '단계 실행: 스케줄러는 여러분',
      intro:
        '각 프로세스는 채널에서 하는 호출(읽기와 쓰기) 하나하나 직전에 futex 게이트에서 멈춥니다 (호출 안이 아닙니다: /proc에는 futex로 보입니다). 그 호출 하나를 보내 주어야 진행합니다. 보내면 진짜 호출입니다: 빈 채널을 읽으면 막힙니다.',
      keys: 'F5 (Esc h): 부모의 호출 · F6 (Esc l): 자식의 호출 · F4 (Esc o): 단계 실행 끄기',
      on: '단계 실행을 켰습니다: 각 프로세스는 채널의 다음 read()나 write() 직전에 멈추고, 보내 주어야 진행합니다 (F5 부모, F6 자식).',
      off: '단계 실행을 껐습니다: 두 프로세스가 계속 실행되고, 붙잡혀 있던 호출은 바로 나갔습니다.',
      refused: '단계 실행에는 자식과 공유하는 메모리의 futex(2)가 필요합니다 (Linux): 여기서는 쓸 수 없습니다.',
      notHeld: (proc: string) => `지금 붙잡혀 있지 않습니다 (${proc}): 채널에서 읽거나 쓰기 직전이 아닙니다 (무엇을 하는지는 창에 나옵니다).`,
      isOff: '단계 실행이 꺼져 있습니다: F4 (Esc o)로 켭니다.',
      stolenOrder: (writer: string, other: string) => `여러분이 정한 순서: ${other}의 read()가 게이트에서 기다리는 동안 ${writer}의 read()가 먼저 나갔고, 파이프에는 자기 바이트뿐이었습니다.`,
      deliveredTitle: '전달됨, 여러분이 정한 순서로',
      delivered: (tag: string, reader: string) =>
        `${tag}가 ${reader}에게 갔습니다: ${reader}의 read()를 먼저 보내 커널 안에서 기다렸으므로, write가 그 바이트를 넘겨주었습니다. 쓴 쪽의 read()를 ${reader}보다 먼저 보내면 자기가 도로 가져갑니다.`,
      status: '단계',
      letGo: (key: string, proc: string, call: string | null) => (call === null ? `${key} ${proc}: 붙잡히지 않음` : `${key} ${proc}: ${call}`),
      letGoShort: (key: string, call: string | null) => `${key} ${call ?? '-'}`,
      stepOff: 'F4 단계 끄기',
      escShort: 'Esc: 명령',
      commandKeys: 'h 부모 · l 자식 · o 단계 끄기',
    },
    notes: {
      title: '지연 변경',
      childDelay: (d: string) => `이제 자식은 다음 메시지부터 write()와 read() 사이에 ${d} 기다립니다.`,
      parentDelay: (d: string) => `부모 읽기 지연이 이제 ${d}입니다. 부모의 다음 read()부터 적용됩니다: 이미 막혀 있는 read는 늦출 수 없습니다.`,
    },
    sweepPanel: {
      title: '경쟁 구간, 지금 측정',
      running: (wiring: string, trials: number) => `${wiring}에서 경쟁 중: 자식 지연마다 ${trials}번, 각각 자기 자식 프로세스의 실제 write()와 read(). 채팅은 기다립니다.`,
      progress: (delay: string, done: number, trials: number, k: number, n: number) => `자식 지연 ${delay} ms: ${trials}번 중 ${done}번째 (지연 ${n}개 중 ${k}번째)`,
      cancel: 'Esc: 취소',
      close: 'Esc: 닫기',
      failed: (message: string) => `측정이 멈췄습니다: ${message}`,
      yTitle: '자식이 자기 메시지를 다시 읽은 비율 (시도의 %)',
      xTitle: '자식의 write()와 read() 사이 지연, ms (간격은 비례 아님)',
      interval: '95% 구간 (Wilson)',
      key: '지금 경쟁 구간 측정: 자식 지연 다섯 개에서 가로챈 비율을 차트로 (Esc: 취소)',
    },
    keeper: {
      title: (pid: number) => `보관자 · PID ${pid}`,
      kept: (bytes: number, file: string) => `${file}에 ${bytes} B 씀`,
      notKept: (lines: number) => `${lines}줄 보관 못 함`,
      gone: (how: string) => `끝남 (${how}): 채팅은 계속되지만 더는 보관하지 않습니다`,
      program: '보관자의 프로그램 keeper.c: pipe-chat source keeper',
    },
    save: {
      title: '저장함',
      done: (text: string, json: string) => `대화 기록과 추적을 ${text} (텍스트)와 ${json} (JSON)에 썼습니다.`,
      keys: '다음 키를 누르면 닫힘',
      failedTitle: '저장 못 함',
      failed: (message: string) => `대화 기록을 저장하지 못했습니다: ${message}`,
      heading: (when: string) => `pipe-chat 대화 기록과 추적, ${when}에 저장`,
      messages: '메시지 (쓴 시각, 쓴 쪽→읽은 쪽, 판정, 내용):',
      trace: '모든 read()와 write() (시각, 프로세스, 호출, 결과, 바이트):',
    },
    trace: {
      title: '추적: 모든 read()와 write()',
      empty: '아직 시스템 호출 없음',
      ms: (ms: string) => `${ms} ms`,
      bytes: (n: number) => `${n} B`,
      separator: (conversation: number, pid: string) => `── 대화 ${conversation} · 자식 PID ${pid} ──`,
    },
    channelList: {
      title: '채널 (F3)',
      groups: GROUP_NAMES_KO,
      current: '(지금)',
      hint: '↑/↓ 고르기 · Enter 바로 전환 (기록은 남음) · Esc 닫기',
    },
    fds: {
      title: '열린 fd',
      fromProc: (pid: string) => `/proc/${pid}/fd`,
      fromLink: '링크가 아는 것',
      noProc: '링크가 아는 것 (커널이 보는 fd는 Linux의 /proc에서만 읽을 수 있습니다)',
      other: (n: number) => `+ 다른 fd ${n}개 (터미널, 이벤트 루프…)`,
      shared: (inode: number) => `두 프로세스가 파이프 inode ${inode}의 양 끝을 모두 쥠`,
      separate: '각 프로세스는 쓰는 끝만 쥠',
      read: '읽기 끝',
      write: '쓰기 끝',
      readWrite: '읽기+쓰기',
      moreAbove: '↑ 위에 더 있음',
      moreBelow: '↓ 아래에 더 있음',
      nonblock: 'O_NONBLOCK',
    },
    tooSmall: (needCols: number, needRows: number, cols: number, rows: number) => [
      '터미널이 너무 작습니다:',
      `${needCols}x${needRows}가 필요한데 ${cols}x${rows}입니다.`,
      '(Ctrl+C: 종료)',
      '크게 해 주세요.',
    ],
    noRawMode: 'pipe-chat: 이 터미널은 키를 하나씩 읽을 수 없습니다 (raw 모드 없음).',
  },
  lesson: lessonKo,
};
