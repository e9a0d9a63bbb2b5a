// The words half of the channel registry: each channel's words.ts, in one language. The
// catalogues (i18n/en.ts, ko.ts) hang it under ui.channels, so that views and reports
// name a channel by asking for its words, and the CLI can name one without the views.
import type { ChannelWords, Lang } from './channel-words.js';
import type { Wiring } from './names.js';
import { namedWords } from './named/words.js';
import { onePipeWords } from './one-pipe/words.js';
import { pipe1OpenEndsWords, pipe1Words } from './pipe1/words.js';
import { queueOneTypeWords, queueWords } from './queue/words.js';
import { mmapWords, shmBusyWords, shmWords } from './shm/words.js';
import { fileWords } from './file/words.js';
import { socketWords } from './socket/words.js';
import { tcpWords } from './tcp/words.js';
import { threadsBusyWords, threadsWords } from './threads/words.js';
import { signalNoAcksWords, signalWords } from './signal/words.js';
import { twoPipesWords } from './two-pipes/words.js';

export function channelWords(lang: Lang) {
  return {
    'two-pipes': twoPipesWords[lang],
    'one-pipe': onePipeWords[lang],
    pipe1: pipe1Words[lang],
    'pipe1-open-ends': pipe1OpenEndsWords[lang],
    socket: socketWords[lang],
    named: namedWords[lang],
    queue: queueWords[lang],
    'queue-one-type': queueOneTypeWords[lang],
    tcp: tcpWords[lang],
    shm: shmWords[lang],
    'shm-busy': shmBusyWords[lang],
    mmap: mmapWords[lang],
    file: fileWords[lang],
    threads: threadsWords[lang],
    'threads-busy': threadsBusyWords[lang],
    signal: signalWords[lang],
    'signal-no-acks': signalNoAcksWords[lang],
  } satisfies Record<Wiring, ChannelWords>;
}
