// A shared file without waiting, whole: its ends (a reader that spins on pread), the
// segment's drawing (../shm) with its own words, its kernel view and its source program.
// Its path has the screen's path row (path-line.ts).
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { shmDrawing } from '../shm/drawing.js';
import { fileEnds } from './ends.js';
import { fileKernelView } from './kernel-view.js';
import { fileSource } from './source.c.js';
import { fileWords } from './words.js';

export const file: Channel = {
  name: 'file',
  ends: fileEnds,
  words: fileWords,
  drawing: shmDrawing((t) => t.channels.file),
  kernelView: fileKernelView((t) => t.channels.file),
  notes: () => [],
  source: fileSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
