// A socketpair: two-way, an end each, whole (see ../channel.ts for the parts).
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { socketDrawing } from './drawing.js';
import { socketEnds } from './ends.js';
import { socketKernelView } from './kernel-view.js';
import { socketSource } from './source.c.js';
import { socketWords } from './words.js';

export const socket: Channel = {
  name: 'socket',
  ends: socketEnds,
  words: socketWords,
  drawing: socketDrawing,
  kernelView: socketKernelView,
  notes: () => [],
  source: socketSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
