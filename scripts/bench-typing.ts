// The typing figures of the benchmark, each beside the minimal Ink echo app measured in
// the same run: key press to screen and the parent's CPU per key, fresh, with the trace
// and fd panels open, and after a long lesson; and a 64 KiB paste.
import { MISSING, NO_TARGET, formatSpread, ratioOf, verdict } from './bench-stats.js';
import { openPanels, paste64k, playConversations, startChatAtKeyboard, startMinimalEcho, typeKeys, type KeyFigures, type PasteFigures } from './bench-keys.js';
import type { PtySession } from '../test/support/pty.js';

/** Beside the minimal Ink echo app: key press to screen, and the parent's CPU per key. */
const TARGETS = { latency: 2, cpu: 1.5 } as const;
const PASTE_TARGET_MS = 500;

export interface TypingFigures {
  minimal: KeyFigures[];
  fresh: KeyFigures;
  panels: KeyFigures;
  paste: PasteFigures;
  conversations: number;
  afterLesson: KeyFigures;
}

async function withSession<T>(start: Promise<PtySession>, use: (s: PtySession) => Promise<T>): Promise<T> {
  const session = await start;
  try {
    return await use(session);
  } finally {
    await session.dispose();
  }
}

export async function typingFigures(conversations: number): Promise<TypingFigures> {
  const minimal = [await withSession(startMinimalEcho(), (s) => typeKeys(s))];
  return withSession(startChatAtKeyboard(), async (chat) => {
    const fresh = await typeKeys(chat);
    await openPanels(chat);
    const panels = await typeKeys(chat);
    await openPanels(chat);
    const paste = await paste64k(chat);
    minimal.push(await withSession(startMinimalEcho(), (s) => typeKeys(s)));
    await playConversations(chat, conversations);
    const afterLesson = await typeKeys(chat);
    minimal.push(await withSession(startMinimalEcho(), (s) => typeKeys(s)));
    return { minimal, fresh, panels, paste, conversations, afterLesson };
  });
}

export function printTyping(f: TypingFigures, log: (line: string) => void): void {
  const refLatency = f.minimal.map((m) => m.latencyMs?.median ?? NaN).sort((a, b) => a - b)[1];
  const refCpu = f.minimal.map((m) => m.cpuMsPerKey).sort((a, b) => a - b)[1];
  log(`  minimal Ink echo app (3 runs, 40 keys each): key press to screen ${f.minimal.map((m) => formatSpread(m.latencyMs, 'ms', 1)).join('; ')}`);
  log(`    CPU per key ${f.minimal.map((m) => m.cpuMsPerKey.toFixed(1)).join(', ')} ms; reference = the middle run: ${refLatency?.toFixed(1)} ms, ${refCpu?.toFixed(1)} ms CPU`);
  const row = (name: string, k: KeyFigures) => {
    const latencyRatio = ratioOf(k.latencyMs?.median, refLatency);
    const cpuRatio = ratioOf(k.cpuMsPerKey, refCpu);
    const judge = (r: number | undefined, target: number) => (r === undefined ? MISSING : `${r.toFixed(2)}x (target <= ${target}x): ${verdict(r <= target)}`);
    log(`  ${name}: key press to screen ${formatSpread(k.latencyMs, 'ms', 1)}, ${judge(latencyRatio, TARGETS.latency)}`);
    log(`    parent CPU per key ${k.cpuMsPerKey.toFixed(1)} ms, ${judge(cpuRatio, TARGETS.cpu)}; ${Math.round(k.bytesPerKey)} bytes to the terminal per key (${NO_TARGET})`);
  };
  row('pipe-chat, fresh', f.fresh);
  row('pipe-chat, trace and fd panels open', f.panels);
  row(`pipe-chat, after ${f.conversations} conversations`, f.afterLesson);
  const growth = ratioOf(f.afterLesson.cpuMsPerKey, f.fresh.cpuMsPerKey);
  log(`    CPU per key after the lesson / fresh: ${growth === undefined ? MISSING : `${growth.toFixed(2)}x (flat: <= 1.5x): ${verdict(growth <= 1.5)}`}`);
  const p = f.paste;
  log(`  a 64 KiB paste: parent CPU ${p.cpuMs.toFixed(0)} ms (target < ${PASTE_TARGET_MS} ms): ${verdict(p.cpuMs < PASTE_TARGET_MS)}; on screen after ${p.wallMs.toFixed(0)} ms (${NO_TARGET})`);
  log(`    ${p.frames} frames while it landed, longest gap ${p.longestGapMs.toFixed(0)} ms (${NO_TARGET}); landed whole: ${p.landedWhole ? 'yes' : 'NO'}`);
}
