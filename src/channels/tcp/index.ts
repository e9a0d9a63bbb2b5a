// A TCP connection over the loopback, whole (see ../channel.ts for the parts).
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { tcpDrawing } from './drawing.js';
import { tcpEnds } from './ends.js';
import { tcpKernelView } from './kernel-view.js';
import { tcpSource } from './source.c.js';
import { tcpWords } from './words.js';

export const tcp: Channel = {
  name: 'tcp',
  ends: tcpEnds,
  words: tcpWords,
  drawing: tcpDrawing,
  kernelView: tcpKernelView,
  notes: () => [],
  source: tcpSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
