// The signal channels, in English and Korean: their names, help and source comments, and
// the words of the drawing (how a bit travels, the bits each way) and of the kernel view
// (each process's masks from /proc/PID/status) both share (SignalWords).
import type { ChannelWords, Lang } from '../channel-words.js';

export interface SignalWords extends ChannelWords {
  title: string;
  /** How a bit travels, and what ends a message. */
  code: string;
  end: string;
  /** What answers a bit on this channel (or that nothing does). */
  answers: string;
  /** The last message one way: bits sent (the writer's tgkill calls) and taken by the reader (null: not read yet). */
  bits: (sent: number, received: number | null) => string;
  lost: (bits: number) => string;
  noMessage: string;
  viewTitle: string;
  fromProc: string;
  sharedPending: string;
  caught: string;
  /** A thread that waits for the message's signals in rt_sigtimedwait now, or has some pending between its waits. */
  waitingThread: (tid: number, inWait: boolean) => string;
  /** Why SigBlk of a thread in rt_sigtimedwait lacks what it waits for. */
  waitUnblocks: string;
  pending: string;
  blocked: string;
  none: string;
  noThread: string;
  gone: string;
}

const enCommon = {
  title: 'SIGNALS, bit by bit',
  code: '0 → SIGUSR1 · 1 → SIGUSR2',
  end: 'SIGRTMIN ends a message (it queues)',
  bits: (sent: number, received: number | null) => `sent ${sent} bits${received === null ? '' : ` · got ${received}`}`,
  lost: (bits: number) => `${bits} lost`,
  noMessage: 'no message yet',
  viewTitle: 'signals, as the kernel shows them',
  fromProc: '/proc/PID/status, /proc/PID/task/TID/status',
  sharedPending: 'pending for the process',
  caught: 'caught',
  waitingThread: (tid: number, inWait: boolean) => `thread ${tid}: ${inWait ? 'in rt_sigtimedwait' : 'not waiting'}`,
  waitUnblocks: 'a thread in rt_sigtimedwait has what it waits for out of SigBlk until it returns',
  pending: 'pending for it',
  blocked: 'blocked',
  none: '-',
  noThread: 'no thread in rt_sigtimedwait, none with USR1 or USR2 pending',
  gone: 'the process is gone',
};
const koCommon = {
  title: '시그널, 비트 하나씩',
  code: '0 → SIGUSR1 · 1 → SIGUSR2',
  end: 'SIGRTMIN이 메시지를 끝냄 (큐에 쌓임)',
  bits: (sent: number, received: number | null) => `보냄 ${sent}비트${received === null ? '' : ` · 받음 ${received}`}`,
  lost: (bits: number) => `${bits}비트 잃음`,
  noMessage: '아직 메시지 없음',
  viewTitle: '커널이 보여 주는 시그널',
  fromProc: '/proc/PID/status, /proc/PID/task/TID/status',
  sharedPending: '프로세스에 대기 중',
  caught: '잡음',
  waitingThread: (tid: number, inWait: boolean) => `스레드 ${tid}: ${inWait ? 'rt_sigtimedwait에서 기다림' : '기다리지 않음'}`,
  waitUnblocks: 'rt_sigtimedwait에 있는 스레드는 기다리는 시그널이 돌아올 때까지 SigBlk에서 빠짐',
  pending: '스레드에 대기 중',
  blocked: '블록됨',
  none: '-',
  noThread: 'rt_sigtimedwait에 있는 스레드도, USR1·USR2가 대기 중인 스레드도 없음',
  gone: '프로세스가 사라졌습니다',
};

