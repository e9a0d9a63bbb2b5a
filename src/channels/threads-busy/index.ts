// Two threads sharing a variable, without waiting, whole: the views and words of
// ../threads, its own ends (a reader that spins) and program.
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { threadsBusySource } from '../threads/source.c.js';
import { threadsDrawing, threadsKernelView } from '../threads/views.js';
import { threadsBusyWords } from '../threads/words.js';
import { threadsBusyEnds } from './ends.js';

export const threadsBusy: Channel = {
  name: 'threads-busy',
  ends: threadsBusyEnds,
  words: threadsBusyWords,
  drawing: threadsDrawing((t) => t.channels['threads-busy']),
  kernelView: threadsKernelView((t) => t.channels['threads-busy']),
  notes: () => [],
  source: threadsBusySource,
  stepPoints: EXERCISE_STEP_POINTS,
};
