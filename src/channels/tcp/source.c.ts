// The textbook's echo server and client made one program, as it runs here: before the
// fork the parent makes a listening socket on 127.0.0.1 (port 0: the kernel picks, read
// back with getsockname, so the child knows where to connect); after it the child
// connects (as the client) and the parent accepts (as the server), then closes the
// listening socket. Each then reads and writes its own connected socket.
import type { ChannelSource } from '../channel.js';
import { fdPart } from '../fd-program.js';

const CHILD_FINDS = { en: 'the port in its arguments, and connects to it', ko: '인자로 받은 포트를, 그리고 거기에 connect' };
const PORT_ZERO = { en: 'port 0: the kernel picks one', ko: '포트 0: 커널이 고름' };
const LOOPBACK = { en: 'only 127.0.0.1, never another address', ko: '127.0.0.1만, 다른 주소는 쓰지 않음' };

export const tcpSource: ChannelSource = {
  file: 'tcp.c',
  program: (lang) => ({
    includes: ['<arpa/inet.h>', '<netinet/in.h>', '<sys/socket.h>'],
    globals: [],
    decl: ['int serv_sock, clnt_sock, sock;', 'struct sockaddr_in addr;', 'socklen_t addr_len = sizeof(addr);'],
    make: [
      'serv_sock = socket(PF_INET, SOCK_STREAM, 0);',
      'if (serv_sock == -1)',
      '  die("socket");',
      'memset(&addr, 0, sizeof(addr));',
      'addr.sin_family = AF_INET;',
      `addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  /* ${LOOPBACK[lang]} */`,
      `addr.sin_port = htons(0);  /* ${PORT_ZERO[lang]} */`,
      'if (bind(serv_sock, (struct sockaddr *)&addr,',
      '         sizeof(addr)) == -1)',
      '  die("bind");',
      'if (listen(serv_sock, 1) == -1)',
      '  die("listen");',
      'if (getsockname(serv_sock, (struct sockaddr *)&addr,',
      '                &addr_len) == -1)',
      '  die("getsockname");',
    ],
    childFinds: CHILD_FINDS[lang],
    buffer: 'buf',
    child: fdPart('sock', 'sock', [
      'close(serv_sock);',
      'sock = socket(PF_INET, SOCK_STREAM, 0);',
      'if (sock == -1)',
      '  die("socket");',
      'if (connect(sock, (struct sockaddr *)&addr,',
      '            sizeof(addr)) == -1)',
      '  die("connect");',
    ]),
    parent: fdPart('clnt_sock', 'clnt_sock', ['clnt_sock = accept(serv_sock, NULL, NULL);', 'if (clnt_sock == -1)', '  die("accept");', 'close(serv_sock);']),
  }),
};
