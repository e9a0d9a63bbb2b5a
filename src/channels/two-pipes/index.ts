// Two pipes, one per direction: the safe wiring, whole (see ../channel.ts for the parts).
import { fdLines } from '../../app/views/fd-lines.js';
import { separatePipesLines } from '../../app/views/pipe-drawing.js';
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { twoPipesEnds } from './ends.js';
import { twoPipesSource } from './source.c.js';
import { twoPipesWords } from './words.js';

export const twoPipes: Channel = {
  name: 'two-pipes',
  ends: twoPipesEnds,
  words: twoPipesWords,
  drawing: separatePipesLines,
  kernelView: fdLines,
  notes: () => [],
  source: twoPipesSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
