// Shared memory without waiting, whole: the segment's drawing and kernel view (../shm),
// its own ends (a reader that spins), words and source program.
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { shmDrawing } from '../shm/drawing.js';
import { shmKernelView } from '../shm/kernel-view.js';
import { shmBusyWords } from '../shm/words.js';
import { shmBusyEnds } from './ends.js';
import { shmBusySource } from './source.c.js';

export const shmBusy: Channel = {
  name: 'shm-busy',
  ends: shmBusyEnds,
  words: shmBusyWords,
  drawing: shmDrawing((t) => t.channels['shm-busy']),
  kernelView: shmKernelView((t) => t.channels['shm-busy']),
  notes: () => [],
  source: shmBusySource,
  stepPoints: EXERCISE_STEP_POINTS,
};
