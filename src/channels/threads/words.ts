// The threads channels, in English and Korean: their names, help, source comments, and
// the words their drawing and kernel view share (ThreadsWords). The help opens with the
// question the rest answers: why two processes cannot simply share a variable.
import type { ChannelWords, Lang } from '../channel-words.js';

export interface ThreadsWords extends ChannelWords {
  title: string;
  /** How the boxes carry each direction and what makes the reader wait (or not). */
  route: string;
  /** Why two processes cannot do this. */
  whyNotProcesses: string;
  /** "PID 1234: one process, two threads talk". */
  oneProcess: (pid: number) => string;
  /** Which thread plays which side. */
  roles: { main: string; parent: string; child: string; other: (n: number) => string };
  /** The child thread's fds in the process's table, by why they are there. */
  threadFds: { keyboard: string; doorbell: string; worker: string };
  /** What carries the message: no fd. */
  noFd: string;
  viewTitle: string;
}

const WHY_EN =
  'Why not two processes? Each process has its own memory: fork() gives the child a copy of the parent\'s, not a share, so a variable one writes the other never sees. Threads of one process share one memory: a global variable is enough.';
const WHY_KO =
  '왜 두 프로세스로는 안 될까요? 프로세스마다 자기 메모리가 있고, fork()는 자식에게 부모 메모리의 복사본을 줄 뿐 공유하지 않습니다. 그래서 한쪽이 쓴 변수를 다른 쪽은 보지 못합니다. 한 프로세스의 스레드들은 메모리 하나를 함께 쓰므로 전역 변수 하나로 충분합니다.';

const enCommon = {
  whyNotProcesses: WHY_EN,
  oneProcess: (pid: number) => `PID ${pid}: one process; two of its threads talk`,
  roles: { main: 'main thread: the UI', parent: "parent's reader (call thread)", child: 'the "child" (a Worker)', other: (n: number) => `${n} more: V8's and libuv's own` },
  threadFds: {
    keyboard: "the child thread's keyboard (a pipe of ours)",
    doorbell: 'its doorbell (a pipe of ours)',
    worker: "its Worker's own event loop (Node's plumbing)",
  },
  noFd: 'No fd carries the message: the variable is memory both threads see.',
  viewTitle: 'one process, as the kernel shows it',
};
const koCommon = {
  whyNotProcesses: WHY_KO,
  oneProcess: (pid: number) => `PID ${pid}: 프로세스 하나, 그 스레드 둘이 대화`,
  roles: { main: '메인 스레드: UI', parent: '부모의 읽는 스레드 (호출 스레드)', child: '"자식" (Worker)', other: (n: number) => `그 밖에 ${n}개: V8과 libuv의 스레드` },
  threadFds: {
    keyboard: '자식 스레드의 키보드 (우리가 만든 파이프)',
    doorbell: '초인종 (우리가 만든 파이프)',
    worker: 'Worker의 이벤트 루프 (Node의 배관)',
  },
  noFd: '메시지를 나르는 fd는 없습니다: 변수는 두 스레드가 함께 보는 메모리입니다.',
  viewTitle: '커널이 보여 주는 프로세스 하나',
};

