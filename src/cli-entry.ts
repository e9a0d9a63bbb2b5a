#!/usr/bin/env node
// What Node runs first (dist/cli.js): nothing imported statically, so that our code runs
// before Node has to open any other file. With too few file descriptors (ulimit -n just
// above what Node itself needs) loading the program fails; that is then one line and
// exit status 1, not Node's own trace from inside its module loader. The rest of the
// program (cli.tsx) is a chunk of the bundle, loaded here.
process.on('SIGUSR1', () => {}); // before anything else: see debugger-signal.ts

function loadFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const korean = /^ko/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  const why = code ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
  if (code === 'EMFILE' || code === 'ENFILE') {
    return korean
      ? `pipe-chat: 프로그램을 불러올 수 없습니다: 파일 디스크립터가 모자랍니다 (${why}). ulimit -n 을 늘리세요.`
      : `pipe-chat: could not load the program: too few file descriptors (${why}); raise ulimit -n`;
  }
  return korean ? `pipe-chat: 프로그램을 불러올 수 없습니다: ${why}` : `pipe-chat: could not load the program: ${why}`;
}

import('./cli.js').catch((error: unknown) => {
  process.exitCode = 1;
  process.stderr.on('error', () => {});
  // eslint-disable-next-line no-control-regex
  process.stderr.write(`${loadFailure(error).replace(/[\x00-\x1f\x7f-\x9f]/g, '?')}\n`);
});
