// The keeper's C program (--keep; chapter 11's echo_storeserver, its storing process):
// what src/keeper.ts does, as C, compiling as printed (`cc -O2 -Wall -Werror`): wait in
// read(2) on the read end of its pipe (fd 3), append what came with write(2) to FILE
// (fd 4, made by the chat's parent with O_CREAT|O_EXCL|O_APPEND, 0600), until end of file.
// `pipe-chat source keeper` prints it; `spot` marks the line the keeper waits on.
import type { Lang } from '../../channels/channel-words.js';

export interface KeeperLine {
  text: string;
  /** The keeper's read, where it waits for the next delivered line. */
  spot?: 'read';
}

const COMMENTS: Record<Lang, { head: string; pipe: string; file: string; eof: string }> = {
  en: {
    head: "keeper.c: the chat's third process, given every delivered line",
    pipe: "the read end of its own pipe from the chat's parent",
    file: 'FILE, made by the parent: O_WRONLY|O_CREAT|O_EXCL|O_APPEND, 0600',
    eof: "end of file: the chat's parent closed its end",
  },
  ko: {
    head: 'keeper.c: 채팅의 세 번째 프로세스, 전달된 줄을 모두 받음',
    pipe: '채팅의 부모에게서 오는 자기 파이프의 읽는 끝',
    file: '부모가 만든 FILE: O_WRONLY|O_CREAT|O_EXCL|O_APPEND, 0600',
    eof: '파일 끝: 채팅의 부모가 자기 끝을 닫음',
  },
};

export function keeperProgram(lang: Lang): KeeperLine[] {
  const c = COMMENTS[lang];
  const plain = (text: string): KeeperLine => ({ text });
  return [
    plain(`/* ${c.head} */`),
    plain('#include <stdio.h>'),
    plain('#include <unistd.h>'),
    plain(''),
    plain('#define BUF_SIZE (64 * 1024)'),
    plain(`#define PIPE_FD 3  /* ${c.pipe} */`),
    plain(`#define FILE_FD 4  /* ${c.file} */`),
    plain(''),
    plain('int main(void) {'),
    plain('  char buf[BUF_SIZE];'),
    plain('  ssize_t n, off, w;'),
    { text: '  while ((n = read(PIPE_FD, buf, BUF_SIZE)) > 0) {', spot: 'read' },
    plain('    for (off = 0; off < n; off += w) {'),
    plain('      w = write(FILE_FD, buf + off, n - off);'),
    plain('      if (w == -1) {'),
    plain('        perror("write");'),
    plain('        return 1;'),
    plain('      }'),
    plain('    }'),
    plain('  }'),
    plain('  if (n == -1) {'),
    plain('    perror("read");'),
    plain('    return 1;'),
    plain('  }'),
    plain(`  return 0;  /* ${c.eof} */`),
    plain('}'),
  ];
}

export function keeperText(lang: Lang): string {
  return keeperProgram(lang)
    .map((l) => l.text)
    .join('\n');
}
