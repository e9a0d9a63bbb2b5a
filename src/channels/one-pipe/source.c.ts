// The textbook's pipe2.c: one pipe, made before the fork, used both ways.
import type { ChannelSource } from '../channel.js';

export const onePipeSource: ChannelSource = { file: 'pipe2.c', decl: 'int fds[2];', make: ['pipe(fds);'] };