export const signalWords: Record<Lang, SignalWords> = {
  en: {
    ...enCommon,
    name: 'signals',
    reportName: 'signals, a bit each, with acknowledgements',
    help: "Signals (kill, sigaction; here tgkill and sigtimedwait): a signal carries a number and nothing else, so the line travels bit by bit, SIGUSR1 for 0 and SIGUSR2 for 1, and SIGRTMIN ends it. The receiver answers each bit with SIGRTMIN+1 before the next is sent: every bit arrives. Node runs signal handlers on its event loop, so each process blocks the signals on the thread that makes its calls and waits for them there in sigtimedwait. The kernel view shows each process's pending, blocked and caught signals. Ctrl+T: the same without answers, where bits are lost.",
    sourceNote: 'a bit per signal, each answered before the next',
    deadlock: 'Both processes wait in sigtimedwait, and no signal is on its way: neither will ever send.',
    delivered: null,
    answers: 'each bit answered with SIGRTMIN+1',
  },
  ko: {
    ...koCommon,
    name: '시그널',
    reportName: '시그널, 비트마다 하나, 확인 응답 있음',
    help: '시그널 (kill, sigaction; 여기서는 tgkill과 sigtimedwait): 시그널은 번호 말고는 아무것도 싣지 못하므로 줄을 비트 하나씩 보냅니다. 0은 SIGUSR1, 1은 SIGUSR2, 끝은 SIGRTMIN입니다. 받는 쪽이 비트마다 SIGRTMIN+1로 확인 응답을 보내야 다음 비트가 갑니다: 모든 비트가 도착합니다. Node는 시그널 핸들러를 이벤트 루프에서 돌리므로, 각 프로세스는 호출을 하는 스레드에서 시그널을 블록하고 그 스레드가 sigtimedwait로 기다립니다. 커널 보기에 각 프로세스의 대기 중, 블록된, 잡는 시그널이 나옵니다. Ctrl+T: 확인 응답 없이, 비트를 잃습니다.',
    sourceNote: '시그널 하나에 비트 하나, 다음 비트 전에 확인 응답',
    deadlock: '두 프로세스가 sigtimedwait에서 기다리고 오는 시그널이 없습니다. 어느 쪽도 보내지 않습니다.',
    delivered: null,
    answers: '비트마다 SIGRTMIN+1로 확인 응답',
  },
};

export const signalNoAcksWords: Record<Lang, SignalWords> = {
  en: {
    ...enCommon,
    name: 'signals, no acks',
    reportName: 'signals, a bit each, without acknowledgements',
    help: "Signals without acknowledgements: the sender sends every bit back to back. A standard signal that arrives while one of its kind is pending merges into it, and pending SIGUSR1 is taken before SIGUSR2 whatever the order sent: bits are lost and the text comes out GARBLED. A message still ends at SIGRTMIN, a real-time signal, which queues and is taken after every pending bit. The drawing counts the bits sent (the writer's tgkill calls) and received (what sigtimedwait returned). Ctrl+T: with acknowledgements again.",
    sourceNote: 'a bit per signal, no answers: bits merge and are lost',
    deadlock: 'Both processes wait in sigtimedwait, and no signal is on its way: neither will ever send.',
    delivered: null,
    answers: 'no answers: a pending signal merges',
  },
  ko: {
    ...koCommon,
    name: '시그널, 응답 없음',
    reportName: '시그널, 비트마다 하나, 확인 응답 없음',
    help: '확인 응답 없는 시그널: 보내는 쪽이 비트를 쉬지 않고 보냅니다. 같은 종류의 시그널이 대기 중일 때 온 표준 시그널은 하나로 합쳐지고, 대기 중인 SIGUSR1은 보낸 순서와 상관없이 SIGUSR2보다 먼저 꺼내집니다: 비트를 잃고 글이 깨집니다 (GARBLED). 메시지는 여전히 SIGRTMIN에서 끝납니다. 실시간 시그널은 큐에 쌓이고 대기 중인 비트를 모두 꺼낸 뒤에 꺼내집니다. 그림에 보낸 비트 (쓰는 쪽의 tgkill 호출)와 받은 비트 (sigtimedwait가 돌려준 것)가 나옵니다. Ctrl+T: 다시 확인 응답과 함께.',
    sourceNote: '시그널 하나에 비트 하나, 응답 없음: 비트가 합쳐져 사라짐',
    deadlock: '두 프로세스가 sigtimedwait에서 기다리고 오는 시그널이 없습니다. 어느 쪽도 보내지 않습니다.',
    delivered: null,
    answers: '응답 없음: 대기 중인 시그널은 합쳐짐',
  },
};
