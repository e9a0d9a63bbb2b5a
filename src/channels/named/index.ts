// A named pipe: one FIFO at a path any process of this user can open, whole (see ../channel.ts for the parts).
import { fdLines } from '../../app/views/fd-lines.js';
import { sharedPipeLines } from '../../app/views/pipe-drawing.js';
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { namedEnds } from './ends.js';
import { namedLines } from './notes.js';
import { namedSource } from './source.c.js';
import { namedWords } from './words.js';

export const named: Channel = {
  name: 'named',
  ends: namedEnds,
  words: namedWords,
  drawing: sharedPipeLines,
  kernelView: fdLines,
  notes: namedLines,
  source: namedSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
