// The shared-memory channels, in English and Korean: their names, help, source comments,
// and the words their drawing and kernel view share (ShmWords).
import type { ChannelWords, Lang } from '../channel-words.js';

export interface ShmWords extends ChannelWords {
  title: string;
  /** How the boxes carry each direction and what makes the reader wait (or not). */
  route: string;
  segment: (id: number, key: string, bytes: number, nattch: number, cpid: number, lpid: number) => string;
  /** The set's line, with each semaphore's value by name (empty once it is gone). */
  set: (id: number, key: string, values: number[]) => string;
  box: (index: number, text: string) => string;
  gone: string;
  noMapping: string;
  viewTitle: string;
}

const semNames = ['full[0]', 'empty[0]', 'full[1]', 'empty[1]'];
const valuesText = (values: number[]): string => values.map((v, i) => `${semNames[i] ?? i}=${v}`).join(' ');

const enCommon = {
  segment: (id: number, key: string, bytes: number, nattch: number, cpid: number, lpid: number) => `shmid ${id}  key ${key}  ${bytes} B  nattch ${nattch}  cpid ${cpid}  lpid ${lpid}`,
  set: (id: number, key: string, values: number[]) => `semid ${id}  key ${key}  0600: ${values.length === 0 ? 'gone' : valuesText(values)}`,
  box: (index: number, text: string) => `box ${index} ${index === 0 ? 'child→parent' : 'parent→child'}: "${text}"`,
  gone: 'the segment is gone (both detached)',
  noMapping: 'not mapped',
  viewTitle: 'the shared memory, as the kernel shows it',
};
const koCommon = {
  segment: (id: number, key: string, bytes: number, nattch: number, cpid: number, lpid: number) => `shmid ${id}  키 ${key}  ${bytes} B  nattch ${nattch}  cpid ${cpid}  lpid ${lpid}`,
  set: (id: number, key: string, values: number[]) => `semid ${id}  키 ${key}  0600: ${values.length === 0 ? '사라짐' : valuesText(values)}`,
  box: (index: number, text: string) => `상자 ${index} ${index === 0 ? '자식→부모' : '부모→자식'}: "${text}"`,
  gone: '세그먼트가 사라졌습니다 (둘 다 분리함)',
  noMapping: '매핑 없음',
  viewTitle: '커널이 보여 주는 공유 메모리',
};

export const shmWords: Record<Lang, ShmWords> = {
  en: {
    ...enCommon,
    title: 'ONE shared segment',
    name: 'shared memory',
    reportName: 'shared memory, semaphores (with waiting)',
    help: 'Shared memory with waiting (shmget, shmat, semop): one System V segment both processes attach, two boxes in it (one per direction), and semaphores guarding each box: the writer copies its line in and posts "full", the reader waits in semop until it can copy the line out. The kernel makes the reader wait: BLOCKED in semop(), no CPU. The kernel view shows the segment (nattch 2), the semaphores\' values and the boxes\' bytes; every way out removes them (IPC_RMID).',
    sourceNote: 'one segment, two boxes, P and V around each copy',
    deadlock: 'Both processes wait in semop for a box nobody will fill.',
    delivered: null,
    route: 'child → box 0 → parent · parent → box 1 → child; semop makes the reader wait',
  },
  ko: {
    ...koCommon,
    title: '공유 세그먼트 하나',
    name: '공유 메모리',
    reportName: '공유 메모리, 세마포어 (기다림 있음)',
    help: '기다림이 있는 공유 메모리 (shmget, shmat, semop): 두 프로세스가 붙이는 System V 세그먼트 하나, 그 안에 방향마다 상자 하나, 상자마다 세마포어. 쓰는 쪽은 줄을 복사해 넣고 "full"을 올리고, 읽는 쪽은 꺼낼 수 있을 때까지 semop에서 기다립니다. 커널이 기다리게 합니다: semop()에서 BLOCKED, CPU를 쓰지 않습니다. 커널 보기에 세그먼트(nattch 2), 세마포어 값, 상자의 바이트가 나오고, 어떻게 끝내든 지웁니다 (IPC_RMID).',
    sourceNote: '세그먼트 하나, 상자 둘, 복사 앞뒤로 P와 V',
    deadlock: '두 프로세스가 아무도 채우지 않을 상자를 semop으로 기다립니다.',
    delivered: null,
    route: '자식 → 상자 0 → 부모 · 부모 → 상자 1 → 자식; semop이 읽는 쪽을 기다리게 함',
  },
};

