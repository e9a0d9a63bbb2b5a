// The chat's own sweep (Esc, then g): the race over a few child delays, run from inside
// the lesson so a teacher can show the race window without leaving it. It forks its own
// child over its own kernel pipe (the chat's conversation is left as it is, waiting),
// reports progress as it goes, and Esc cancels it before the next trial. The runner comes
// in as a prop of App (the real sweep, or a test's), so this hook only holds the state.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Wiring } from '../../ipc/events.js';
import type { SweepPoint, SweepSettings } from '../../experiments/sweep.js';

export type SweepRunner = (settings: SweepSettings) => Promise<SweepPoint[]>;

/** Small enough to finish in a few seconds in class; the command line's sweep is the full one. */
export const CLASS_SWEEP = { delaysMs: [0, 0.05, 0.1, 0.5, 2], trials: 100 } as const;

export type ClassSweep =
  | { status: 'idle' }
  | { status: 'running'; wiring: Wiring; point: number; done: number }
  | { status: 'done'; wiring: Wiring; points: SweepPoint[] }
  | { status: 'failed'; message: string };

/** Redraws at most this often while it runs: each trial takes about a millisecond. */
const PROGRESS_EVERY_MS = 100;

export function useClassSweep(run: SweepRunner | undefined): { sweep: ClassSweep; start(wiring: Wiring): void; close(): void } {
  const [sweep, setSweep] = useState<ClassSweep>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const close = useCallback(() => {
    controller.current?.abort(new Error('cancelled'));
    controller.current = null;
    setSweep({ status: 'idle' });
  }, []);
  useEffect(() => () => controller.current?.abort(new Error('cancelled')), []);
  const start = useCallback(
    (wiring: Wiring) => {
      if (!run || controller.current) return;
      const mine = new AbortController();
      controller.current = mine;
      let shownAt = 0;
      setSweep({ status: 'running', wiring, point: 0, done: 0 });
      const onTrial = (point: number, done: number): void => {
        const now = performance.now();
        if (now - shownAt < PROGRESS_EVERY_MS) return;
        shownAt = now;
        setSweep({ status: 'running', wiring, point, done });
      };
      run({ wiring, delaysMs: CLASS_SWEEP.delaysMs, trials: CLASS_SWEEP.trials, parentDelayMs: 0, onTrial, signal: mine.signal }).then(
        (points) => {
          if (controller.current !== mine) return;
          controller.current = null;
          setSweep({ status: 'done', wiring, points });
        },
        (error: unknown) => {
          if (controller.current !== mine) return;
          controller.current = null;
          setSweep({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
        },
      );
    },
    [run],
  );
  return { sweep, start, close };
}
