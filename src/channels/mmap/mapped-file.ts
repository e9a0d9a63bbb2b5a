// The memory-mapped file's place on disk (../cache-file.ts): a private directory
// pipe-chat-mmap-PID-XXXXXX of the user's cache directory, and in it the file `boxes`.
import type { CacheFileKind } from '../cache-file.js';

export const MAPPED_FILE: CacheFileKind = { dirPrefix: 'pipe-chat-mmap-', fileName: 'boxes' };
