// The TCP connection, in English and Korean: its name, and the words of its drawing and
// kernel view (the ports, /proc/net/tcp's state and queues).
import type { ChannelWords, Lang } from '../channel-words.js';

export interface TcpWords extends ChannelWords {
  title: string;
  /** Each process's end: the port it holds and what it did to get it. */
  listens: string;
  connects: string;
  toChild: string;
  toParent: string;
  inFlight: (bytes: number) => string;
  hint: string;
  hint2: string;
  viewTitle: string;
  fromProc: string;
  /** One line of /proc/net/tcp: its state (code and name) and the bytes queued each way. */
  row: (local: string, remote: string, code: string, state: string) => string;
  queues: (tx: number, rx: number) => string;
  noRow: string;
  holds: string;
}

export const tcpWords: Record<Lang, TcpWords> = {
  en: {
    name: 'TCP',
    reportName: 'one TCP connection (127.0.0.1)',
    help: 'TCP (the echo server and client): the parent listens on 127.0.0.1 with socket, bind (port 0: the kernel picks one) and listen; the child connects to that port; the parent accepts. One connection, two-way, each process holding its own socket (both ports are shown). Expect three clean turns and DONE, as on the socketpair: a connection never hands a process its own bytes. Both processes block in read() on their own socket. The kernel view shows the connection in /proc/net/tcp (ESTABLISHED, bytes queued). Only the loopback is ever used.',
    sourceNote: 'one TCP connection over 127.0.0.1',
    deadlock: 'Both processes wait for the other on the connection, each in read(), and nothing is in flight: neither will ever write.',
    delivered: null,
    title: 'ONE TCP connection',
    listens: 'listen, accept',
    connects: 'connect',
    toChild: 'parent → child',
    toParent: 'child → parent',
    inFlight: (bytes) => `${bytes} B in flight`,
    hint: 'loopback only (127.0.0.1):',
    hint2: 'nothing can be stolen',
    viewTitle: 'the connection, as the kernel shows it',
    fromProc: '/proc/net/tcp',
    row: (local, remote, code, state) => `${local} → ${remote}  st ${code} ${state}`,
    queues: (tx, rx) => `tx_queue ${tx} B (unacknowledged) · rx_queue ${rx} B (unread)`,
    noRow: 'no line in /proc/net/tcp (closed)',
    holds: 'holds',
  },
  ko: {
    name: 'TCP',
    reportName: 'TCP 연결 하나 (127.0.0.1)',
    help: 'TCP (에코 서버와 클라이언트): 부모가 socket, bind (포트 0: 커널이 고름), listen으로 127.0.0.1에서 기다리고, 자식이 그 포트로 connect하면 부모가 accept합니다. 연결 하나, 양방향, 프로세스마다 자기 소켓을 가집니다 (두 포트가 보입니다). 소켓쌍처럼 세 턴이 깨끗이 오가고 끝이 나옵니다. 연결은 자기가 쓴 바이트를 자기에게 돌려주지 않습니다. 두 프로세스 모두 자기 소켓의 read()에서 막힙니다. 커널 보기에 /proc/net/tcp의 연결 (ESTABLISHED, 대기 중인 바이트)이 나옵니다. 루프백 말고는 쓰지 않습니다.',
    sourceNote: 'TCP 연결 하나, 127.0.0.1',
    deadlock: '두 프로세스가 연결에서 서로를 기다립니다 (둘 다 read()). 전송 중인 바이트가 없으니 어느 쪽도 쓰지 않습니다.',
    delivered: null,
    title: 'TCP 연결 하나',
    listens: 'listen, accept',
    connects: 'connect',
    toChild: '부모 → 자식',
    toParent: '자식 → 부모',
    inFlight: (bytes) => `${bytes} B 전송 중`,
    hint: '루프백만 (127.0.0.1):',
    hint2: '가로챌 수 없음',
    viewTitle: '커널이 보여 주는 연결',
    fromProc: '/proc/net/tcp',
    row: (local, remote, code, state) => `${local} → ${remote}  st ${code} ${state}`,
    queues: (tx, rx) => `tx_queue ${tx} B (확인 전) · rx_queue ${rx} B (안 읽음)`,
    noRow: '/proc/net/tcp에 줄이 없음 (닫힘)',
    holds: '가짐',
  },
};
