// A memory-mapped file, whole: the segment's drawing (../shm) with its own words, its own
// ends, kernel view and source program. Its path has the screen's path row (path-line.ts).
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { shmDrawing } from '../shm/drawing.js';
import { mmapWords } from '../shm/words.js';
import { mmapEnds } from './ends.js';
import { mmapKernelView } from './kernel-view.js';
import { mmapSource } from './source.c.js';

export const mmap: Channel = {
  name: 'mmap',
  ends: mmapEnds,
  words: mmapWords,
  drawing: shmDrawing((t) => t.channels.mmap),
  kernelView: mmapKernelView((t) => t.channels.mmap),
  notes: () => [],
  source: mmapSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
