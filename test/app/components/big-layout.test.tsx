// The projector layout at the 80x24 that large fonts force, in English and Korean: the
// two panes side by side, each at least 30 columns, with unbroken borders; every PID on
// screen whole (the real PIDs handed in, seven digits as pid_max allows); no line wider
// than the screen; the drawing or the source view under the panes; the status line in
// words. And the key that switches the layouts live (Esc b).
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.js';
import { F2_SEQUENCES } from '../../../src/app/hooks/use-keys.js';
import type { Layout } from '../../../src/app/views/layout.js';
import type { WiredLinkEvent } from '../../../src/ipc/events.js';
import { en } from '../../../src/i18n/en.js';
import { ko } from '../../../src/i18n/ko.js';
import type { Messages } from '../../../src/i18n/index.js';
import { ONE_PIPE_FDS, Script, TWO_PIPE_FDS } from '../events.js';
import { FakeWorld } from '../fake-world.js';

const ESC = '\x1b';
const COLS = 80;
const ROWS = 24;
/** pid_max can be 4194304: PIDs of seven digits are real. */
const PARENT_PID = 4194301;
/** The child's PID once its session's number (1) is added. */
const CHILD_PID = 4194303;
/** The wall clock when the session starts: 14:03:07 local time. */
const WALL_MS = new Date(2024, 0, 15, 14, 3, 7).getTime();

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

/** A line as the terminal's cells: a double-width character takes two, the second empty. */
function cells(line: string): string[] {
  return [...line].flatMap((ch) => (stringWidth(ch) === 2 ? [ch, ''] : [ch]));
}

/** The columns of each pane, from the corners of the screen's top row. */
function paneWidths(top: string): number[] {
  const row = cells(top);
  const widths: number[] = [];
  let from = 0;
  row.forEach((ch, at) => {
    if (ch === '╭') from = at;
    if (ch === '╮') widths.push(at - from + 1);
  });
  return widths;
}

async function chat(messages: Messages, mode: 'one' | 'two', layout?: Layout) {
  const world = new FakeWorld({ parent: PARENT_PID, child: CHILD_PID - 1 });
  const script = new Script(1, mode);
  const app = render(
    <App
      session={world.session(() => script.at, { wallClock: () => WALL_MS })}
      options={{ wiring: mode === 'one' ? 'one-pipe' : 'two-pipes', color: false, ...(layout ? { layout } : {}) }}
      messages={messages}
      size={{ cols: COLS, rows: ROWS }}
      fdReader={() => null}
      clock={() => script.at}
    />,
  );
  mounted.push(app);
  const frame = () => app.lastFrame() ?? '';
  await vi.waitUntil(() => world.sessions.length === 1, { timeout: 3000 });
  const fds = mode === 'one' ? ONE_PIPE_FDS : TWO_PIPE_FDS;
  // A conversation under way: a stolen message on one pipe (its banner takes five rows), a clean turn on two.
  const turn = mode === 'one' ? script.steal(1, 'Who are you?') : script.cleanTurn(1, 'Who are you?', 'Your parent.');
  const events: WiredLinkEvent[] = [
    { type: 'hello', proc: 'child', pid: CHILD_PID, fds: fds.child, at: script.at },
    ...[...turn, script.activity('parent', { doing: 'reading', fd: 20 }), script.activity('child', { doing: 'typing' })].flatMap((a) => (a.type === 'link-event' ? [a.event] : [])),
  ];
  world.last.emit(...events);
  await vi.waitUntil(() => frame().includes(messages.ui.state.typing), { timeout: 3000 });
  const keys = async (text: string, until: (frame: string) => boolean) => {
    app.stdin.write(text);
    await vi.waitUntil(() => until(frame()), { timeout: 3000 });
  };
  return { frame, keys };
}

/** What a user checks of the screen at 80x24 in `big`. */
function expectBigScreen(frame: string) {
  const lines = frame.split('\n');
  expect(lines).toHaveLength(ROWS - 1);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(COLS);
  const widths = paneWidths(lines[0] ?? '');
  expect(widths).toHaveLength(2);
  for (const w of widths) expect(w).toBeGreaterThanOrEqual(30);
  // Unbroken borders: each pane's sides stand in the same columns on every row down to its bottom corners.
  const [left = 0, right = 0] = widths;
  const bottom = lines.findIndex((l) => l.startsWith('╰'));
  expect(bottom).toBeGreaterThan(8);
  for (const [at, line] of lines.slice(0, bottom + 1).entries()) {
    const row = cells(line);
    const [l, r] = at === 0 ? ['╭', '╮'] : at === bottom ? ['╰', '╯'] : ['│', '│'];
    expect([row[0], row[left - 1], row[left], row[left + right - 1]], line).toEqual([l, r, l, r]);
  }
  // Every PID whole: each one on screen is a real one, and both processes' are there.
  const pids = [...frame.matchAll(/PID (\d+)/g)].map((m) => Number(m[1]));
  expect(pids).toContain(PARENT_PID);
  expect(pids).toContain(CHILD_PID);
  for (const pid of pids) expect([PARENT_PID, CHILD_PID]).toContain(pid);
  expect(frame).not.toMatch(/\d…/);
  return { lines, bottom };
}

const WORDS: [string, Messages][] = [
  ['en', en],
  ['ko', ko],
];

describe('the big layout at 80x24', () => {
  it.each(WORDS)('%s, one shared pipe: two panes of 40 columns, the drawing under them, the status line in words', async (_, messages) => {
    const { frame } = await chat(messages, 'one', 'big');
    const { lines, bottom } = expectBigScreen(frame());
    const s = messages.ui.status;
    // The drawing under the panes, across: the real fd at each end in each process.
    const drawing = lines.slice(bottom + 1, bottom + 8).join('\n');
    for (const fd of [...ONE_PIPE_FDS.parent, ...ONE_PIPE_FDS.child]) expect(drawing).toMatch(new RegExp(`\\b${messages.ui.pipes.fd(fd.fd)}\\b`));
    // Nothing abbreviated or left out: the tally with what was delivered, and both delays named
    // (at 80 columns in three, the tally loses its delivered count and the delays go).
    const status = lines.slice(-3, -1);
    expect(status.some((l) => l.includes(s.counts(0, 1, 1)))).toBe(true);
    expect(status.some((l) => l.includes(s.knobs(s.ms(0), s.ms(0))))).toBe(true);
  });

  it.each(WORDS)('%s, two pipes with the source view (F2): the program under the panes, its PIDs whole', async (_, messages) => {
    const { frame, keys } = await chat(messages, 'two', 'big');
    await keys(F2_SEQUENCES[0]!, (f) => f.includes(messages.ui.chapter.source.title('pipe3.c')));
    const { lines, bottom } = expectBigScreen(frame());
    const below = lines.slice(bottom + 1).join('\n');
    expect(below).toContain(`P ${PARENT_PID}`);
    expect(below).toContain(`C ${CHILD_PID}`);
    expect(lines.at(-3)).toContain(messages.ui.status.deliveredSince('14:03:07', 2));
  });

  it('Esc b switches between three columns and big, live, and back', async () => {
    const { frame, keys } = await chat(en, 'one');
    const top = () => frame().split('\n')[0] ?? '';
    expect(paneWidths(top())).toEqual([30, 30]);
    const toggle = async (widths: number[]) => {
      await keys(ESC, (f) => f.includes(en.ui.status.commandKeys.quit));
      await keys('b', () => paneWidths(top()).join() === widths.join());
    };
    await toggle([40, 40]);
    expectBigScreen(frame());
    await toggle([30, 30]);
  });
});
