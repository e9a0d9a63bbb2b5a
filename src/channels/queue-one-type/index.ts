// A message queue, type 1 both ways, whole: the queue's parts with its own ends and words.
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { queueDrawing } from '../queue/drawing.js';
import { queueKernelView } from '../queue/kernel-view.js';
import { queueSource } from '../queue/source.c.js';
import { queueOneTypeWords } from '../queue/words.js';
import { queueOneTypeEnds, queueOneTypeTypes } from './ends.js';

export const queueOneType: Channel = {
  name: 'queue-one-type',
  ends: queueOneTypeEnds,
  words: queueOneTypeWords,
  drawing: queueDrawing((t) => t.channels['queue-one-type'], true),
  kernelView: queueKernelView((t) => t.channels['queue-one-type']),
  notes: () => [],
  source: queueSource(queueOneTypeTypes),
  stepPoints: EXERCISE_STEP_POINTS,
};
