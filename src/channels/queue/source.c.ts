// The chapter's message queue program, as it runs here: our key (the text writes
// IPC_PRIVATE or 1234) and mode 0600 (the text writes 0666, which lets every user read it).
import type { ChannelSource } from '../channel.js';

export const queueSource: ChannelSource = {
  file: 'msgqueue.c',
  decl: 'int msqid; struct { long mtype; char mtext[BUF_SIZE]; } msg;',
  make: ['/* text: msgget(1234, IPC_CREAT | 0666); */', 'msqid = msgget(KEY_TAG | getpid(),', '              IPC_CREAT | IPC_EXCL | 0600);'],
};