export const shmBusyWords: Record<Lang, ShmWords> = {
  en: {
    ...enCommon,
    title: 'ONE shared segment, no semaphores',
    name: 'shared memory, busy',
    reportName: 'shared memory, busy waiting (without waiting)',
    help: "Shared memory without waiting: the same segment and boxes, no semaphores. The reader checks its box's sequence number again and again, on a thread of its own (BUSY WAITING, with the CPU it burns from /proc). A jump of the number counts LOST messages; a number that changed while the reader copied counts TORN (a seqlock). After 30 s with no message the reader stops spinning and says how much CPU it burned; a key spins again.",
    sourceNote: 'one segment, two boxes, no semaphores: the reader spins',
    deadlock: 'Both processes spin on a box nobody will fill.',
    delivered: null,
    route: 'child → box 0 → parent · parent → box 1 → child; the reader spins on a number',
  },
  ko: {
    ...koCommon,
    title: '공유 세그먼트 하나, 세마포어 없음',
    name: '공유 메모리, 바쁜 대기',
    reportName: '공유 메모리, 바쁜 대기 (기다림 없음)',
    help: '기다림이 없는 공유 메모리: 같은 세그먼트와 상자, 세마포어 없음. 읽는 쪽은 자기 스레드에서 상자의 순번을 계속 확인합니다 (바쁜 대기, /proc에서 읽은 CPU 사용량과 함께). 순번이 건너뛰면 유실, 복사하는 동안 바뀌면 찢김으로 셉니다 (seqlock). 30초 동안 메시지가 없으면 회전을 멈추고 쓴 CPU 시간을 알려 줍니다. 키를 누르면 다시 돕니다.',
    sourceNote: '세그먼트 하나, 상자 둘, 세마포어 없음: 읽는 쪽이 돕니다',
    deadlock: '두 프로세스가 아무도 채우지 않을 상자를 돌며 확인합니다.',
    delivered: null,
    route: '자식 → 상자 0 → 부모 · 부모 → 상자 1 → 자식; 읽는 쪽이 순번을 돌며 확인',
  },
};

/** The mapped file's own words: its path, its dirty pages. */
export interface MmapWords extends ShmWords {
  file: string;
  dirty: (kb: number) => string;
  /** The path did not fit here: where it is shown whole. */
}

export const mmapWords: Record<Lang, MmapWords> = {
  en: {
    ...enCommon,
    title: 'ONE mapped file',
    name: 'memory-mapped file',
    reportName: 'a memory-mapped file, semaphores (with waiting)',
    help: "Memory-mapped file (mmap, msync, munmap): a file in a private directory of your cache directory (on disk, not tmpfs), mapped MAP_SHARED by both processes, with the boxes and semaphores of shared memory. The page cache is the file: `cat` of its path from another terminal shows the last line written. The writer calls msync after each copy; the kernel view shows each process's dirty pages (/proc/PID/smaps). Every way out removes the set, the file and its directory.",
    sourceNote: 'a file mapped by both, two boxes, P and V around each copy',
    deadlock: 'Both processes wait in semop for a box nobody will fill.',
    delivered: null,
    route: 'child → box 0 → parent · parent → box 1 → child; the file is the page cache',
    file: 'file (MAP_SHARED): ',
    dirty: (kb: number) => `dirty ${kb} kB (smaps)`,
    viewTitle: 'the mapped file, as the kernel shows it',
  },
  ko: {
    ...koCommon,
    title: '매핑된 파일 하나',
    name: '메모리 맵 파일',
    reportName: '메모리 맵 파일, 세마포어 (기다림 있음)',
    help: '메모리 맵 파일 (mmap, msync, munmap): 캐시 디렉터리 안 비공개 디렉터리의 파일 (tmpfs가 아닌 디스크)을 두 프로세스가 MAP_SHARED로 매핑하고, 공유 메모리의 상자와 세마포어를 씁니다. 페이지 캐시가 곧 파일입니다: 다른 터미널에서 그 경로를 `cat` 하면 마지막 줄이 보입니다. 쓰는 쪽은 복사할 때마다 msync를 부릅니다. 커널 보기에 프로세스마다 더러운 페이지(/proc/PID/smaps)가 나옵니다. 어떻게 끝내든 세마포어, 파일, 디렉터리를 지웁니다.',
    sourceNote: '두 프로세스가 매핑한 파일, 상자 둘, 복사 앞뒤로 P와 V',
    deadlock: '두 프로세스가 아무도 채우지 않을 상자를 semop으로 기다립니다.',
    delivered: null,
    route: '자식 → 상자 0 → 부모 · 부모 → 상자 1 → 자식; 파일이 곧 페이지 캐시',
    file: '파일 (MAP_SHARED): ',
    dirty: (kb: number) => `더러운 페이지 ${kb} kB (smaps)`,
    viewTitle: '커널이 보여 주는 매핑된 파일',
  },
};
