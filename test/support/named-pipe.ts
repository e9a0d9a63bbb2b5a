// Where a chat's named pipe is on disk: DIR/chat in a pipe-chat-PID-* directory, in the
// runtime dir or the temp dir (the safe-root rule of src/kernel/safe-dirs.ts picks one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The named pipe of the chat with this PID, found on disk where the link makes it. */
export function namedPipeOf(pid: number): string | undefined {
  for (const root of [process.env.XDG_RUNTIME_DIR, os.tmpdir()]) {
    if (!root || !fs.existsSync(root)) continue;
    const dir = fs.readdirSync(root).find((name) => name.startsWith(`pipe-chat-${pid}-`));
    if (dir) return path.join(root, dir, 'chat');
  }
  return undefined;
}
