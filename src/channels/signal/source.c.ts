// The signal program, as it runs here: both processes block SIGUSR1, SIGUSR2 and SIGRTMIN
// before the fork and take them with sigwaitinfo (no handler: a handler that only sets a
// flag would have to be waited for with sigsuspend, and pipe-chat's threads wait in
// sigtimedwait, the same system call as sigwaitinfo). A bit is one kill(), SIGRTMIN ends
// the message; with acknowledgements the receiver answers each with SIGRTMIN+1 to the PID
// in its siginfo, and the sender waits for that answer alone before the next bit.
import type { ChannelSource, ProcessPart } from '../channel.js';

const CHILD_FINDS = { en: 'its parent by getppid()', ko: 'getppid()로 부모를' };
const CODE = { en: 'a bit per signal: 0 SIGUSR1, 1 SIGUSR2; SIGRTMIN ends a message', ko: '시그널 하나에 비트 하나: 0 SIGUSR1, 1 SIGUSR2; SIGRTMIN이 메시지를 끝냄' };
const MASK = {
  en: ['blocked before fork(), in both processes: they stay', 'pending until sigwaitinfo takes them'],
  ko: ['fork() 전에 블록: 두 프로세스 모두,', 'sigwaitinfo가 꺼낼 때까지 대기 중으로 남음'],
};
const THREADS = {
  en: [
    "pipe-chat's processes have more threads than this one:",
    'each blocks these signals in the thread that makes its',
    'calls (pthread_sigmask), sends with tgkill to that thread',
    '(a kill() could reach another thread), and waits in',
    'sigtimedwait 50 ms at a time to look at its way out.',
    'A newline the lost bits made inside a message is kept as',
    'U+2424 there, so that it stays one message.',
  ],
  ko: [
    'pipe-chat의 프로세스는 이 프로그램보다 스레드가 많음:',
    '호출을 하는 스레드에서만 이 시그널을 블록하고',
    '(pthread_sigmask), 그 스레드에 tgkill로 보내며',
    '(kill()은 다른 스레드에 닿을 수 있음), 끝낼 때를 보려고',
    'sigtimedwait로 50 ms씩 기다림. 잃은 비트 때문에 메시지',
    '안에 생긴 줄바꿈은 U+2424로 남겨 메시지 하나로 둠.',
  ],
};
const END = {
  en: 'no end of file: a message ends in a newline',
  ko: '파일 끝 없음: 메시지는 줄바꿈으로 끝남',
};
const ANSWER = { en: 'the answer to each bit, before the next', ko: '다음 비트 전에 오는 비트마다의 응답' };
const ACK_SET = { en: 'the answer: SIGRTMIN+1, queued, never merged', ko: '응답: SIGRTMIN+1, 큐에 쌓이고 합쳐지지 않음' };

function comment(lines: readonly string[]): string[] {
  return lines.map((l, i) => `${i === 0 ? '/* ' : '   '}${l}${i === lines.length - 1 ? ' */' : ''}`);
}

function part(to: string): ProcessPart {
  return {
    setup: [],
    write: [{ text: `send_msg(${to}, buf, len);`, spot: 'write' }],
    read: [{ text: 'n = recv_msg(buf);', spot: 'read' }],
    finish: [],
  };
}

export function signalSource(acks: boolean): ChannelSource {
  return {
    file: acks ? 'signal_acks.c' : 'signal_no_acks.c',
    program: (lang) => ({
      includes: ['<signal.h>'],
      globals: [
        `/* ${CODE[lang]} */`,
        `static sigset_t sigs${acks ? ', ack;  /* ' + ACK_SET[lang] + ' */' : ';'}`,
        '',
        ...comment(THREADS[lang]),
        'static int take(const sigset_t *set, siginfo_t *info) {',
        '  int sig = sigwaitinfo(set, info);',
        '  if (sig == -1)',
        '    die("sigwaitinfo");',
        '  return sig;',
        '}',
        '',
        'static void send_sig(pid_t to, int sig) {',
        '  if (kill(to, sig) == -1)',
        '    die("kill");',
        ...(acks ? [`  take(&ack, NULL);  /* ${ANSWER[lang]} */`] : []),
        '}',
        '',
        'static void send_msg(pid_t to, const char *buf, int len) {',
        '  int i, bit;',
        '  for (i = 0; i < len; i++)',
        '    for (bit = 7; bit >= 0; bit--)',
        '      send_sig(to, ((unsigned char)buf[i] >> bit) & 1 ? SIGUSR2 : SIGUSR1);',
        '  send_sig(to, SIGRTMIN);',
        '}',
        '',
        'static ssize_t recv_msg(char *buf) {',
        '  siginfo_t info;',
        '  ssize_t n = 0;',
        '  int sig, bits = 0;',
        '  unsigned char byte = 0;',
        '  for (;;) {',
        '    sig = take(&sigs, &info);',
        ...(acks ? ['    if (kill(info.si_pid, SIGRTMIN + 1) == -1)', '      die("kill");'] : []),
        `    if (sig == SIGRTMIN) {  /* ${END[lang]} */`,
        "      if (n == 0 || buf[n - 1] != '\\n')",
        "        buf[n++] = '\\n';",
        '      return n;',
        '    }',
        '    byte = byte << 1 | (sig == SIGUSR2);',
        '    if (++bits % 8 == 0 && n < BUF_SIZE - 1)',
        '      buf[n++] = byte;',
        '  }',
        '}',
      ],
      decl: [],
      make: [
        'if (sigemptyset(&sigs) == -1 || sigaddset(&sigs, SIGUSR1) == -1 ||',
        '    sigaddset(&sigs, SIGUSR2) == -1 || sigaddset(&sigs, SIGRTMIN) == -1)',
        '  die("sigaddset");',
        ...(acks ? ['if (sigemptyset(&ack) == -1 || sigaddset(&ack, SIGRTMIN + 1) == -1)', '  die("sigaddset");'] : []),
        ...comment(MASK[lang]),
        'if (sigprocmask(SIG_BLOCK, &sigs, NULL) == -1)',
        '  die("sigprocmask");',
        ...(acks ? ['if (sigprocmask(SIG_BLOCK, &ack, NULL) == -1)', '  die("sigprocmask");'] : []),
      ],
      childFinds: CHILD_FINDS[lang],
      buffer: 'buf',
      child: part('getppid()'),
      parent: part('pid'),
    }),
  };
}
