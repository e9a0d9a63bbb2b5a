// The entry of the parent's spin thread (shm-busy's reader without waiting), a Worker
// started from dist/spin-thread.js beside the child's bundle: see
// channels/shm-busy/spin-thread.ts.
import { workerData } from 'node:worker_threads';
import { runSpinThread, type SpinThreadData } from './channels/shm-busy/spin-thread.js';

void runSpinThread(workerData as SpinThreadData);
