// The child process's entry point: `node child.js --turns N --first-turn K --delay-ms MS
// [--one-fd] [--write-only] [--channel NAME ...]`, forked by the parent with its conversation fds at 3
// and 4 (or the channel's own arguments: a queue's id), its keyboard on stdin and its
// reports on stdout (see child/conversation.ts for what it does); or started as a thread
// of the parent's own process with the same arguments (threads: ipc/child-thread.ts).
import { WIRINGS, type Wiring } from './channels/names.js';
import { childEntry, childThreadData } from './child/threads.js';
import { keyboardGate, runChild, type ChildOptions } from './child/conversation.js';

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
    calls: null,
    traced: true,
    echo: false,
    stream: argv.includes('--stream') || argv.includes('--write-only'),
    writeOnly: argv.includes('--write-only'),
  };
}

/** The channel's own calls, when it names a channel that has them (only then is the registry loaded: the pipes' child starts lean). */
async function start(argv: string[]): Promise<void> {
  const name = argv[argv.indexOf('--channel') + 1] as Wiring;
  if (!argv.includes('--channel') || !WIRINGS.includes(name)) return runChild(parseArgs(argv));
  const make = (await import('./channels/ends-registry.js')).channelEnds(name).processCalls;
  runChild({ ...parseArgs(argv), calls: make ? await make('child', argv, keyboardGate, childThreadData()?.memory) : null });
}

childEntry(() => void start(process.argv.slice(2)));
