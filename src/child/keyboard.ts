// The child's keyboard: its stdin (a child thread's: a pipe of its own, syscalls.ts), where the parent's UI sends the lines the user types
// for it (and the delay knob). A blocking read, as fgets() would be.
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter, parseControl } from '../ipc/child-protocol.js';
import { childStdio } from './syscalls.js';

export class Keyboard {
  private readonly lines: string[] = [];
  private readonly splitter = new LineSplitter();
  private readonly chunk = Buffer.alloc(64 * 1024);
  // A read may end inside a UTF-8 character: the decoder keeps its first bytes for the next read.
  private readonly utf8 = new StringDecoder('utf8');

  constructor(private readonly onDelay: (ms: number) => void) {}

  /** Blocks until the next keyboard line; null when the parent closed our stdin. */
  next(): string | null {
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) {
        const control = parseControl(line);
        if (control?.type === 'keyboard') return control.text;
        if (control?.type === 'delay') this.onDelay(control.ms);
        continue;
      }
      if (!this.readMore()) return null;
    }
  }

  /**
   * Blocks until the parent says to resume (a key in the UI), keeping every keyboard line
   * that comes meanwhile for next(); false when the parent closed our stdin.
   */
  waitForResume(): boolean {
    let i = 0;
    for (;;) {
      for (; i < this.lines.length; i++) {
        if (parseControl(this.lines[i] ?? '')?.type !== 'resume') continue;
        this.lines.splice(i, 1);
        return true;
      }
      if (!this.readMore()) return false;
    }
  }

  /** One blocking read(2) of stdin; false at its end. */
  private readMore(): boolean {
    const n = fs.readSync(childStdio.keyboard, this.chunk, 0, this.chunk.length, null);
    if (n === 0) return false;
    this.lines.push(...this.splitter.push(this.utf8.write(this.chunk.subarray(0, n))));
    return true;
  }
}
