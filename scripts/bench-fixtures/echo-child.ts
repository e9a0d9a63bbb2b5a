// The benchmark's variant of the child: the same loop and the same calls as the shipped
// child, but it sends every message straight back, and with --untraced reports nothing.
// The benchmark builds it beside dist/child.js; it is not part of the package.
import { childEntry } from '../../src/child/threads.js';
import { runChild } from '../../src/child/conversation.js';

const argv = process.argv.slice(2);
childEntry(() => runChild({ turns: 0, delayMs: 0, firstTurn: 1, oneFd: false, calls: null, traced: !argv.includes('--untraced'), echo: true, stream: false, writeOnly: false }));
