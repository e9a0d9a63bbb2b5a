// Writes an exported transcript as two new files in a directory, named by the time
// (pipe-chat-20261125-093000.txt and .json): created exclusively (an existing file is
// never overwritten; a -2, -3... is added instead), readable by the user only. A save
// that fails leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import type { TranscriptExport } from './transcript-export.js';

export interface SavedFiles {
  text: string;
  json: string;
}

const MAX_TRIES = 100;

function stampOf(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

export function saveTranscriptFiles(dir: string, savedAt: Date, exported: TranscriptExport): SavedFiles {
  const stamp = stampOf(savedAt);
  for (let n = 1; n <= MAX_TRIES; n++) {
    const base = path.join(dir, `pipe-chat-${stamp}${n === 1 ? '' : `-${n}`}`);
    const files = { text: `${base}.txt`, json: `${base}.json` };
    if (!writeNewFile(files.text, exported.text)) continue;
    try {
      if (writeNewFile(files.json, exported.json)) return files;
    } catch (error) {
      fs.unlinkSync(files.text);
      throw error;
    }
    fs.unlinkSync(files.text);
  }
  throw new Error(`no free file name for pipe-chat-${stamp} in ${dir}`);
}

/**
 * Creates the file (false if it exists) and writes it whole; a write that fails (a full
 * disk, a file size limit) removes the file it created, so nothing of a failed save stays.
 */
function writeNewFile(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    try {
      fs.writeFileSync(fd, content);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    fs.unlinkSync(file);
    throw error;
  }
  return true;
}
