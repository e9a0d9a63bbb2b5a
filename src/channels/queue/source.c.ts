// The chapter's message queue program, as it runs here: our key (the text writes
// IPC_PRIVATE or 1234; ours names the PID, so that pipe-chat clean knows it) and mode 0600
// (the text writes 0666, which lets every user read it); the frame travels as the
// message's text, a type per direction (`queueSource(types)`, shared by both queues).
// The parent waits for the child, then removes the queue: it outlives its processes.
import type { ChannelSource } from '../channel.js';
import type { QueueTypes } from './ends.js';

const CHILD_FINDS = { en: 'the queue by the id in its arguments', ko: '인자로 받은 id로 큐를' };
const KEY = {
  en: "pipe-chat's keys: 0x7c, then the PID (pipe-chat clean knows them)",
  ko: 'pipe-chat의 키: 0x7c 다음에 PID (pipe-chat clean이 알아봄)',
};

export function queueSource(types: QueueTypes): ChannelSource {
  const part = (sends: number, receives: number, finish: readonly string[]) => ({
    setup: [],
    // The kernel never restarts msgsnd and msgrcv after a signal's handler: EINTR, and the call is made again.
    write: [`msg.mtype = ${sends};`, { text: 'while (msgsnd(msqid, &msg, len, 0) == -1)', spot: 'write' as const }, '  if (errno != EINTR) die("msgsnd");'],
    read: [{ text: `while ((n = msgrcv(msqid, &msg, BUF_SIZE, ${receives}, 0)) == -1)`, spot: 'read' as const }, '  if (errno != EINTR) die("msgrcv");'],
    finish,
  });
  return {
    file: 'msgqueue.c',
    program: (lang) => ({
      includes: ['<errno.h>', '<sys/ipc.h>', '<sys/msg.h>', '<sys/wait.h>'],
      globals: [`/* ${KEY[lang]} */`, '#define KEY_TAG (0x7c << 24)'],
      decl: ['int msqid;', 'struct { long mtype; char mtext[BUF_SIZE + 1]; } msg;'],
      make: [
        '/* text: msgget(1234, IPC_CREAT | 0666); */',
        'msqid = msgget(KEY_TAG | getpid(),',
        '               IPC_CREAT | IPC_EXCL | 0600);',
        'if (msqid == -1)',
        '  die("msgget");',
      ],
      childFinds: CHILD_FINDS[lang],
      buffer: 'msg.mtext',
      child: part(types.childSends, types.parentSends, []),
      parent: part(types.parentSends, types.childSends, ['if (wait(NULL) == -1)', '  die("wait");', 'if (msgctl(msqid, IPC_RMID, NULL) == -1)', '  die("msgctl");']),
    }),
  };
}
