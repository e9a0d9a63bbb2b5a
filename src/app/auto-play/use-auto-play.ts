// The one timer of auto-play (and of --exit-when-done). Each render plans the next step
// (auto-play-plan.ts); an effect keyed by that step arms a single timeout, which the
// next step, a restart, a toggle or unmount clears. When it fires, the step is planned
// again from the latest drafts and state, and performed only if it still stands, so a
// key the user pressed in between always wins. Nothing to do means no timer at all.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Proc } from '../../ipc/events.js';
import { planAutoStep, type AutoPlanInput } from './auto-play-plan.js';

export interface AutoPlayActions {
  /** Inserts text into a side's input, as a key press would. */
  typeText(proc: Proc, text: string): void;
  /** Submits a side's input as Enter would; false if the line was not taken. */
  submit(proc: Proc): boolean;
  /** Empties a side's input, as Ctrl+U would. */
  clear(proc: Proc): void;
  /** Step mode: lets the call a process is held before go; false when it was not held. */
  letGo(proc: Proc): boolean;
  quit(): void;
}

export function useAutoPlay(input: Omit<AutoPlanInput, 'ownDrafts' | 'releasesDone'>, latestDrafts: () => Record<Proc, string>, actions: AutoPlayActions): void {
  // What the latest commit saw, for the timer when it fires (set at commit, never during render).
  const latest = useRef({ input, latestDrafts, actions });
  useLayoutEffect(() => {
    latest.current = { input, latestDrafts, actions };
  });
  // What auto-play left in each input, so that it can tell its own text from the user's.
  const own = useRef<Record<Proc, string>>({ child: '', parent: '' });
  // How many of the script's releases have been made.
  const released = useRef(0);
  // A line that was not taken (the process moved on between plan and Enter) is tried again.
  const [retries, setRetries] = useState(0);
  const step = planAutoStep({ ...input, ownDrafts: own.current, releasesDone: released.current });
  const stepKey = step?.key ?? null;
  const delayMs = step?.delayMs ?? 0;

  useEffect(() => {
    if (stepKey === null) return;
    const timer = setTimeout(() => {
      const now = latest.current;
      const fresh = planAutoStep({ ...now.input, drafts: now.latestDrafts(), ownDrafts: own.current, releasesDone: released.current });
      // Something moved on meanwhile: the render it causes plans the next step.
      if (!fresh || fresh.key !== stepKey) return;
      switch (fresh.kind) {
        case 'type':
          now.actions.typeText(fresh.proc, fresh.text);
          own.current = { ...own.current, [fresh.proc]: now.latestDrafts()[fresh.proc] };
          return;
        case 'clear':
          now.actions.clear(fresh.proc);
          own.current = { ...own.current, [fresh.proc]: '' };
          return;
        case 'submit':
          if (now.actions.submit(fresh.proc)) own.current = { ...own.current, [fresh.proc]: '' };
          else setRetries((n) => n + 1);
          return;
        case 'release':
          if (now.actions.letGo(fresh.proc)) released.current++;
          else setRetries((n) => n + 1);
          return;
        case 'quit':
          return now.actions.quit();
      }
    }, delayMs);
    return () => clearTimeout(timer);
    // Keyed by the step (and the retries of it): a re-render that plans the same step keeps its timer.
  }, [stepKey, delayMs, retries]);
}
