// What the chat's first conversation is, from the command line alone: auto-play's
// options, the delay knobs, and the request that opens it. Both the entry file (which
// forks that child before the UI is loaded) and run-app.tsx (whose session asks for it)
// read it here, so the two requests are the same by construction. Nothing here loads Ink.
import type { AppOptions } from '../args.js';
import type { FirstRequest } from '../session/early-session.js';
import type { Knobs } from '../session/session-events.js';
import { autoPlayKnobs, type AutoPlayOptions } from './auto-play/auto-play-plan.js';
import { TURNS } from './state/model.js';

export interface ChatSetup {
  autoPlay: AutoPlayOptions;
  knobs: Knobs;
  /** Step mode from the start: --step, or a script with releases. */
  stepping: boolean;
  first: FirstRequest;
}

export function chatSetup(options: AppOptions): ChatSetup {
  const autoPlay: AutoPlayOptions = { auto: options.auto, script: options.script, speed: options.speed, exitWhenDone: options.exitWhenDone };
  const stepping = options.step || (options.script.releases?.length ?? 0) > 0;
  const given = { childDelayMs: options.childDelayMs, parentDelayMs: options.parentDelayMs };
  // In step mode the order is the user's (or the script's): auto-play's late read is not wanted.
  const knobs = stepping ? given : autoPlayKnobs(autoPlay, options.wiring, given);
  return { autoPlay, knobs, stepping, first: { wiring: options.wiring, turns: TURNS, firstTurn: 1, ...knobs } };
}
