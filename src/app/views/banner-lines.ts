// The one banner that explains what just happened, most important first: deadlock
// (two processes blocked in read(), each waiting for the other), a process blocked for
// good on a pipe whose only write end left open is its own, a dead child, a failed start, a stolen or out-of-turn message, the end of the
// conversation. Each comes with the key that gets the user out of it, one that works
// while the input has focus (Esc, then the letter). A changed delay is said here too.
// In step mode an outcome is said as the order the user chose, not as luck, and until the
// first one the banner says how step mode works and which keys let each call go.
import { channelEnds } from '../../channels/ends-registry.js';
import { WIRINGS } from '../../ipc/events.js';
import type { ConversationState } from '../state/model.js';
import { conversationCounts } from '../state/tallies.js';
import { conversationTurn, other } from '../state/turns.js';
import { deriveView, type ConversationView } from '../state/view.js';
import { DOUBLE, HEAVY, ROUND, framed, seg, type Line } from '../../text/styled-lines.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import { wrapToWidth } from '../../text/text-width.js';
import type { Tone } from '../../text/theme.js';
import { exitHow, tagOf, takerWords, type Ui } from './phrases.js';

export interface BannerContent {
  kind: 'deadlock' | 'blocked-forever' | 'child-died' | 'failed' | 'stolen' | 'out-of-turn' | 'race-won' | 'finished' | 'opening' | 'saved' | 'step';
  title: string;
  text: string;
  keys: string;
  tone: Tone;
}

/** Why the conversation could not start, in the screen's words (the failed banner's text, and the line quitting prints); null unless it failed. */
export function failureText(t: Ui, state: ConversationState): string | null {
  const session = state.session;
  return session?.status === 'failed' && session.error ? t.banner.failed(session.error) : null;
}

export function bannerContent(t: Ui, state: ConversationState, view: ConversationView = deriveView(state, state.session?.wiring ?? WIRINGS[0])): BannerContent | null {
  const b = t.banner;
  const session = state.session;
  const { phase, deadlock } = view;
  if (phase === 'opening') return { kind: 'opening', title: '…', text: b.opening, keys: '', tone: 'dim' };
  if (!session) return null;
  if (phase === 'failed') return { kind: 'failed', title: b.failedTitle, text: sanitizeForDisplay(failureText(t, state) ?? ''), keys: b.failedKeys, tone: 'danger' };
  if (deadlock) {
    const [blocked] = deadlock.blocked;
    const [finished] = deadlock.finished;
    // A deadlock needs two processes waiting on each other; one process waiting alone is not one.
    if (deadlock.blocked.length === 1 && blocked && finished) {
      return { kind: 'blocked-forever', title: b.blockedForeverTitle, text: b.blockedForever(t.procLower[blocked], t.procLower[finished]), keys: b.deadlockKeys, tone: 'warn' };
    }
    const why = t.channels[session.wiring].deadlock ?? (session.pipes.length > 1 ? b.deadlockPipes : b.deadlockBoth);
    // Whoever took the bytes: a message an outside process took is said, as the pane marks it.
    const taken = state.messages.find((m) => m.session === session.id && m.takenBy);
    const text = taken?.takenBy ? `${why} ${b.deadlockTaken(tagOf(taken.writer, taken.seq), takerWords(t, taken.takenBy))}` : why;
    return { kind: 'deadlock', title: b.deadlockTitle, text, keys: b.deadlockKeys, tone: 'danger' };
  }
  if (phase === 'child-died' && session.child.exit) {
    const pid = session.child.pid === null ? t.pidUnknown : String(session.child.pid);
    return {
      kind: 'child-died',
      title: b.childDiedTitle,
      text: b.childDied(pid, exitHow(t, session.child.exit)),
      keys: b.childDiedKeys(conversationTurn(state)),
      tone: 'danger',
    };
  }
  if (phase === 'finished') {
    return {
      kind: 'finished',
      title: b.finishedTitle,
      text: b.finished(state.turns, conversationCounts(state)),
      keys: b.finishedKeys,
      tone: 'ok',
    };
  }
  const latest = state.messages.filter((m) => m.session === session.id && m.readAt !== null).sort((a, c) => (a.readAt ?? 0) - (c.readAt ?? 0)).at(-1);
  if (latest?.verdict === 'stolen' && latest.writer) {
    // What happened, who is left waiting for the message, and what the user can do now.
    const writer = latest.writer;
    const waiting = other(writer);
    const waits = session[waiting].activity?.doing === 'reading' && !session[waiting].exit;
    const order = state.step.on ? ` ${t.step.stolenOrder(t.procLower[writer], t.procLower[waiting])}` : '';
    const text = b.stolen(tagOf(writer, latest.seq), t.procLower[writer]) + order + (waits ? ` ${b.stolenWaiting(t.procLower[waiting])}` : '');
    const keys = view.typing.includes(writer) ? b.stolenKeys(t.procLower[writer]) : b.stolenKeysOnly;
    return { kind: 'stolen', title: b.stolenTitle, text, keys, tone: 'danger' };
  }
  if (latest?.verdict === 'out-of-turn' && latest.reader && latest.writer) {
    return {
      kind: 'out-of-turn',
      title: b.outOfTurnTitle,
      text: b.outOfTurn(t.procLower[latest.reader], tagOf(latest.writer, latest.seq), tagOf(latest.writer, latest.expected ?? 0)),
      keys: '',
      tone: 'warn',
    };
  }
  if (latest?.verdict === 'delivered' && latest.reader && latest.writer && channelEnds(session.wiring).shared) {
    // A channel with its own rule for who gets a message says it; on one pipe a delivery is luck, not design.
    const own = t.channels[session.wiring].delivered;
    if (own) return { kind: 'race-won', title: own.title, text: own.text(tagOf(latest.writer, latest.seq), t.procLower[latest.reader]), keys: own.keys, tone: 'ok' };
    if (state.step.on) return { kind: 'race-won', title: t.step.deliveredTitle, text: t.step.delivered(tagOf(latest.writer, latest.seq), t.procLower[latest.reader]), keys: t.step.keys, tone: 'ok' };
    return {
      kind: 'race-won',
      title: b.raceWonTitle,
      text: b.raceWon(tagOf(latest.writer, latest.seq), t.procLower[latest.reader]),
      keys: b.raceWonKeys,
      tone: 'warn',
    };
  }
  if (state.step.on) return { kind: 'step', title: t.step.title, text: t.step.intro, keys: t.step.keys, tone: 'accent' };
  return null;
}

/** The title's own tone for the four ways a conversation goes wrong (the frame keeps the banner's tone). */
const TITLE_TONES: Partial<Record<BannerContent['kind'], Tone>> = { stolen: 'stolen', deadlock: 'deadlock', 'blocked-forever': 'blocked', 'child-died': 'died' };

export function bannerLines(content: BannerContent | null, width: number): Line[] {
  if (!content) return [];
  const inner = width - 4;
  const body: Line[] = wrapToWidth(content.text, inner).map((l) => [seg(' '), seg(l, content.kind === 'opening' ? 'dim' : 'plain')]);
  if (content.keys) body.push(...wrapToWidth(content.keys, inner).map((l) => [seg(' '), seg(l, 'key')]));
  const chars = content.kind === 'deadlock' ? DOUBLE : content.tone === 'danger' ? HEAVY : ROUND;
  const title = TITLE_TONES[content.kind] === undefined ? content.title : ` ${content.title} `;
  return framed([seg(title, TITLE_TONES[content.kind] ?? content.tone)], body, width, body.length + 2, content.tone, chars);
}
