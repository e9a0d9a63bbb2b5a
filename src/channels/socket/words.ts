// The socket, in English and Korean: its name, and the words of its drawing and fd panel.
import type { ChannelWords, Lang } from '../channel-words.js';

/** The words a two-ended socket's drawing needs. */
export interface TwoEndsWords {
  title: string;
  hint: string;
  hint2: string;
  toChild: string;
  toParent: string;
  inFlight: (bytes: number) => string;
}

export interface SocketWords extends ChannelWords, TwoEndsWords {
  fdSummary: string;
}

export const socketWords: Record<Lang, SocketWords> = {
  en: {
    name: 'socket',
    reportName: 'one socket (socketpair)',
    help: 'Socket (socketpair.c): one socketpair, two-way, each process holding its own end (socket:[inode] in the fd panel). Expect three clean turns and DONE, as with two pipes: a socket never hands a process its own bytes. Both processes block in read() on their own end, as the C program does.',
    sourceNote: 'one socket, two-way',
    deadlock: 'Both processes wait for the other on the socket, each in read(), and nothing is in flight: neither will ever write.',
    delivered: null,
    title: 'ONE socketpair',
    hint: 'two-way, each end its own:',
    hint2: 'nothing can be stolen',
    toChild: 'parent → child',
    toParent: 'child → parent',
    inFlight: (bytes: number) => `${bytes} B in flight`,
    fdSummary: 'socketpair: one end each (socket:[inode]), two-way',
  },
  ko: {
    name: '소켓',
    reportName: '소켓 하나 (socketpair)',
    help: '소켓 (socketpair.c): 양방향 socketpair 하나, 프로세스마다 자기 끝을 가집니다 (fd 패널의 socket:[inode]). 파이프 두 개처럼 세 턴이 깨끗이 오가고 끝이 나옵니다. 소켓은 자기가 쓴 바이트를 자기에게 돌려주지 않습니다. C 프로그램처럼 두 프로세스 모두 자기 끝의 read()에서 막힙니다.',
    sourceNote: '소켓 하나, 양방향',
    deadlock: '두 프로세스가 소켓에서 서로를 기다립니다 (둘 다 read()). 전송 중인 바이트가 없으니 어느 쪽도 쓰지 않습니다.',
    delivered: null,
    title: '소켓쌍 하나',
    hint: '양방향, 끝마다 따로:',
    hint2: '가로챌 수 없음',
    toChild: '부모 → 자식',
    toParent: '자식 → 부모',
    inFlight: (bytes: number) => `${bytes} B 전송 중`,
    fdSummary: '소켓쌍: 끝을 하나씩 (socket:[inode]), 양방향',
  },
};
