// The shared file's words, in English and Korean: its name, help, source comment, the
// drawing's title and route, and the kernel view's lines.
import type { ChannelWords, Lang } from '../channel-words.js';
import type { ShmWords } from '../shm/words.js';

export interface FileWords extends ChannelWords, Pick<ShmWords, 'title' | 'route'> {
  viewTitle: string;
  /** Before the path, which follows whole. */
  file: string;
  /** stat(2) of the file: its size, and its inode. */
  stat: (bytes: number, inode: number) => string;
  /** Before the file's lines as `cat` shows them. */
  cat: string;
  /** A slot's line (at `offset`, where its reader preads) as cat shows it, or that nothing was written there yet. */
  catLine: (slot: 0 | 1, offset: number, text: string | null) => string;
  /** A process's fd on the file: /proc/PID/fd's target is the path above; /proc/PID/fdinfo's pos and flags. */
  fd: (fd: number, pos: number | null, flags: string | null) => string;
  noFd: string;
  /** A reader spinning on thread `tid`, and the CPU it burned (from /proc). */
  readerCpu: (tid: number, cpu: string) => string;
  /** A reader that stopped spinning at the limit, parked at its gate, and the CPU it had burned. */
  readerStopped: (tid: number, cpu: string) => string;
  gone: string;
}

const slotName = { en: ['child→parent', 'parent→child'], ko: ['자식→부모', '부모→자식'] } as const;

export const fileWords: Record<Lang, FileWords> = {
  en: {
    title: 'ONE file, com.txt, no waiting',
    name: 'shared file',
    reportName: 'a shared file, busy waiting (without waiting)',
    help: "Why can't two processes just share a variable? Each has its own memory, and fork() gives the child a copy, not a share. What two processes on one machine can share is a file, or a pipe the kernel provides; and a file, like a variable, gives no waiting. Here: com.txt (open, pwrite, pread, close) in a private directory of your cache directory, one line per direction. The writer writes its line with one pwrite and moves on; the reader has no call that waits for a line, so it preads the line again and again on a thread of its own until the number at its start changes (BUSY WAITING, with the CPU it burns from /proc). A line overwritten before it was read is LOST; a read that caught a line half-written (the numbers at its two ends disagree) is TORN. `cat` of the path from another terminal shows the current lines. After 30 s with no message the reader stops and says how much CPU it burned; a key spins again.",
    sourceNote: 'one file, a line per direction, no waiting: the reader preads again and again',
    deadlock: 'Both processes read a line nobody will write, again and again.',
    delivered: null,
    route: 'child → line 1 → parent · parent → line 2 → child; the reader preads again and again',
    viewTitle: 'the file, as the kernel shows it',
    file: 'file: ',
    stat: (bytes, inode) => `${bytes} B · inode ${inode} (stat)`,
    cat: 'cat shows:',
    catLine: (slot, offset, text) => `  ${slotName.en[slot]} @${offset}: ${text ?? '(nothing written yet)'}`,
    fd: (fd, pos, flags) => `fd ${fd} · pos ${pos ?? '?'} · flags ${flags ?? '?'} (fdinfo)`,
    noFd: 'no fd on the file',
    readerCpu: (tid, cpu) => `  reading: BUSY WAITING on thread ${tid}, CPU ${cpu}`,
    readerStopped: (tid, cpu) => `  reading: SPIN STOPPED on thread ${tid} after CPU ${cpu}, waiting at its gate`,
    gone: 'the file is gone (removed)',
  },
  ko: {
    title: '파일 하나, com.txt, 기다림 없음',
    name: '공유 파일',
    reportName: '공유 파일, 바쁜 대기 (기다림 없음)',
    help: '두 프로세스가 변수를 그냥 공유하면 안 될까요? 프로세스마다 메모리가 따로 있고, fork()는 자식에게 공유가 아니라 복사본을 줍니다. 한 기계의 두 프로세스가 함께 쓸 수 있는 것은 파일, 또는 커널이 주는 파이프입니다. 그리고 파일은 변수처럼 기다림을 주지 않습니다. 여기서는: 캐시 디렉터리 안 비공개 디렉터리의 com.txt (open, pwrite, pread, close), 방향마다 한 줄. 쓰는 쪽은 pwrite 한 번으로 줄을 쓰고 바로 넘어갑니다. 읽는 쪽에는 줄이 올 때까지 기다리게 하는 호출이 없어서, 자기 스레드에서 줄 앞의 번호가 바뀔 때까지 pread를 계속 부릅니다 (바쁜 대기: /proc에서 읽은 CPU 사용량과 함께). 읽기 전에 덮어쓴 줄은 유실, 반쯤 쓰인 줄을 읽은 경우(줄 양 끝의 번호가 다름)는 찢김으로 셉니다. 다른 터미널에서 그 경로를 `cat` 하면 지금의 줄이 보입니다. 30초 동안 메시지가 없으면 회전을 멈추고 쓴 CPU 시간을 알려 줍니다. 키를 누르면 다시 돕니다.',
    sourceNote: '파일 하나, 방향마다 한 줄, 기다림 없음: 읽는 쪽이 pread를 계속 부릅니다',
    deadlock: '두 프로세스가 아무도 쓰지 않을 줄을 계속 읽습니다.',
    delivered: null,
    route: '자식 → 줄 1 → 부모 · 부모 → 줄 2 → 자식; 읽는 쪽이 pread를 계속 부름',
    viewTitle: '커널이 보여 주는 파일',
    file: '파일: ',
    stat: (bytes, inode) => `${bytes} B · inode ${inode} (stat)`,
    cat: 'cat으로 보면:',
    catLine: (slot, offset, text) => `  ${slotName.ko[slot]} @${offset}: ${text ?? '(아직 쓴 것 없음)'}`,
    fd: (fd, pos, flags) => `fd ${fd} · pos ${pos ?? '?'} · flags ${flags ?? '?'} (fdinfo)`,
    noFd: '이 파일에 연 fd 없음',
    readerCpu: (tid, cpu) => `  읽기: 스레드 ${tid}에서 바쁜 대기, CPU ${cpu}`,
    readerStopped: (tid, cpu) => `  읽기: 스레드 ${tid} 회전 멈춤 (CPU ${cpu} 사용), 게이트에서 기다림`,
    gone: '파일이 사라졌습니다 (지움)',
  },
};
