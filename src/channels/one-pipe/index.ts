// One pipe shared both ways: the textbook's broken wiring, whole (see ../channel.ts for the parts).
import { fdLines } from '../../app/views/fd-lines.js';
import { sharedPipeLines } from '../../app/views/pipe-drawing.js';
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { onePipeEnds } from './ends.js';
import { onePipeSource } from './source.c.js';
import { onePipeWords } from './words.js';

export const onePipe: Channel = {
  name: 'one-pipe',
  ends: onePipeEnds,
  words: onePipeWords,
  drawing: sharedPipeLines,
  kernelView: fdLines,
  notes: () => [],
  source: onePipeSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
