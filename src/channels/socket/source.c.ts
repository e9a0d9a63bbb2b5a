// The textbook's socketpair.c: one socketpair, made before the fork.
import type { ChannelSource } from '../channel.js';

export const socketSource: ChannelSource = { file: 'socketpair.c', decl: 'int sv[2];', make: ['socketpair(AF_UNIX, SOCK_STREAM,', '           0, sv);'] };
