// A message queue, a type per direction, whole (see ../channel.ts for the parts).
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { queueDrawing } from './drawing.js';
import { queueChannelEnds, queueTypes } from './ends.js';
import { queueKernelView } from './kernel-view.js';
import { queueSource } from './source.c.js';
import { queueWords } from './words.js';

export const queue: Channel = {
  name: 'queue',
  ends: queueChannelEnds,
  words: queueWords,
  drawing: queueDrawing((t) => t.channels.queue, false),
  kernelView: queueKernelView((t) => t.channels.queue),
  notes: () => [],
  source: queueSource(queueTypes),
  stepPoints: EXERCISE_STEP_POINTS,
};
