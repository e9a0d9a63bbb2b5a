// pipe1.c without its close() calls, whole: pipe1's parts with its own ends, words and program.
import { fdLines } from '../../app/views/fd-lines.js';
import { separatePipesLines } from '../../app/views/pipe-drawing.js';
import type { Channel } from '../channel.js';
import { oneWayPipeSource } from '../pipe1/source.c.js';
import { pipe1OpenEndsWords } from '../pipe1/words.js';
import { ONE_WAY_STEP_POINTS } from '../step-points.js';
import { pipe1OpenEndsEnds } from './ends.js';

export const pipe1OpenEnds: Channel = {
  name: 'pipe1-open-ends',
  ends: pipe1OpenEndsEnds,
  words: pipe1OpenEndsWords,
  drawing: separatePipesLines,
  kernelView: fdLines,
  notes: () => [],
  source: oneWayPipeSource(false),
  stepPoints: ONE_WAY_STEP_POINTS,
};
