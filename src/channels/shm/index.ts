// Shared memory with waiting, whole (see ../channel.ts for the parts).
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { shmDrawing } from './drawing.js';
import { shmEnds } from './ends.js';
import { shmKernelView } from './kernel-view.js';
import { shmSource } from './source.c.js';
import { shmWords } from './words.js';

export const shm: Channel = {
  name: 'shm',
  ends: shmEnds,
  words: shmWords,
  drawing: shmDrawing((t) => t.channels.shm),
  kernelView: shmKernelView((t) => t.channels.shm),
  notes: () => [],
  source: shmSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
