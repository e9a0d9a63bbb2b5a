// The user's side of the chat in a pseudo-terminal, shared by the end-to-end tests and by
// every channel's tests: start it on a channel (--wiring NAME) at a size, wait for a state
// word and keep the screen that wait returned, type a line (waiting until the input shows
// it before Enter), and one whole turn (the child's line, then the parent's answer once
// the parent has read it). A channel's test reads like this:
//
//   const chat = startChat(sessions, { wiring: 'socket' });
//   const screen = await chat.waitForText(AT_KEYBOARD);   // read once, assert on it
//   await say(chat, 'Who are you?');
//   expect(await chat.waitForText('from Child: Who are you?')).toContain('[socket]');
import type { EnvOverrides } from './pty-env.js';
import type { PtySession, StartPtyOptions } from './pty.js';

/** The state word of a process waiting at its keyboard (English). */
export const AT_KEYBOARD = 'typing at its keyboard';

export interface ChatOptions {
  /** The channel, as --wiring takes it (two-pipes when omitted). */
  wiring?: string;
  lang?: 'en' | 'ko';
  cols?: number;
  rows?: number;
  /** More arguments for the program (delays, --auto, ...). */
  args?: string[];
  env?: EnvOverrides;
}

/** Starts `pipe-chat` (the built one) in a pseudo-terminal of `sessions`, in English at 100x30 unless told otherwise. */
export function startChat(sessions: { start(options?: StartPtyOptions): PtySession }, options: ChatOptions = {}): PtySession {
  const wiring = options.wiring === undefined ? [] : ['--wiring', options.wiring];
  return sessions.start({
    args: ['--lang', options.lang ?? 'en', ...wiring, ...(options.args ?? [])],
    cols: options.cols ?? 100,
    rows: options.rows ?? 30,
    ...(options.env === undefined ? {} : { env: options.env }),
  });
}

export async function say(session: PtySession, text: string): Promise<void> {
  await session.type(text);
  await session.waitForText(`› ${text}`);
  await session.press('enter');
}

/** One turn: the child's line, then the parent's answer once the parent has read it. */
export async function turn(session: PtySession, childLine: string, parentLine: string, labels = { fromChild: 'from Child: ', fromParent: 'from Parent: ' }) {
  await session.waitForText(AT_KEYBOARD);
  await say(session, childLine);
  await session.waitForText(`${labels.fromChild}${childLine}`);
  await say(session, parentLine);
  await session.waitForText(`${labels.fromParent}${parentLine}`);
}
