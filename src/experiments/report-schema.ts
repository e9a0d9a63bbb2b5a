// The one schema of the experiments' reports: every race result (one race, or each
// point of a sweep) carries the same counts on every channel, 0 where the channel cannot
// lose or tear a message, so that channels added later bring only their own extras; every
// record written out (JSON, a saved transcript) carries the schema's version.
import type { Wiring } from '../channels/names.js';

/** Raised when a field is added, renamed or changes meaning. */
export const REPORT_VERSION = 1;

export interface RaceCounts {
  wiring: Wiring;
  trials: number;
  /** Read back by its own writer. */
  stolen: number;
  /** Read by the process it was written for. */
  delivered: number;
  /** Read by neither (an outside reader took it, or it was never read). */
  lost: number;
  /** Arrived with another writer's bytes inside it (the reader's frame check failed). */
  torn: number;
}
