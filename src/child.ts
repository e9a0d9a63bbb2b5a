// The child process's entry point: `node child.js --turns N --first-turn K --delay-ms MS
// [--one-fd]`, forked by the parent with its conversation fds at 3 and 4, its keyboard
// on stdin and its reports on stdout (see child/conversation.ts for what it does).
import { childEntry } from './child/threads.js';
import { runChild, type ChildOptions } from './child/conversation.js';

function parseArgs(argv: string[]): ChildOptions {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    const n = i === -1 ? fallback : Number(argv[i + 1]);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    turns: value('--turns', 3),
    delayMs: value('--delay-ms', 0),
    firstTurn: Math.max(1, value('--first-turn', 1)),
    oneFd: argv.includes('--one-fd'),
    traced: true,
    echo: false,
  };
}

childEntry(() => runChild(parseArgs(process.argv.slice(2))));
