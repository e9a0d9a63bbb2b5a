// The name of a wiring in every result (JSON, CSV, the chart's series): how parent and
// child are joined. Today --pipes 1|2 picks it; a future --wiring would add names here.
import type { PipeMode } from '../ipc/events.js';

export type Wiring = 'one-pipe' | 'two-pipes';

export function wiringOf(mode: PipeMode): Wiring {
  return mode === 'one' ? 'one-pipe' : 'two-pipes';
}
