// 수업의 한국어 문구 (`pipe-chat lesson`): 단계마다 제목, 짧은 설명, 질문과 답, 결과가 그렇게
// 나온 까닭. 교실 뒤에서도 읽을 만큼 짧게. 용어는 영어 문구와 함께 쓰는 용어집에서 가져온다.
import { glossary } from './glossary.js';
import { stepWords, type LessonWords } from './lesson-en.js';

const g = glossary('ko');
/** The answers of every step that asks how a reader waits. */
const waitAnswers = ['아니요: 커널 안에서 기다림', `예: ${g.busyWaiting}`];

export const lessonKo: LessonWords = {
  title: 'pipe-chat 수업',
  step: (n: number, total: number) => `${total}단계 중 ${n}단계`,
  question: '먼저 학생들에게 물어보세요',
  keys: {
    pick: (n: number) => `1-${n} 답 고르기`,
    next: 'Enter 다음',
    quit: 'Ctrl+C 끝내기',
  },
  autoPicked: (n: number) => `자동: ${n}번을 골랐습니다`,
  autoNext: '자동: 곧 다음 단계',
  result: '무슨 일이 있었나',
  picked: (n: number, answer: string) => `학생들의 답: ${n}번, ${answer}.`,
  pickedAuto: (n: number, answer: string) => `자동 재생의 답: ${n}번, ${answer}.`,
  right: '실행 결과와 맞습니다.',
  wrong: '실행 결과와 다릅니다.',
  showed: (answer: string) => `실행 결과: ${answer}.`,
  message: (tag: string, writer: string, reader: string, verdict: string) => `${tag}: 쓴 쪽 ${writer}, ${reader}${verdict ? ` (${verdict})` : ''}`,
  reader: {
    parent: '부모가 읽음',
    child: '자식이 읽음',
    outside: '다른 프로세스가 가져감',
    nobody: '아무도 읽지 않음',
  },
  proc: { parent: '부모', child: '자식' },
  verdict: { delivered: '전달됨', stolen: '가로챔: 자기 메시지', garbled: '깨짐', 'out-of-turn': '차례가 아님', untagged: '표시 없음', forged: '위조' },
  noMessages: '쓴 메시지가 없습니다.',
  why: '까닭',
  whyOther: '이번에는 커널이 이렇게 정했습니다. 화면은 실제 호출을 보여 줍니다.',
  whyBroken: '이 단계는 끝까지 돌지 못했습니다(위). 그래서 이 결과로는 질문에 답할 수 없습니다.',
  summary: {
    title: '답 모음',
    row: (mark: string, n: number, title: string, pick: string) => `${mark} ${n}. ${title}: ${pick}`,
    notAsked: '묻지 않음',
    score: (right: number, asked: number) => `답 ${asked}개 중 ${right}개가 실행 결과와 맞았습니다.`,
    end: `누가 읽을지는 타이밍이 정하지 않습니다. ${g.pipe}를 하나 더 두거나 방향이 있는 채널을 써야 합니다.`,
    keys: 'Enter 또는 q 끝내기',
  },
  lines: { child: ['안녕', '왜?', '잘 가'], parent: ['그래', '그러니까', '잘 가렴'] },
  answer: {
    parent: '부모',
    child: '자식 자신',
    outside: '다른 프로세스',
    nobody: '아무도 없음',
    yes: '예',
    no: '아니요',
  },
  steps: stepWords({
    pipe1: {
      title: `한 방향 ${g.pipe} 하나`,
      intro: 'pipe()는 끝을 둘 줍니다. 자식은 쓰기 끝을 두고 읽기 끝을 닫고, 부모는 그 반대로 합니다. 자식은 한 줄을 쓰고 끝납니다.',
      question: '자식이 끝난 뒤 부모의 다음 read()는 끝날까요(0을 돌려줄까요)?',
      answers: [`예: ${g.endOfFile}`, '아니요: 영원히 기다림'],
      why: {
        yes: `열려 있던 마지막 쓰기 끝이 자식의 것이었습니다. 그것이 닫히자 read()가 0, 곧 ${g.endOfFile}을 돌려주었습니다.`,
        no: '어딘가에 쓰기 끝이 아직 열려 있어서 read()가 계속 기다립니다.',
      },
    },
    'pipe1-open-ends': {
      title: '같은 프로그램, close() 없이',
      intro: '같은 프로그램이지만 아무도 쓰지 않는 끝을 닫지 않습니다. 부모가 자기 파이프의 쓰기 끝을 아직 가지고 있습니다.',
      question: '자식이 끝난 뒤 부모의 다음 read()는 끝날까요(0을 돌려줄까요)?',
      answers: [`예: ${g.endOfFile}`, '아니요: 영원히 기다림'],
      why: {
        no: `부모 자신이 쓰기 끝을 가지고 있어서 ${g.endOfFile}이 올 수 없습니다. 쓰지 않는 끝을 close()해야 읽는 쪽이 끝날 수 있습니다.`,
        yes: '결국 쓰기 끝이 모두 닫혔습니다.',
      },
    },
    'one-pipe': {
      title: `양방향에 ${g.pipe} 하나`,
      intro: `이제 두 프로세스가 같은 ${g.pipe}를 읽고 씁니다. 파이프의 바이트는 주인이 없어서 read()를 먼저 부른 쪽이 가져갑니다. 여기서는 여러분이 ${g.scheduler}입니다. 자식이 쓰고, 자식이 읽고, 그다음 부모가 읽습니다.`,
      question: '자식의 메시지를 누가 읽을까요?',
      answers: ['부모', '자식 자신'],
      why: {
        child: `자식의 read()가 먼저여서 자기 바이트를 가져갔습니다. 부모는 read()에서 영원히 기다립니다. ${g.scheduler}가 정하는 ${g.raceCondition}입니다.`,
        parent: '부모가 먼저 read()에 있어서 바이트를 가져갔습니다.',
      },
    },
    'one-pipe-sleep': {
      title: '파이프 하나, sleep(2)',
      intro: '교과서의 "해결책": 자식이 쓰기와 읽기 사이에 2초 잠들어서 부모가 먼저 읽게 합니다. 단계 모드 없이 커널이 정합니다.',
      question: '이번에는 자식의 메시지를 누가 읽을까요?',
      answers: ['부모', '자식 자신'],
      why: {
        parent: '자식이 자는 동안 부모가 읽었습니다. 고쳐진 것처럼 보일 뿐, 바쁜 시스템에서는 자식이 먼저 읽을 수 있습니다. 타이밍은 보장이 아닙니다.',
        child: '자식이 잠들었는데도 먼저 읽었습니다. 타이밍은 보장이 아닙니다.',
      },
    },
    'two-pipes': {
      title: `방향마다 ${g.pipe} 하나씩, 둘`,
      intro: '진짜 해결책: 자식 → 부모 파이프 하나, 부모 → 자식 파이프 하나. 각 프로세스는 쓰지 않는 끝을 닫습니다.',
      question: '자식의 메시지를 누가 읽을까요?',
      answers: ['부모', '자식 자신'],
      why: { parent: '자식은 다른 파이프만 읽으므로 자기 바이트가 돌아올 수 없습니다.' },
    },
    exercise: {
      title: '연습 문제: 세 번 주고받기',
      intro: '부모와 자식이 파이프 둘로 한 줄씩 세 번 주고받습니다. sleep은 전혀 없습니다.',
      question: '가로채이는 메시지가 있을까요?',
      answers: ['아니요', '예'],
      why: { no: '방향마다 파이프가 따로 있어서 호출 순서가 어떻든 가로챌 수 없습니다.', yes: '메시지가 쓴 쪽에게 돌아갔습니다. 화면에서 어느 것인지 보입니다.' },
    },
    named: {
      title: g.namedPipe,
      intro: '앞의 파이프 하나처럼 양방향에 FIFO 하나를 쓰지만 디스크에 이름이 있습니다. 열 권한이 있는 프로세스는 누구나 읽을 수 있습니다. 두 번째 터미널에서 화면의 경로를 cat 해 보세요.',
      question: '자식의 메시지를 누가 읽을까요?',
      answers: ['부모', '다른 프로세스', '자식 자신'],
      why: {
        parent: '이번에는 다른 프로세스가 파이프를 열지 않아서 부모가 읽었습니다.',
        outside: '다른 프로세스가 이름으로 열어 바이트를 가져갔습니다. 이름은 권한이 있는 누구에게나 열려 있습니다.',
        child: '양방향에 FIFO 하나는 파이프 하나의 경쟁과 같습니다. 자식이 먼저 읽어 자기 바이트를 가져갔습니다.',
      },
    },
    queue: {
      title: g.messageQueue,
      intro: 'System V 큐 하나를 양방향에 씁니다. 메시지마다 타입이 있어서 자식은 타입 1을 보내고 타입 2를 읽습니다.',
      question: '자식의 메시지를 누가 읽을까요?',
      answers: ['부모', '자식 자신'],
      why: { parent: 'msgrcv()는 타입을 골라 받으므로 자식은 자기 메시지를 받지 않습니다.' },
    },
    shm: {
      title: `${g.semaphore}를 쓰는 ${g.sharedMemory}`,
      intro: `두 프로세스가 같은 메모리를 매핑합니다. 메시지가 왔는지는 ${g.semaphore}가 알려 줍니다.`,
      question: '읽는 쪽은 기다리는 동안 메모리를 계속 확인할까요?',
      answers: waitAnswers,
      why: { no: 'semop()은 쓰는 쪽이 알릴 때까지 커널 안에서 블록되어 CPU를 쓰지 않습니다.', yes: '읽는 쪽이 반복해서 확인했습니다. 화면에 CPU 사용량이 보입니다.' },
    },
    'shm-busy': {
      title: `기다림 없는 ${g.sharedMemory}`,
      intro: '같은 메모리, 세마포어 없음: 읽는 쪽이 카운터가 바뀔 때까지 확인하고 또 확인합니다.',
      question: '읽는 쪽은 기다리는 동안 메모리를 계속 확인할까요?',
      answers: waitAnswers,
      why: { yes: `${g.busyWaiting}: 메시지가 올 때까지 읽는 스레드가 CPU 하나를 태웁니다.`, no: '이번에는 반복해서 확인한 쪽이 없습니다.' },
    },
    file: {
      title: `보통 ${g.file}`,
      intro: '두 프로세스가 파일 하나를 엽니다. 파일 끝에서 read()는 바로 0을 돌려주고 쓰는 쪽을 기다리지 않습니다.',
      question: '읽는 쪽은 기다리는 동안 파일을 계속 확인할까요?',
      answers: waitAnswers,
      why: { yes: '파일에는 기다리는 read()가 없어서 읽는 쪽이 계속 다시 봐야 합니다.', no: '이번에는 반복해서 확인한 쪽이 없습니다.' },
    },
    threads: {
      title: `${g.thread} 둘, 변수 하나`,
      intro: '"자식"이 같은 프로세스의 스레드라서 메모리를 모두 함께 씁니다. futex로 기다립니다.',
      question: '읽는 쪽은 기다리는 동안 변수를 계속 확인할까요?',
      answers: waitAnswers,
      why: { no: 'futex 대기는 다른 스레드가 깨울 때까지 커널 안에서 잠듭니다.', yes: '읽는 쪽이 반복해서 확인했습니다. 화면에 CPU 사용량이 보입니다.' },
    },
    signal: {
      title: `비트마다 ${g.signal} 하나`,
      intro: '글자의 비트 하나하나를 시그널 하나로 상대 프로세스에 보내고, 다음 비트 전에 답을 받습니다.',
      question: '자식의 메시지를 누가 읽을까요?',
      answers: ['부모', '자식 자신'],
      why: { parent: '시그널은 지정한 프로세스로만 갑니다. 자식은 부모에게만 보냅니다.' },
    },
    tcp: {
      title: 'TCP 연결',
      intro: '부모가 listen하고 자식이 connect합니다. 연결은 양방향이라 각 끝은 상대가 쓴 것을 읽습니다.',
      question: '자식의 메시지를 누가 읽을까요?',
      answers: ['부모', '자식 자신'],
      why: { parent: '소켓의 끝은 프로세스에게 자기 바이트를 돌려주지 않습니다.' },
    },
  }),
};
