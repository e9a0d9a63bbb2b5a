// Auto-play decides, from nothing but the conversation state and the two drafts, the
// one next thing a person at the keyboards would do: type the next character of the
// line of the side that waits at its keyboard, press Enter, or (with --exit-when-done)
// quit once the conversation has ended. Kept pure so the pace and every decision are
// tested without timers; use-auto-play.ts only waits for the step and performs it
// through the same input and the same submit path as a real key press.
//
// Stable words a recorder can wait for (en catalogue; ko in brackets), in order:
//   "auto-play" [자동 재생] in the status bar from the first frame,
//   "typing at its keyboard" when a side waits for its line, "› <text>" as it types,
//   "turn 1/3", "turn 2/3", "turn 3/3" [턴 k/3] in the status bar,
//   "from Child: <line>" and "from Parent: <line>" when a read returns a line,
//   "✓ delivered" per message; two pipes end at "DONE" [끝] / "The conversation is over";
//   one shared pipe shows "STOLEN" [가로챔] and ends at "DEADLOCK" [교착 상태 (DEADLOCK)].
// A script with "releases" plays step mode too: when the next process it names is held
// before a call ("HELD at a futex gate" [futex 게이트에서 붙잡힘]), that call is let go, as F5 or F6 would.
import type { AutoScript } from '../../auto-script.js';
import { channelEnds } from '../../channels/ends-registry.js';
import type { Proc, Wiring } from '../../ipc/events.js';
import type { Knobs } from '../../session/session-events.js';
import type { ConversationState } from '../state/model.js';
import { phaseOf } from '../state/phase.js';
import { procTurn, typingProcs } from '../state/turns.js';
import { cleanTypedText } from '../../text/sanitize.js';
import { graphemes } from '../../text/text-width.js';

/** A human pace at speed 1; every wait is divided by the speed. */
export const PACE = {
  /** Between two characters of a line. */
  charMs: 70,
  /** Before the first character (a side has just come to its keyboard) and before Enter. */
  pauseMs: 700,
  /** How long the end (summary or deadlock) stays on screen before --exit-when-done quits. */
  endMs: 2000,
} as const;

/**
 * The parent's read delay auto-play uses on one shared pipe when none was given: the
 * parent reads 200 ms after the child's line, so the child (which reads right after its
 * write) takes its own message back. The kernel still decides; this only sets the knob.
 */
export const AUTO_STEAL_PARENT_DELAY_MS = 200;

export interface AutoPlayOptions {
  /** Type the script's lines by themselves. */
  auto: boolean;
  script: AutoScript;
  speed: number;
  /** Quit once the conversation has ended (with or without auto). */
  exitWhenDone: boolean;
  /** With exitWhenDone: a conversation that could not start, or whose child died, has ended too (the lesson goes on to say so). */
  endAtFailure?: boolean;
}

export type AutoStep =
  | { kind: 'type'; proc: Proc; text: string; delayMs: number; key: string }
  | { kind: 'submit'; proc: Proc; delayMs: number; key: string }
  /** Empties an input that holds auto-play's own text of another line (after a restart), as Ctrl+U would. */
  | { kind: 'clear'; proc: Proc; delayMs: number; key: string }
  /** Step mode: lets the call `proc` is held before go, as F5 or F6 would. */
  | { kind: 'release'; proc: Proc; delayMs: number; key: string }
  | { kind: 'quit'; delayMs: number; key: string };

export interface AutoPlanInput {
  state: ConversationState;
  drafts: Record<Proc, string>;
  /** What auto-play itself last left in each input: text that differs was typed by the user. */
  ownDrafts: Record<Proc, string>;
  /** How many of the script's releases auto-play has made. */
  releasesDone?: number;
  options: AutoPlayOptions;
  /** Nothing moves while the user reads the help. */
  paused: boolean;
}

/** The next step, or null when there is nothing to do (then no timer runs). */
export function planAutoStep({ state, drafts, ownDrafts, options, paused, releasesDone = 0 }: AutoPlanInput): AutoStep | null {
  const session = state.session;
  if (!session || paused) return null;
  const speed = options.speed > 0 ? options.speed : 1;
  const wait = (ms: number) => Math.round(ms / speed);
  const phase = phaseOf(state);
  if (phase === 'finished' || phase === 'deadlock' || (options.endAtFailure && (phase === 'failed' || phase === 'child-died'))) {
    return options.exitWhenDone ? { kind: 'quit', delayMs: wait(PACE.endMs), key: `quit:${session.id}:${phase}` } : null;
  }
  if (!options.auto) return null;
  // The script's next release, once that process waits at its gate.
  const release = state.step.on ? options.script.releases?.[releasesDone] : undefined;
  if (release && session[release].activity?.doing === 'held' && !session[release].exit) {
    return { kind: 'release', proc: release, delayMs: wait(PACE.pauseMs), key: `release:${session.id}:${releasesDone}` };
  }
  for (const proc of typingProcs(state)) {
    const turn = procTurn(session, proc);
    const raw = options.script[proc][turn - 1];
    if (raw === undefined) continue;
    // The input cleans what is typed into it; compare with the line as it will stand there.
    const cleaned = cleanTypedText(raw);
    if (cleaned.trim() === '') continue; // Enter would refuse it too
    const line = graphemes(cleaned);
    const typed = graphemes(drafts[proc]);
    const where = `${session.id}:${proc}:${turn}:${typed.length}`;
    if (typed.length > line.length || typed.some((g, i) => g !== line[i])) {
      // Our own half line of another turn (a restart went back to turn 1): clear it; the user's text is the user's.
      if (drafts[proc] === ownDrafts[proc]) return { kind: 'clear', proc, delayMs: wait(PACE.pauseMs), key: `clear:${where}` };
      continue;
    }
    const next = line[typed.length];
    if (next === undefined) return { kind: 'submit', proc, delayMs: wait(PACE.pauseMs), key: `submit:${where}` };
    return { kind: 'type', proc, text: next, delayMs: wait(typed.length === 0 ? PACE.pauseMs : PACE.charMs), key: `type:${where}` };
  }
  return null;
}

/** The knobs the first session starts with: on a shared channel auto-play sets the parent's read delay, unless one was given. */
export function autoPlayKnobs(options: AutoPlayOptions, wiring: Wiring, knobs: Knobs): Knobs {
  if (!options.auto || !channelEnds(wiring).shared || knobs.parentDelayMs > 0) return knobs;
  return { ...knobs, parentDelayMs: AUTO_STEAL_PARENT_DELAY_MS };
}
