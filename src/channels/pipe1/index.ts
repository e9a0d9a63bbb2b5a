// One pipe, one way (pipe1.c), whole (see ../channel.ts for the parts): the two-pipe
// drawing and fd panel show its one pipe, child to parent, and the fds each process holds.
import { fdLines } from '../../app/views/fd-lines.js';
import { separatePipesLines } from '../../app/views/pipe-drawing.js';
import type { Channel } from '../channel.js';
import { ONE_WAY_STEP_POINTS } from '../step-points.js';
import { pipe1Ends } from './ends.js';
import { pipe1Source } from './source.c.js';
import { pipe1Words } from './words.js';

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
