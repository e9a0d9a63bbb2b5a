// The user's side of a conversation in a pseudo-terminal, shared by the end-to-end tests:
// type a line and wait until the input shows it before Enter, and one whole turn (the
// child's line, then the parent's answer once the parent has read it).
import type { PtySession } from './pty.js';

export async function say(session: PtySession, text: string): Promise<void> {
  await session.type(text);
  await session.waitForText(`› ${text}`);
  await session.press('enter');
}

/** One turn: the child's line, then the parent's answer once the parent has read it. */
export async function turn(session: PtySession, childLine: string, parentLine: string, labels = { fromChild: 'from Child: ', fromParent: 'from Parent: ' }) {
  await session.waitForText('typing at its keyboard');
  await say(session, childLine);
  await session.waitForText(`${labels.fromChild}${childLine}`);
  await say(session, parentLine);
  await session.waitForText(`${labels.fromParent}${parentLine}`);
}

