// The textbook's pipe1.c: one pipe, made before the fork; the child closes the read end it
// does not use and only writes, the parent closes the write end it does not use and only
// reads. After its three messages the parent reads once more: with the child gone, no
// write end is left, and read() returns 0. Without the close() calls (closeUnused false)
// that last read() blocks for ever on the parent's own write end.
import type { ChannelSource, ProcessPart } from '../channel.js';
import type { Lang } from '../channel-words.js';
import { ENDS_AT_FDS_3_AND_4, fdPart } from '../fd-program.js';

const WRITE_END_AT_FD_4: Record<Lang, string> = { en: 'its write end at fd 4', ko: 'fd 4에서 쓰기 끝을' };

const LAST_READ: Record<Lang, { closed: string; open: string }> = {
  en: { closed: 'the child has exited and no write end is left: 0, end of file', open: 'our own write end is still open: no end of file, this read never returns' },
  ko: { closed: '자식이 끝났고 남은 쓰기 끝이 없음: 0, 파일의 끝', open: '우리 쓰기 끝이 아직 열려 있음: 파일의 끝이 오지 않아 이 read는 돌아오지 않음' },
};

export function oneWayPipeSource(closeUnused: boolean): ChannelSource {
  return {
    file: closeUnused ? 'pipe1.c' : 'pipe1-no-close.c',
    program: (lang) => {
      const child = fdPart('fds[0]', 'fds[1]', closeUnused ? ['close(fds[0]);'] : []);
      const parent = fdPart('fds[0]', 'fds[1]', closeUnused ? ['close(fds[1]);'] : [], [
        { text: `n = read(fds[0], buf, BUF_SIZE);  /* ${LAST_READ[lang][closeUnused ? 'closed' : 'open']} */`, spot: 'read' },
        'if (n == -1) die("read");',
        'printf("read() = %zd\\n", n);',
      ]);
      // One way: the child never reads, the parent never writes.
      const writer: ProcessPart = { ...child, read: [] };
      const reader: ProcessPart = { ...parent, write: [] };
      return {
        includes: [],
        globals: [],
        decl: ['int fds[2];'],
        make: ['if (pipe(fds) == -1)', '  die("pipe");'],
        childFinds: (closeUnused ? WRITE_END_AT_FD_4 : ENDS_AT_FDS_3_AND_4)[lang],
        buffer: 'buf',
        child: writer,
        parent: reader,
      };
    },
  };
}

export const pipe1Source: ChannelSource = oneWayPipeSource(true);
