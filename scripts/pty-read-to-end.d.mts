// Types of scripts/pty-read-to-end.mjs, for the tests' terminal (test/support/pty.ts).
import type { IPty } from '@lydell/node-pty';

export function readToTheEnd(terminal: IPty, onRest: (data: string) => void): () => void;
