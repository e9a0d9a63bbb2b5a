// pipe-chat's round trip on one channel, in the parent program's shape: the link opened
// with the child's echo variant (scripts/bench-fixtures/echo-child.ts), which speaks once
// and then sends every message straight back; a write with its read chained after it on
// the call thread (the C parent's loop). Traced = as the UI runs it: the child reports
// every call and a listener is attached to the link.
import { PipeLink } from '../src/ipc/link.js';
import type { Wiring } from '../src/channels/names.js';

/** The message of every round trip, the C programs' too (scripts/bench-c/). */
export const ROUNDTRIP_TEXT = 'Who are you?';
/** Round trips made before the clock starts, here and in the C programs. */
export const WARM_UP = 500;

export interface RoundTripRun {
  /** The child's echo variant, built beside its call-thread.js (scripts/bench.mjs). */
  childScript: string;
  wiring: Wiring;
  messages: number;
  traced: boolean;
  warmUp?: number;
}

/** The mean round trip in microseconds over `messages`, after the warm-up. */
export async function echoRoundTrip(run: RoundTripRun): Promise<number> {
  const link = await PipeLink.open({ wiring: run.wiring, childScript: run.childScript, childArgs: run.traced ? [] : ['--untraced'] });
  const stop = run.traced ? link.subscribe(() => {}) : () => true;
  try {
    if (!(await link.read().frame)) throw new Error(`the echo child on ${run.wiring} never spoke`);
    const roundTrips = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const written = await link.write(ROUNDTRIP_TEXT, true);
        if (typeof written !== 'number') throw new Error(`the parent's write on ${run.wiring} failed: ${written}`);
        if (!(await link.read().frame)) throw new Error(`the echo child on ${run.wiring} stopped answering`);
      }
    };
    await roundTrips(run.warmUp ?? WARM_UP);
    const started = process.hrtime.bigint();
    await roundTrips(run.messages);
    return Number(process.hrtime.bigint() - started) / 1000 / run.messages;
  } finally {
    stop();
    await link.close();
  }
}
