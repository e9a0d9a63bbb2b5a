// The lesson's one owner of conversations: each step runs in a conversation session of
// its own (its channel, turns, sleep and step mode), and opening a step's session closes
// the step before's first, so at most one child of ours lives at a time. Every way out
// of the lesson closes the one that is open (run-lesson.tsx hands close() to the screen).
import { channelOf } from '../channels/registry.js';
import { ConversationSession } from '../session/conversation-session.js';
import type { OpenSession } from '../session/open-session.js';
import type { RunnableStep } from './steps.js';

export class StepSessions {
  private current: ConversationSession | null = null;
  private ending: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly open: OpenSession) {}

  /** The session a step runs in, the step before's closed (its child killed) first; null once the lesson is closing. */
  next(step: RunnableStep): ConversationSession | null {
    this.end();
    if (this.closed) return null;
    this.current = new ConversationSession({
      open: this.open,
      turns: step.turns,
      knobs: { childDelayMs: step.childDelayMs, parentDelayMs: 0 },
      stepping: step.releases.length > 0,
      stepPoints: (wiring) => channelOf(wiring).stepPoints,
    });
    return this.current;
  }

  /** The step's run is over: its processes go while the class reads the result (a deadlocked parent's read ends here). */
  end(): void {
    const session = this.current;
    this.current = null;
    if (session) this.ending = Promise.all([this.ending, session.close()]).then(() => {});
  }

  /** For a signal path, which cannot await: the named pipe's path goes now. */
  removePath(): void {
    this.current?.removePath();
  }

  /** Every way out: the open step's child killed and its blocked read ended before the first await; resolves once all are gone. */
  close(): Promise<void> {
    this.closed = true;
    this.end();
    return this.ending;
  }
}
