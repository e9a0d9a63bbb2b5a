// The English catalogue: every string a user sees, in one place. ko.ts mirrors it key
// for key (the Messages type makes a missing Korean string a type error).

export const en = {
  cli: {
    usage: `Usage:
  pipe-chat [options]          open the chat: a parent and a child process linked by real pipes
  pipe-chat race [options]     run the one-pipe race many times and count stolen messages

Options:
  --pipes 1|2          start with one shared pipe or two pipes (default 2)
  --child-delay MS     the child's sleep between its write and its read (default 0)
  --parent-delay MS    the parent's delay before each read (default 0)
  --lang en|ko         language (default: from LC_ALL, LC_MESSAGES or LANG)
  --no-color           no colours (NO_COLOR is respected too)
  -h, --help           show this help
  -v, --version        show the version

Race options:
  --trials N           how many single turns (default 200)
  --delay MS           the child's sleep between write and read (default 0)
  --json               print one JSON object

Keys in the chat: F1 or ? for help, Ctrl+T toggles one pipe / two pipes, Ctrl+C quits.`,
    usageError: (message: string) => `pipe-chat: ${message}`,
    seeHelp: 'Run "pipe-chat --help" for usage.',
    notATerminal:
      'pipe-chat: the chat needs an interactive terminal (stdin is not a TTY).\nTo run the pipe experiment without a terminal, use: pipe-chat race --pipes 1',
    fatal: (message: string) => `pipe-chat: ${message}`,
    race: {
      title: (pipes: string, trials: number, delayMs: number) =>
        `${pipes}, ${trials} trials, child delay ${delayMs} ms between write() and read()`,
      pipesOne: 'one shared pipe',
      pipesTwo: 'two pipes',
      stolen: (n: number, pct: string) => `child read back its own message: ${n} (${pct})`,
      delivered: (n: number, pct: string) => `parent received the message:     ${n} (${pct})`,
      deadlocked: (n: number) => `trials that ended with a read blocked forever (cleaned up): ${n}`,
      speed: (perSecond: number) => `${perSecond} trials per second`,
    },
  },
};

export type Messages = typeof en;