export const threadsWords: Record<Lang, ThreadsWords> = {
  en: {
    ...enCommon,
    title: 'ONE variable in memory',
    name: 'threads, Atomics.wait',
    reportName: 'two threads, a shared variable, Atomics.wait (with waiting)',
    help: `${WHY_EN} Here the "child" is a second thread of this process (a Worker): one PID, two TIDs. The message is a variable both threads share (a SharedArrayBuffer, two boxes), no kernel object carries it. A variable gives no waiting by itself; here the reader sleeps in Atomics.wait on the box's sequence number, a futex: the kernel does the waiting, and the screen says BLOCKED in futex_wait once /proc shows that thread in futex, using no CPU. The writer never waits: a line not yet read is overwritten (LOST). Ctrl+T: the same without waiting (busy).`,
    sourceNote: 'two threads, one global variable, a futex wait',
    deadlock: 'Both threads wait in futex on a variable nobody will write.',
    delivered: null,
    route: 'child → box 0 → parent · parent → box 1 → child; the reader sleeps in a futex until notified',
  },
  ko: {
    ...koCommon,
    title: '메모리의 변수 하나',
    name: '스레드, Atomics.wait',
    reportName: '스레드 둘, 공유 변수, Atomics.wait (기다림 있음)',
    help: `${WHY_KO} 여기서 "자식"은 이 프로세스의 두 번째 스레드(Worker)입니다: PID 하나, TID 둘. 메시지는 두 스레드가 함께 쓰는 변수(SharedArrayBuffer, 상자 둘)이고, 커널 객체는 나르지 않습니다. 변수 자체에는 기다림이 없습니다. 여기서는 읽는 쪽이 상자의 순번에 Atomics.wait로 잠듭니다(futex): 커널이 기다리게 하고, /proc이 그 스레드를 futex에서 보여 줄 때에만 화면이 futex_wait에서 BLOCKED라고 말합니다. CPU를 쓰지 않습니다. 쓰는 쪽은 기다리지 않으므로 아직 읽지 않은 줄은 덮어써집니다 (유실). Ctrl+T: 기다림 없이 (바쁜 대기).`,
    sourceNote: '스레드 둘, 전역 변수 하나, futex 대기',
    deadlock: '두 스레드가 아무도 쓰지 않을 변수를 futex에서 기다립니다.',
    delivered: null,
    route: '자식 → 상자 0 → 부모 · 부모 → 상자 1 → 자식; 읽는 쪽은 깨울 때까지 futex에서 잠듦',
  },
};

export const threadsBusyWords: Record<Lang, ThreadsWords> = {
  en: {
    ...enCommon,
    title: 'ONE variable in memory, no waiting',
    name: 'threads, busy',
    reportName: 'two threads, a shared variable, busy waiting (without waiting)',
    help: `${WHY_EN} Here the "child" is a second thread of this process (a Worker): one PID, two TIDs, and the message a variable both share (a SharedArrayBuffer, two boxes). A variable gives no waiting: the reader checks the box's sequence number again and again on its thread (BUSY WAITING, with the CPU it burns from /proc). A jump of the number counts LOST messages; a change while it copied counts TORN. After 30 s with no message the reader stops spinning; a key spins again. Ctrl+T: the same with Atomics.wait (a futex).`,
    sourceNote: 'two threads, one volatile global variable: the reader spins',
    deadlock: 'Both threads spin on a variable nobody will write.',
    delivered: null,
    route: 'child → box 0 → parent · parent → box 1 → child; the reader spins on a number',
  },
  ko: {
    ...koCommon,
    title: '메모리의 변수 하나, 기다림 없음',
    name: '스레드, 바쁜 대기',
    reportName: '스레드 둘, 공유 변수, 바쁜 대기 (기다림 없음)',
    help: `${WHY_KO} 여기서 "자식"은 이 프로세스의 두 번째 스레드(Worker)입니다: PID 하나, TID 둘. 메시지는 두 스레드가 함께 쓰는 변수(SharedArrayBuffer, 상자 둘)입니다. 변수에는 기다림이 없어서 읽는 쪽이 자기 스레드에서 상자의 순번을 계속 확인합니다 (바쁜 대기, /proc에서 읽은 CPU 사용량과 함께). 순번이 건너뛰면 유실, 복사하는 동안 바뀌면 찢김으로 셉니다. 30초 동안 메시지가 없으면 회전을 멈추고, 키를 누르면 다시 돕니다. Ctrl+T: Atomics.wait(futex)로 기다리는 쪽.`,
    sourceNote: '스레드 둘, volatile 전역 변수 하나: 읽는 쪽이 돕니다',
    deadlock: '두 스레드가 아무도 쓰지 않을 변수를 돌며 확인합니다.',
    delivered: null,
    route: '자식 → 상자 0 → 부모 · 부모 → 상자 1 → 자식; 읽는 쪽이 순번을 돌며 확인',
  },
};
