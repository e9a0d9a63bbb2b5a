// One pipe, one way (pipe1.c), whole (see ../channel.ts for the parts): the two-pipe
// drawing and fd panel show its one pipe, child to parent, and the fds each process holds.
import { fdLines } from '../../app/views/fd-lines.js';
import { separatePipesLines } from '../../app/views/pipe-drawing.js';
import type { Channel, StepPoint } from '../channel.js';
import { pipe1Ends } from './ends.js';
import { pipe1Source } from './source.c.js';
import { pipe1Words } from './words.js';

/** The child at its keyboard, its write and its sleep; the parent at its read: neither makes another call on the pipe. */
export const ONE_WAY_STEP_POINTS: readonly StepPoint[] = [
  { proc: 'child', spot: 'fgets' },
  { proc: 'child', spot: 'write' },
  { proc: 'child', spot: 'sleep' },
  { proc: 'parent', spot: 'read' },
];

export const pipe1: Channel = {
  name: 'pipe1',
  ends: pipe1Ends,
  words: pipe1Words,
  drawing: separatePipesLines,
  kernelView: fdLines,
  notes: () => [],
  source: pipe1Source,
  stepPoints: ONE_WAY_STEP_POINTS,
};
