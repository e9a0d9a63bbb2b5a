// Signals, each bit answered before the next, whole (see ../channel.ts for the parts).
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { signalDrawing } from './drawing.js';
import { signalChannelEnds } from './ends.js';
import { signalKernelView } from './kernel-view.js';
import { signalSource } from './source.c.js';
import { signalTraceDetail } from './trace-detail.js';
import { signalWords } from './words.js';

export const signal: Channel = {
  name: 'signal',
  ends: signalChannelEnds,
  words: signalWords,
  drawing: signalDrawing((t) => t.channels.signal),
  kernelView: signalKernelView((t) => t.channels.signal),
  notes: () => [],
  source: signalSource(true),
  stepPoints: EXERCISE_STEP_POINTS,
  traceDetail: signalTraceDetail,
};
