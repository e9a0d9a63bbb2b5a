// Ink draws only what changed since its last frame. After the terminal was given away
// (Ctrl+Z, then fg) the screen is empty and the whole frame must be drawn again. Ink's
// own stdout write does exactly that: it forgets its frame, writes, and draws the last
// frame in full; an empty write is a full redraw.
import { useStdout } from 'ink';
import { useEffect } from 'react';

/** Subscribes a redraw to requests from outside React; returns the unsubscribe. */
export type RedrawRequests = (redraw: () => void) => () => void;

export function useRedraw(requests: RedrawRequests | undefined): void {
  const { write } = useStdout();
  useEffect(() => requests?.(() => write('')), [requests, write]);
}
