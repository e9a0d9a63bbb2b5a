// Signals without acknowledgements, whole: the signal channel's parts with its own ends and words.
import type { Channel } from '../channel.js';
import { EXERCISE_STEP_POINTS } from '../step-points.js';
import { signalDrawing } from '../signal/drawing.js';
import { signalKernelView } from '../signal/kernel-view.js';
import { signalSource } from '../signal/source.c.js';
import { signalTraceDetail } from '../signal/trace-detail.js';
import { signalNoAcksWords } from '../signal/words.js';
import { signalNoAcksEnds } from './ends.js';

export const signalNoAcks: Channel = {
  name: 'signal-no-acks',
  ends: signalNoAcksEnds,
  words: signalNoAcksWords,
  drawing: signalDrawing((t) => t.channels['signal-no-acks']),
  kernelView: signalKernelView((t) => t.channels['signal-no-acks']),
  notes: () => [],
  source: signalSource(false),
  stepPoints: EXERCISE_STEP_POINTS,
  traceDetail: signalTraceDetail,
};
