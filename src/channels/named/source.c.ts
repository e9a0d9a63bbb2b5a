// The textbook's fifo.c: a FIFO made at a path, opened before the fork.
import type { ChannelSource } from '../channel.js';

export const namedSource: ChannelSource = { file: 'fifo.c', decl: 'int fd;', make: ['mkfifo(path, 0600);', 'fd = open(path, O_RDWR);'] };
