// Which whole messages each process wrote. A write(2) may carry part of a frame, or
// several: the bytes each process wrote are framed here, once, in src/ipc, so that no
// consumer of the events ever decodes bytes or re-frames them.
import type { LinkEvent, Proc } from './events.js';
import { FrameDecoder, isWakeFrame } from './framing.js';

export class WrittenMessages {
  private readonly decoders: Record<Proc, FrameDecoder> = { parent: new FrameDecoder(), child: new FrameDecoder() };

  /** The 'written' events that a write's bytes complete (none for anything but a write that moved bytes). */
  after(event: LinkEvent): LinkEvent[] {
    if (event.type !== 'syscall' || event.call !== 'write' || typeof event.result !== 'number' || event.result === 0) return [];
    const { frames } = this.decoders[event.proc].push(Buffer.from(event.data, 'base64'));
    return frames.filter((frame) => !isWakeFrame(frame)).map((frame) => ({ type: 'written', proc: event.proc, frame, at: event.at }));
  }
}
