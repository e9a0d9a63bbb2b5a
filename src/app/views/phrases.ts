// Small phrases that several views share, all from the catalogue: a process's state
// in words, a message's wire tag ("C1"), and a message's route and verdict.
import { callText, type Proc, type Wiring } from '../../ipc/events.js';
import type { Messages } from '../../i18n/index.js';
import type { ConversationState, MessageRecord, ProcState, SpinState } from '../state/model.js';
import { needsClock, secondsSince, wallTimeOf } from '../state/phase.js';
import { other } from '../state/turns.js';
import { seg, type Line } from '../../text/styled-lines.js';
import { sanitizeForDisplay } from '../../text/sanitize.js';
import type { Tone } from '../../text/theme.js';

export type Ui = Messages['ui'];

export function tagOf(writer: Proc | null, seq: number): string {
  return `${writer === 'parent' ? 'P' : writer === 'child' ? 'C' : '?'}${seq}`;
}

/**
 * A process's PID as the screen names it; where the child is a thread of the parent's
 * own process (threads), with the TID that plays this side: the child's Worker, the
 * parent's reader (its call thread, once it has read).
 */
export function pidWords(t: Ui, state: ConversationState, proc: Proc): string {
  const session = state.session;
  const p = session?.[proc];
  if (p?.pid === null || p?.pid === undefined) return t.pidUnknown;
  const oneProcess = session?.parent.pid === session?.child.pid;
  const tid = oneProcess ? (p.tid ?? p.spin?.tid ?? null) : null;
  return tid === null || tid === p.pid ? String(p.pid) : t.pidAndTid(String(p.pid), tid);
}

/** A divider's child: its PID, and its TID where it is a thread of the parent's process. */
export function dividerPid(t: Ui, pid: number | null, tid: number | null | undefined): string {
  if (pid === null) return t.pidUnknown;
  return tid ? t.pidAndTid(String(pid), tid) : String(pid);
}

export function exitHow(t: Ui, exit: { code: number | null; signal: string | null }): string {
  return exit.signal ? t.exitSignal(exit.signal) : t.exitCode(exit.code ?? 0);
}

export function stateWords(t: Ui, state: ConversationState, proc: Proc, p: ProcState, stuck: boolean, clockRuns = needsClock(state)): Line {
  const a = p.activity;
  // ✗ only for a failure; a normal exit and end of file are plain facts (a neutral mark).
  if (p.exit) {
    const normal = p.exit.code === 0 && p.exit.signal === null;
    return [seg(`${normal ? '-' : '✗'} ${t.state.exited(exitHow(t, p.exit))}`, normal ? 'dim' : 'danger')];
  }
  if (p.eof) return [seg(`- ${t.state.eof}`, 'dim')];
  if (p.stopped) return [seg(`⏸ ${t.state.stopped(a?.doing === 'reading' ? callText('read', a) : null)}`, 'warn')];
  if (p.error) return [seg(`✗ ${t.state.error(p.error)}`, 'danger')];
  if (proc === 'parent' && state.session?.parentAwaitsChildLine) return [seg(`… ${t.state.awaitsChildLine(formatDuration(t, state.knobs.parentDelayMs))}`, 'accent')];
  if (!a) return [seg(`… ${t.state.starting}`, 'dim')];
  switch (a.doing) {
    case 'typing':
      return [seg(`▶ ${t.state.typing}`, 'ok')];
    case 'writing':
      return [seg(`✎ ${t.state.writing(callText('write', a))}`, 'accent')];
    case 'sleeping':
      return [seg(`… ${t.state.sleeping(formatDuration(t, a.ms))}`, 'accent')];
    case 'reading': {
      if (p.spin) return spinWords(t, state, p, p.spin, callText('read', a));
      // A wait that ends on its own counts seconds (the clock runs); an open-ended one
      // (the user's line, a deadlock) says since when, so nothing has to tick.
      const wall = wallTimeOf(state, p.since);
      const text = clockRuns
        ? t.state.reading(callText('read', a), secondsSince(state, p))
        : wall !== null
          ? t.state.readingSince(callText('read', a), timeOfDay(wall))
          : t.state.readingUntimed(callText('read', a));
      return [seg(`■ ${text}`, stuck ? 'danger' : 'warn')];
    }
    case 'held':
      return [seg(`⏸ ${t.state.held(callText(a.call, a), RELEASE_KEYS[proc])}`, 'key')];
    case 'done':
      return [seg(`✓ ${t.state.done}`, 'dim')];
  }
}

/** The key that lets each process's held call go in step mode (F5 the left pane, F6 the right; Esc h and Esc l where F-keys need Fn). */
export const RELEASE_KEYS: Record<Proc, string> = { parent: 'F5', child: 'F6' };

/**
 * A reader that spins (shm-busy): busy waiting with the CPU its thread burned, or stopped
 * for want of messages; what it lost or found torn. One that waits in Atomics.wait
 * (threads): BLOCKED in futex_wait once /proc shows its thread (the TID in the pane's
 * title) in futex, with the CPU it uses (none); until then, only the call it made.
 */
