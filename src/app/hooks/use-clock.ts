// The one clock of the screen: a 1 Hz tick, running only while some process is
// blocked or sleeping (the screen then counts seconds). Idle means no timer at all.
import { useEffect, type Dispatch } from 'react';
import { nowUs } from '../../ipc/events.js';
import type { Action } from '../state/model.js';

export function useClock(running: boolean, dispatch: Dispatch<Action>, clock: () => number = nowUs): void {
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => dispatch({ type: 'tick', at: clock() }), 1000);
    return () => clearInterval(timer);
  }, [running, dispatch, clock]);
}
