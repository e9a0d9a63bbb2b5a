// The message queues, in English and Korean: their names, help, source comments, and the
// words of the drawing and kernel view both share (QueueWords).
import type { ChannelWords, Lang } from '../channel-words.js';

export interface QueueWords extends ChannelWords {
  title: string;
  /** How the types keep the directions apart on this channel. */
  route: string;
  queueId: (id: number, key: string) => string;
  queued: (messages: number, bytes: number) => string;
  lastPids: (sender: number, receiver: number) => string;
  limits: (msgmax: string, msgmnb: string) => string;
  gone: string;
  handedOver: string;
  fromProc: string;
  /** The kernel view's title: the queue as the kernel shows it, not an fd list. */
  viewTitle: string;
}

const enCommon = {
  title: 'ONE message queue',
  queueId: (id: number, key: string) => `msqid ${id}  key ${key}  mode 0600`,
  queued: (messages: number, bytes: number) => `${messages} message${messages === 1 ? '' : 's'}, ${bytes} B queued`,
  lastPids: (sender: number, receiver: number) => `last msgsnd PID ${sender || '-'} · last msgrcv PID ${receiver || '-'}`,
  limits: (msgmax: string, msgmnb: string) => `msgmax ${msgmax} B per message · msgmnb ${msgmnb} B per queue`,
  gone: 'the queue is gone (IPC_RMID)',
  handedOver: 'a receiver already waiting in msgrcv for the type gets the message at once (pipelined_send)',
  fromProc: '/proc/sysvipc/msg',
  viewTitle: 'the queue, as the kernel shows it',
};
const koCommon = {
  title: '메시지 큐 하나',
  queueId: (id: number, key: string) => `msqid ${id}  키 ${key}  모드 0600`,
  queued: (messages: number, bytes: number) => `메시지 ${messages}개, ${bytes} B 대기 중`,
  lastPids: (sender: number, receiver: number) => `마지막 msgsnd PID ${sender || '-'} · 마지막 msgrcv PID ${receiver || '-'}`,
  limits: (msgmax: string, msgmnb: string) => `msgmax 메시지당 ${msgmax} B · msgmnb 큐당 ${msgmnb} B`,
  gone: '큐가 사라졌습니다 (IPC_RMID)',
  handedOver: '그 타입을 msgrcv로 이미 기다리는 수신자가 메시지를 바로 받습니다 (pipelined_send)',
  fromProc: '/proc/sysvipc/msg',
  viewTitle: '커널이 보여 주는 큐',
};

export const queueWords: Record<Lang, QueueWords> = {
  en: {
    ...enCommon,
    name: 'message queue',
    reportName: 'one message queue, a type per direction',
    help: 'Message queue (msgget, msgsnd, msgrcv): one kernel object both ways, kept apart by type: the child sends type 1 and waits in msgrcv(type 2), the parent the reverse. Expect three clean turns and DONE: a typed msgrcv skips the other type, so nothing can be stolen. The kernel view shows the queue in /proc/sysvipc/msg; every way out removes it (IPC_RMID).',
    sourceNote: 'one queue, a type per direction (IPC_PRIVATE in the text)',
    deadlock: 'Both processes wait in msgrcv for a type nobody will send.',
    delivered: null,
    route: 'child → type 1 → parent · parent → type 2 → child',
  },
  ko: {
    ...koCommon,
    name: '메시지 큐',
    reportName: '메시지 큐 하나, 방향마다 타입 하나',
    help: '메시지 큐 (msgget, msgsnd, msgrcv): 커널 객체 하나로 양방향, 타입으로 나눕니다. 자식은 타입 1을 보내고 msgrcv(타입 2)에서 기다리며 부모는 그 반대입니다. 세 턴이 깨끗이 오가고 끝이 나옵니다. 타입을 지정한 msgrcv는 다른 타입을 건너뛰므로 가로챌 수 없습니다. 커널 보기에 /proc/sysvipc/msg의 큐가 나오고, 어떻게 끝내든 큐를 지웁니다 (IPC_RMID).',
    sourceNote: '큐 하나, 방향마다 타입 하나 (교재는 IPC_PRIVATE)',
    deadlock: '두 프로세스가 아무도 보내지 않을 타입을 msgrcv로 기다립니다.',
    delivered: null,
    route: '자식 → 타입 1 → 부모 · 부모 → 타입 2 → 자식',
  },
};

export const queueOneTypeWords: Record<Lang, QueueWords> = {
  en: {
    ...enCommon,
    name: 'queue, one type',
    reportName: 'one message queue, one type both ways',
    help: "Message queue, one type (msgrcv(type 1) in both processes): with the parent already waiting in msgrcv, the kernel hands the child's message straight to it (a waiting receiver gets it at once), so nothing is stolen. With a parent read delay (--parent-delay, p) the parent is not waiting yet: the child's own msgrcv(type 1) takes its message back, STOLEN as on one pipe, and the parent waits for ever.",
    sourceNote: 'one queue, type 1 both ways: the waiting receiver wins',
    deadlock: 'Both processes wait in msgrcv(type 1), and the queue is empty: neither will ever send.',
    delivered: {
      title: 'HANDED TO THE WAITING RECEIVER',
      text: (tag: string, reader: string) =>
        `${tag} went to the ${reader}. A queue hands a message straight to a receiver already waiting in msgrcv for its type (pipelined_send), before its writer can call msgrcv: when the ${reader} waits first, it gets the message every time. A pipe only wakes its reader, and whoever reads first takes the bytes.`,
      keys: 'To see the child take its own message back: Esc, p (the parent reads late)',
    },
    route: 'child → type 1 ← parent: whoever waits gets it',
  },
  ko: {
    ...koCommon,
    name: '큐, 타입 하나',
    reportName: '메시지 큐 하나, 양방향 같은 타입',
    help: '메시지 큐, 타입 하나 (두 프로세스 모두 msgrcv(타입 1)): 부모가 이미 msgrcv에서 기다리면 커널이 자식의 메시지를 바로 부모에게 넘깁니다 (기다리는 수신자가 먼저 받음). 그래서 가로채이지 않습니다. 부모 읽기 지연(--parent-delay, p)을 켜면 부모가 아직 기다리지 않으므로 자식의 msgrcv(타입 1)가 자기 메시지를 되가져가고 (한 파이프처럼 가로챔) 부모는 영원히 기다립니다.',
    sourceNote: '큐 하나, 양방향 타입 1: 기다리던 수신자가 이깁니다',
    deadlock: '두 프로세스가 msgrcv(타입 1)에서 기다리고 큐는 비었습니다. 어느 쪽도 보내지 않습니다.',
    delivered: {
      title: '기다리던 수신자에게 넘어감',
      text: (tag: string, reader: string) =>
        `${tag} 메시지가 ${reader} 쪽에 닿았습니다. 큐는 그 타입을 msgrcv로 이미 기다리는 수신자에게 메시지를 바로 넘깁니다 (pipelined_send). 쓴 쪽이 msgrcv를 부르기 전입니다. ${reader} 쪽이 먼저 기다리면 매번 받습니다. 파이프는 읽는 쪽을 깨울 뿐이고, 먼저 read()한 쪽이 바이트를 가져갑니다.`,
      keys: '자식이 자기 메시지를 되가져가는 것을 보려면: Esc, p (부모가 늦게 읽음)',
    },
    route: '자식 → 타입 1 ← 부모: 기다리는 쪽이 받음',
  },
};