function spinWords(t: Ui, state: ConversationState, p: ProcState, spin: SpinState, on: string): Line {
  const cpu = (ms: number | null): string => (ms === null ? '…' : `${(ms / 1000).toFixed(1)} s`);
  const missed = spin.lost + spin.torn > 0 ? [seg(` · ${t.state.missed(spin.lost, spin.torn)}`, 'danger')] : [];
  const share = spin.cpuShare === null ? '' : `${Math.round(spin.cpuShare * 100)}% · `;
  if (spin.waits) {
    const text = spin.inFutex ? t.state.inFutex(secondsSince(state, p), `${share}${cpu(spin.cpuMs)}`) : t.state.waitCalled(on);
    return [seg(`${spin.inFutex ? '■' : '…'} ${text}`, 'warn'), ...missed];
  }
  if (spin.idleCpuMs !== null) return [seg(`◌ ${t.state.spinStopped(secondsSince(state, p), cpu(spin.idleCpuMs), spin.parkedIn ?? '?')}`, 'accent'), ...missed];
  return [seg(`● ${t.state.spinning(on, secondsSince(state, p), `${share}${cpu(spin.cpuMs)}`)}`, 'warn'), ...missed];
}

/** Who took a message from the pipe: "PID 4242 cat", or a reader that had exited when the screen looked. */
export function takerWords(t: Ui, takenBy: { pid: number | null; command: string }): string {
  return takenBy.pid === null ? t.transcript.takerGone : `PID ${takenBy.pid} ${sanitizeForDisplay(takenBy.command)}`;
}

/** "C1 child→parent  delivered", "C1 child→child  STOLEN ...": who wrote it, who read it, and what that means. */
export function routeWords(t: Ui, m: MessageRecord): Line {
  const tag = tagOf(m.writer, m.seq);
  const writer = m.writer ? t.procLower[m.writer] : t.channels.named.unknownWriter;
  if (m.reader === null && m.takenBy) {
    return [seg(t.transcript.route(tag, writer, takerWords(t, m.takenBy)), 'dim'), seg(' '), seg(`✗ ${t.channels.named.taken}`, 'danger')];
  }
  if (m.reader === null) return [seg(t.transcript.inPipe(tag, writer), 'dim')];
  if (m.attribution === 'outside' && m.writer !== null) {
    return [seg(t.transcript.route(t.transcript.forgedTag(tag), t.transcript.outsideWriter, t.procLower[m.reader]), 'dim'), seg(' '), seg(`✗ ${t.transcript.forged}`, 'danger')];
  }
  const route = seg(t.transcript.route(tag, writer, t.procLower[m.reader]), 'dim');
  if (m.attribution === 'pending') return [route, seg(' '), seg(`… ${t.transcript.pending}`, 'dim')];
  switch (m.verdict) {
    case 'stolen':
      return [route, seg(' '), seg(`✗ ${t.transcript.stolen}`, 'danger'), seg(`: ${t.transcript.stolenWhy}`, 'danger')];
    case 'out-of-turn':
      return [route, seg(' '), seg(`✗ ${t.transcript.outOfTurn(tagOf(other(m.reader), m.expected ?? 0))}`, 'warn')];
    case 'untagged':
      return [route, seg(' '), seg(`? ${t.transcript.untagged}`, 'warn')];
    case 'garbled':
      return [route, seg(' '), seg(`✗ ${t.transcript.garbled(m.received?.bits ?? 0, m.bytes * 8)}`, 'danger')];
    default:
      return [route, seg(' '), seg(`✓ ${t.transcript.delivered}`, 'ok')];
  }
}

/** The short form for the narrow pipe drawing: the route and a mark, STOLEN in words. */
export function shortRouteWords(t: Ui, m: MessageRecord): Line {
  const full = routeWords(t, m);
  if (m.verdict === 'stolen' || m.verdict === 'forged' || m.verdict === 'garbled') return [...full.slice(0, 3)];
  if (m.attribution === 'pending') return [full[0] ?? seg(''), seg(' …', 'dim')];
  if (m.verdict === 'out-of-turn' || m.verdict === 'untagged') return [full[0] ?? seg(''), seg(' ✗', 'warn')];
  return m.reader === null ? full : [full[0] ?? seg(''), seg(' ✓', 'ok')];
}

export function verdictTone(m: MessageRecord): Tone {
  return m.verdict === 'stolen' || m.verdict === 'forged' || m.verdict === 'garbled' ? 'danger' : m.verdict === 'out-of-turn' || m.verdict === 'untagged' ? 'warn' : 'plain';
}

/** A wall-clock time as the terminal's clock would show it: 14:03:07 (local time). */
export function timeOfDay(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Every duration the screen shows goes through here: "0 ms", "100 ms", "2 s". */
export function formatDuration(t: Ui, ms: number): string {
  return t.status.ms(ms);
}

/** A wiring by name, in the channel's own words. */
export function wiringWords(t: Ui, wiring: Wiring): string {
  return t.channels[wiring].name;
}
