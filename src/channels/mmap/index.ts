// A memory-mapped file, whole: the segment's drawing (../shm) with its own words, its own
// ends, kernel view, notes (the file's path) and source program.
import { seg, type Line } from '../../app/text/styled-lines.js';
import { widthOf } from '../../app/text/text-width.js';
import { EXERCISE_STEP_POINTS, type Channel } from '../channel.js';
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
  // The path on one unbroken line where it fits (a user types it into another terminal); the kernel view shows it whole.
  notes: (t, state, _holders, width): Line[] => {
    const path = state.session?.path;
    if (!path) return [];
    return widthOf(path) <= width ? [[seg(path, 'accent')]] : [[seg(t.channels.mmap.pathElsewhere, 'dim')]];
  },
  source: mmapSource,
  stepPoints: EXERCISE_STEP_POINTS,
};
