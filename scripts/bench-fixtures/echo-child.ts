// The benchmark's variant of the child: the same loop and the same calls as the shipped
// child, but it sends every message straight back, and with --untraced reports nothing.
// It takes the channel's arguments as the shipped child does (src/child.ts): --one-fd on
// a socket, --channel NAME where the channel has calls of its own (a queue, shared
// memory, TCP, signals...), and in a child thread (threads) the variable from its
// workerData. A one-way channel's child (--write-only) never reads: it cannot echo.
// The benchmark builds it beside dist/child.js; it is not part of the package.
import { WIRINGS, type Wiring } from '../../src/channels/names.js';
import { childEntry, childThreadData } from '../../src/child/threads.js';
import { keyboardGate, runChild } from '../../src/child/conversation.js';

async function start(argv: string[]): Promise<void> {
  if (argv.includes('--write-only')) throw new Error('a one-way channel: the echo child never reads, so it cannot echo');
  const name = argv[argv.indexOf('--channel') + 1] as Wiring;
  const named = argv.includes('--channel') && WIRINGS.includes(name);
  const make = named ? (await import('../../src/channels/ends-registry.js')).channelEnds(name).processCalls : null;
  const calls = make ? await make('child', argv, keyboardGate, childThreadData()?.memory) : null;
  const traced = !argv.includes('--untraced');
  runChild({ turns: 0, delayMs: 0, firstTurn: 1, oneFd: argv.includes('--one-fd'), calls, traced, echo: true, stream: false, writeOnly: false });
}

childEntry(() => {
  start(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
});
