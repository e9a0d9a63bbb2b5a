// The textbook's three turns played over a real link by the real parent program, and
// the messages as each process read them: shared by the tests of every wiring.
import type { WiredLinkEvent } from '../../src/ipc/events.js';
import type { PipeLink } from '../../src/ipc/link.js';
import { ParentProgram } from '../../src/ipc/parent-program.js';
import { waitUntil } from './wait.js';

export const THREE_TURNS = [['Who are you?', 'I am your parent'], ['안녕?', '반가워'], ['bye', 'bye too']] as const;

/** What each process should have read after the three turns, in order, in messagesRead's words. */
export function threeTurnsRead(): string[] {
  return THREE_TURNS.flatMap(([childLine, parentLine], i) => [`parent read child#${i + 1}: ${childLine}`, `child read parent#${i + 1}: ${parentLine}`]);
}

/** What each process read, in order: "parent read child#1: Who are you?". */
export function messagesRead(events: readonly WiredLinkEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'message' ? [`${e.proc} read ${e.frame.writer}#${e.frame.seq}: ${e.frame.text}`] : []));
}

/** Types each turn's child line, then the parent's answer once the parent has read; resolves when the program is done. */
export async function playThreeTurns(link: Pick<PipeLink, 'read' | 'write' | 'activity' | 'stepping' | 'typeForChild'>, events: readonly WiredLinkEvent[]): Promise<void> {
  const program = new ParentProgram(link);
  const done = program.run();
  for (const [childLine, parentLine] of THREE_TURNS) {
    const before = messagesRead(events).length;
    link.typeForChild(childLine);
    // type() takes the line only once the parent has read and waits at its keyboard.
    await waitUntil(() => program.type(parentLine), { what: 'the parent to read, then take its line' });
    await waitUntil(() => messagesRead(events).length === before + 2, { what: 'the child to read the answer' });
  }
  await done;
}
