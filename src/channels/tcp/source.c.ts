// The textbook's echo server and client made one program: the parent listens on the
// loopback and accepts, the child connects (after the fork, as a client would).
import type { ChannelSource } from '../channel.js';

export const tcpSource: ChannelSource = {
  file: 'tcp.c',
  decl: 'int serv_sock, clnt_sock, sock; struct sockaddr_in addr;',
  make: ['serv_sock = socket(PF_INET, SOCK_STREAM, 0);', 'bind(serv_sock, /* 127.0.0.1:0 */);', 'listen(serv_sock, 1);'],
};
