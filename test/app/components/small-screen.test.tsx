// The minimum size, 80x24, in English and Korean: every line fits its width, the status
// bar and the key line stay one line each (a wrapped status bar pushes the whole screen),
// and the pipe drawing shows the real fd number at each end in each process.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.js';
import { computeLayout } from '../../../src/app/views/layout.js';
import type { WiredLinkEvent } from '../../../src/ipc/events.js';
import { en } from '../../../src/i18n/en.js';
import { ko } from '../../../src/i18n/ko.js';
import type { Messages } from '../../../src/i18n/index.js';
import { ONE_PIPE_FDS, Script, TWO_PIPE_FDS } from '../events.js';
import { FakeWorld } from '../fake-world.js';

const ESC = '\x1b';
const COLS = 80;
const ROWS = 24;
/** The wall clock when the session starts: 14:03:07 local time. */
const WALL_MS = new Date(2024, 0, 15, 14, 3, 7).getTime();

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

interface Case {
  name: string;
  messages: Messages;
  mode: 'one' | 'two';
  keysMode?: boolean;
  autoPlaySpeed?: number;
  childDelayMs?: number;
  parentDelayMs?: number;
}

async function draw(c: Case) {
  const world = new FakeWorld();
  const script = new Script(1, c.mode);
  const app = render(
    <App
      session={world.session(() => script.at, { knobs: { childDelayMs: c.childDelayMs ?? 0, parentDelayMs: c.parentDelayMs ?? 0 }, wallClock: () => WALL_MS })}
      options={{ wiring: c.mode === 'one' ? 'one-pipe' : 'two-pipes', color: false }}
      messages={c.messages}
      size={{ cols: COLS, rows: ROWS }}
      fdReader={() => null}
      clock={() => script.at}
      {...(c.autoPlaySpeed ? { autoPlay: { auto: true, script: { child: ['x'], parent: ['y'] }, speed: c.autoPlaySpeed, exitWhenDone: false } } : {})}
    />,
  );
  mounted.push(app);
  const frame = () => app.lastFrame() ?? '';
  await vi.waitUntil(() => world.sessions.length === 1, { timeout: 3000 });
  // Real fd numbers are two digits in the parent (a Node process has opened many by then).
  const events: WiredLinkEvent[] = [
    ...script.start(),
    script.activity('parent', { doing: 'reading', fd: 20 }),
    script.activity('child', { doing: 'typing' }),
  ].flatMap((a) => (a.type === 'link-event' ? [a.event] : []));
  world.last.emit(...events);
  const typing = c.messages.ui.state.typing;
  await vi.waitUntil(() => frame().includes(typing), { timeout: 3000 });
  if (c.keysMode) {
    app.stdin.write(ESC);
    const quit = c.messages.ui.status.commandKeys.quit;
    await vi.waitUntil(() => frame().includes(quit), { timeout: 3000 });
  }
  return frame().split('\n');
}

/** The pipe column of the main area (the rows between the two panes). */
function pipeColumn(lines: string[]): string[] {
  const g = computeLayout(COLS, ROWS, { bannerHeight: 0, statusHeight: 2, panels: 0 });
  return lines.slice(0, g.mainHeight).map((l) => [...l].slice(g.parentWidth, g.parentWidth + g.pipeWidth).join(''));
}

const cases: Case[] = [];
for (const messages of [en, ko]) {
  const lang = messages === en ? 'en' : 'ko';
  for (const mode of ['one', 'two'] as const) {
    cases.push({ name: `${lang}, ${mode} pipe(s), typing`, messages, mode });
    cases.push({ name: `${lang}, ${mode} pipe(s), keys mode, delays 100 ms and 200 ms`, messages, mode, keysMode: true, childDelayMs: 100, parentDelayMs: 200 });
    cases.push({ name: `${lang}, ${mode} pipe(s), auto-play ×5, delays 2 s and 1 s`, messages, mode, autoPlaySpeed: 5, childDelayMs: 2000, parentDelayMs: 1000 });
  }
}

describe('at 80x24', () => {
  it.each(cases)('$name: every line fits, the status bar and the key line are one line each', async (c) => {
    const lines = await draw(c);
    const s = c.messages.ui.status;
    expect(lines).toHaveLength(ROWS - 1);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(COLS);
    const [status, keys] = lines.slice(-2);
    expect(status).toContain(`[${c.messages.ui.channels[c.mode === 'one' ? 'one-pipe' : 'two-pipes'].name}]`);
    expect(status).toContain(s.turn(1, 3));
    if (c.autoPlaySpeed) expect(status).toContain(s.autoPlayShort(c.autoPlaySpeed).split(' ')[0]);
    if (c.autoPlaySpeed) expect(status).toContain(`×${c.autoPlaySpeed}`);
    // The line above the status bar is the bottom border of the panes, not half a status bar.
    expect(lines.at(-3)).toMatch(/^╰─+╯ +╰─+╯$/);
    const keyWords = c.keysMode ? s.commandKeys : s.typingKeys;
    expect(keys).toContain(keyWords.quit);
    expect(keys).toContain(keyWords.toggle);
    expect(keys).toContain(keyWords.help);
  });

  it.each(cases.filter((c) => !c.keysMode))('$name: the drawing shows both fd numbers of each pipe end', async (c) => {
    const column = pipeColumn(await draw(c)).join('\n');
    const fds = c.mode === 'one' ? ONE_PIPE_FDS : TWO_PIPE_FDS;
    const fd = (proc: 'parent' | 'child', end: 'read' | 'write', inode?: number) =>
      fds[proc].find((f) => f.end === end && (inode === undefined || f.inode === inode))?.fd;
    if (c.mode === 'one') {
      // The write ends go into the pipe from above, the read ends come out below.
      expect(column).toMatch(new RegExp(`\\b${fd('parent', 'write')}\\b[^\\n]*┓ ┏[^\\n]*\\b${fd('child', 'write')}\\b`));
      expect(column).toMatch(new RegExp(`\\b${fd('parent', 'read')}\\b[^\\n]*┛ ┗[^\\n]*\\b${fd('child', 'read')}\\b`));
    } else {
      expect(column).toMatch(new RegExp(`\\b${fd('parent', 'read')}\\b ◀━+ [^\\n]*\\b${fd('child', 'write')}\\b`));
      expect(column).toMatch(new RegExp(`\\b${fd('parent', 'write')}\\b ━+▶ [^\\n]*\\b${fd('child', 'read')}\\b`));
    }
    expect(column).not.toContain('…');
  });


  it('keeps the whole state of a parent blocked while the user types: the fd, and since when, on a second line', async () => {
    for (const messages of [en, ko]) {
      const lines = await draw({ name: 'since', messages, mode: 'one' });
      const pane = lines.map((l) => [...l].slice(0, 30).join('')).join('\n');
      const words = messages.ui.state.readingSince('read(fd 20)', '14:03:07').replace(/ (since|14:03:07)/, '\n$1').split('\n');
      for (const part of words) expect(pane).toContain(part.trim());
      expect(pane).not.toContain('…');
    }
  });
});
