// Two threads sharing a variable, with waiting (Atomics.wait, a futex), whole (see ../channel.ts for the parts).
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { threadsEnds } from './ends.js';
import { threadsSource } from './source.c.js';
import { threadsDrawing, threadsKernelView } from './views.js';
import { threadsWords } from './words.js';

export const threads: Channel = {
  name: 'threads',
  ends: threadsEnds,
  words: threadsWords,
  drawing: threadsDrawing((t) => t.channels.threads),
  kernelView: threadsKernelView((t) => t.channels.threads),
  notes: () => [],
  source: threadsSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
