// The textbook's pipe3.c: two pipes, made before the fork.
import type { ChannelSource } from '../channel.js';

export const twoPipesSource: ChannelSource = { file: 'pipe3.c', decl: 'int fds1[2], fds2[2];', make: ['pipe(fds1), pipe(fds2);'] };
