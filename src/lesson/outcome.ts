// What a step's run showed, read from the conversation's state when it ended: who read
// each message, whether any was stolen, whether a reader busy-waited, and the chat's own
// words for how it ended (the banner: DONE, DEADLOCK, BLOCKED FOREVER...). The result
// screen says this, and the class's pick is held against it: nothing here is written
// ahead of the run.
import type { Proc } from '../ipc/events.js';
import type { Messages } from '../i18n/index.js';
import type { ConversationState, Verdict } from '../app/state/model.js';
import { bannerContent } from '../app/views/banner-lines.js';
import { phaseOf } from '../app/state/phase.js';
import type { Asks, Prediction } from './steps.js';

export interface MessageSeen {
  writer: Proc;
  seq: number;
  /** Who took it: one of ours, another process, or nobody (yet). */
  reader: Proc | 'outside' | null;
  verdict: Verdict | null;
}

export interface StepOutcome {
  messages: MessageSeen[];
  /** A reader of ours checked memory in a loop (its thread's CPU counted) instead of waiting in the kernel. */
  busy: boolean;
  /** The chat's banner at the end: its title and text, as the chat said them. */
  end: { title: string; text: string } | null;
  /** The parent's read() returned 0: end of file. */
  eof: boolean;
  /** The conversation could not start, or its child died: the run answers nothing. */
  broken: boolean;
}

export function outcomeOf(state: ConversationState, t: Messages['ui']): StepOutcome {
  const session = state.session;
  const ours = state.messages.filter((m) => session !== null && m.session === session.id && m.writer !== null && m.attribution !== 'pending');
  const messages = ours.map((m) => ({
    writer: m.writer as Proc,
    seq: m.seq,
    reader: m.reader ?? (m.takenBy || m.attribution === 'outside' ? ('outside' as const) : null),
    verdict: m.verdict,
  }));
  // A futex wait (threads) is a wait in the kernel: only a reader that looped is busy.
  const busy = session !== null && (['parent', 'child'] as const).some((p) => session[p].spin !== null && !session[p].spin?.waits);
  const banner = bannerContent(t, state);
  const phase = phaseOf(state);
  return { messages, busy, eof: session?.parent.eof === true, end: banner ? { title: banner.title, text: banner.text } : null, broken: phase === 'failed' || phase === 'child-died' };
}

/** What the run answers to the step's question. */
export function answerOf(asks: Asks, outcome: StepOutcome): Prediction {
  switch (asks) {
    case 'first-reader': {
      const first = outcome.messages.find((m) => m.writer === 'child' && m.seq === 1);
      return first?.reader ?? 'nobody';
    }
    case 'stolen':
      return outcome.messages.some((m) => m.verdict === 'stolen') ? 'yes' : 'no';
    case 'busy':
      return outcome.busy ? 'yes' : 'no';
    case 'eof':
      return outcome.eof ? 'yes' : 'no';
  }
}
