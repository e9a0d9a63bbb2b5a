import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import type { WiredLinkEvent } from '../../src/ipc/events.js';
import { App } from '../../src/app/App.js';
import type { ConversationState } from '../../src/app/state/model.js';
import type { SavedFiles } from '../../src/app/transcript/save-transcript.js';
import { exportTranscript } from '../../src/app/transcript/transcript-export.js';
import { en } from '../../src/i18n/en.js';
import { ko } from '../../src/i18n/ko.js';
import type { Messages } from '../../src/i18n/index.js';
import { FakeWorld } from './fake-world.js';
import { Script } from './events.js';
import { waitUntil } from '../support/wait.js';

const CTRL_T = '\x14';
const ESC = '\x1b';
const ENTER = '\r';
const F1 = '\x1bOP';
/** True if any SGR sequence in the output sets a foreground or background colour. */
const hasColour = (output: string) => output.split('\x1b').some((part) => /^\[(?:\d+;)*(?:3\d|9\d|4\d|10\d)(?:;\d+)*m/.test(part));

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});


function start(
  options: { messages?: Messages; cols?: number; rows?: number; color?: boolean; mode?: 'one' | 'two'; saveTranscript?: (state: ConversationState) => SavedFiles } = {},
) {
  const world = new FakeWorld();
  const script = new Script();
  const app = render(
    <App
      session={world.session(() => script.at)}
      options={{ wiring: options.mode === 'one' ? 'one-pipe' : 'two-pipes', color: options.color ?? true }}
      messages={options.messages ?? en}
      size={{ cols: options.cols ?? 100, rows: options.rows ?? 30 }}
      fdReader={() => null}
      clock={() => script.at}
      {...(options.saveTranscript ? { saveTranscript: options.saveTranscript } : {})}
    />,
  );
  mounted.push(app);
  const frame = () => app.lastFrame() ?? '';
  const until = (text: string) => waitUntil(() => frame().includes(text), { what: `"${text}" on screen\n${frame()}` });
  const events = (actions: ReturnType<Script['start']>): WiredLinkEvent[] => actions.flatMap((a) => (a.type === 'link-event' ? [a.event] : []));
  return { world, script, app, frame, until, events };
}

/** Esc, then one command key once the status bar says the next key is a command. */
async function commandKey(app: ReturnType<typeof render>, until: (text: string) => Promise<void>, letter: string): Promise<void> {
  app.stdin.write(ESC);
  await until('COMMAND KEY:');
  app.stdin.write(letter);
}

/** Types a line, waits until the input shows it, then presses Enter in a write of its own. */
async function typeLine(app: ReturnType<typeof render>, until: (text: string) => Promise<void>, text: string): Promise<void> {
  app.stdin.write(text);
  await until(`› ${text}`);
  app.stdin.write(ENTER);
}

describe('App', () => {
  it('names the wiring asked for from the very first frame, before the first child is forked (--pipes 1)', () => {
    const one = start({ mode: 'one' });
    expect(one.app.frames[0]).toContain('[one shared pipe]');
    expect(one.app.frames[0]).not.toContain('[two pipes]');
  });

  it('shows both panes with real PIDs, the pipes with their fds, and the status bar', async () => {
    const { world, script, until, frame, events } = start();
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    world.last.emit(...events([script.activity('child', { doing: 'typing' }), script.activity('parent', { doing: 'reading', fd: 20 })]));
    await until('BLOCKED in read(fd 20)');
    await until('typing at its keyboard');
    expect(frame()).toContain('Parent · PID 500');
    expect(frame()).toContain('Child · PID 778');
    expect(frame()).toContain('child → parent');
    expect(frame()).toContain('fd 20 ◀');
    expect(frame()).toContain('[two pipes]');
    expect(frame()).toContain('turn 1/3');
  });

  it('sends the child’s line to the child’s keyboard; the parent shows it only once its read returns it', async () => {
    const { world, script, app, until, frame, events } = start();
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    const s = world.last;
    s.emit(...events([script.activity('child', { doing: 'typing' }), script.activity('parent', { doing: 'reading', fd: 20 })]));
    await until('typing at its keyboard');
    await typeLine(app, until, 'Who are you?');
    await waitUntil(() => s.childLines.length === 1, { what: 'the line at the child keyboard' });
    expect(s.childLines).toEqual(['Who are you?']);
    s.emit(...events([script.activity('child', { doing: 'writing', fd: 4 }), ...script.write('child', 1, 'Who are you?'), script.activity('child', { doing: 'reading', fd: 3 })]));
    await until('not read yet');
    expect(frame()).not.toContain('from Child: Who are you?');
    s.emit(...events([...script.read('parent', 'child', 1, 'Who are you?'), script.activity('parent', { doing: 'typing' })]));
    await until('from Child: Who are you?');
    expect(frame()).toContain('C1 child→parent ✓ delivered');
    await typeLine(app, until, 'I am your parent');
    await waitUntil(() => s.parentLines.length === 1, { what: 'the parent to take its line' });
    expect(s.parentLines).toEqual(['I am your parent']);
  });

  it('toggles to one shared pipe with Ctrl+T: a new child from the current turn, a divider, and the history kept', async () => {
    const { world, script, app, until, frame, events } = start();
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    world.last.emit(...events(script.cleanTurn(1, 'first', 'answer')));
    await until('from Child: first');
    app.stdin.write(CTRL_T);
    await waitUntil(() => world.sessions.length === 2, { what: 'a second session' });
    expect(world.sessions[0]?.closed).toBe(true);
    expect(world.last.request).toMatchObject({ wiring: 'one-pipe', firstTurn: 2 });
    await until('switched to one shared pipe');
    expect(frame()).toContain('new child PID 779');
    expect(frame()).toContain('from Child: first');
    expect(frame()).toContain('[one shared pipe]');
    expect(frame()).toContain('ONE shared pipe');
  });

  it('marks a stolen message in words; with the child gone, says the parent waits forever (not a deadlock); r restarts with a fresh child', async () => {
    const { world, app, until, frame, events } = start({ mode: 'one' });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    const script = new Script(1, 'one');
    world.last.emit(
      ...events([...script.steal(1, 'Who are you?'), script.activity('child', { doing: 'typing' })]),
    );
    await until('STOLEN');
    expect(frame()).toContain('C1 child→child');
    expect(frame()).toContain('stolen 1');
    world.last.emit(...events([script.activity('child', { doing: 'done' }), script.exit(0)]));
    await until('BLOCKED FOREVER');
    expect(frame()).toContain('never write again');
    expect(frame()).not.toContain('DEADLOCK');
    await commandKey(app, until, 'r');
    await waitUntil(() => world.sessions.length === 2, { what: 'a fresh child' });
    expect(world.last.request).toMatchObject({ wiring: 'one-pipe', firstTurn: 1 });
    await until('new conversation');
  });

  it('s saves the transcript and the trace and says where; the next key brings back the banner it covered', async () => {
    const saves: ConversationState[] = [];
    const files = { text: '/home/student/pipe-chat-20261125-093000.txt', json: '/home/student/pipe-chat-20261125-093000.json' };
    const { world, app, until, frame, events } = start({ mode: 'one', saveTranscript: (state) => (saves.push(state), files) });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    const script = new Script(1, 'one');
    world.last.emit(...events([...script.steal(1, 'Who are you?'), script.activity('child', { doing: 'done' }), script.exit(0)]));
    await until('BLOCKED FOREVER');
    await commandKey(app, until, 's');
    await until('SAVED');
    expect(frame()).toContain(files.text);
    expect(frame()).toContain(files.json);
    expect(frame()).not.toContain('BLOCKED FOREVER');
    // What was saved is what the screen showed: the stolen message and the calls behind it.
    const exported = exportTranscript(en.ui, saves[0]!, new Date(Date.UTC(2026, 10, 25, 9, 30)));
    expect(exported.text).toContain('pipe-chat transcript and trace, saved 2026-11-25T09:30:00.000Z');
    expect(exported.text).toMatch(/C1 child→child {2}STOLEN {2}"Who are you\?"/);
    const json = JSON.parse(exported.json) as { version: number; messages: unknown[]; trace: { call: string; proc: string }[]; counters: unknown };
    expect(json.version).toBe(1);
    expect(json.messages).toEqual([expect.objectContaining({ tag: 'C1', writer: 'child', reader: 'child', verdict: 'stolen', text: 'Who are you?' })]);
    expect(json.trace).toEqual(expect.arrayContaining([expect.objectContaining({ proc: 'child', call: 'write' }), expect.objectContaining({ proc: 'child', call: 'read' })]));
    expect(json.counters).toMatchObject({ stolen: 1 });
    app.stdin.write('x');
    await until('BLOCKED FOREVER');
    expect(frame()).not.toContain('SAVED');
    // The key that closed the banner was taken by it: not typed into a draft.
    expect(frame()).not.toMatch(/› x/);
    app.stdin.write('y');
    await until('› y');
  });

  it('says so when the transcript cannot be saved', async () => {
    const { world, app, until, frame, events, script } = start({
      saveTranscript: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    world.last.emit(...events([script.activity('child', { doing: 'done' }), script.exit(0)]));
    await commandKey(app, until, 's');
    await until('NOT SAVED');
    expect(frame()).toContain('Could not save the transcript: EACCES: permission denied');
  });

  it('says what to do in the empty active input, and stops saying it at the first key', async () => {
    const { world, script, app, until, frame, events } = start();
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    world.last.emit(...events([script.activity('child', { doing: 'typing' }), script.activity('parent', { doing: 'reading', fd: 20 })]));
    await until('typing at its keyboard');
    await until(en.ui.input.hint.child);
    // Only where the keys go: the parent's input is not active.
    expect(frame()).not.toContain(en.ui.input.hint.parent);
    app.stdin.write('W');
    await until('› W');
    expect(frame()).not.toContain(en.ui.input.hint.child);
  });

  it('shows a control key typed into the input as its picture (Ctrl+G: ␇), and sends the picture, not the control', async () => {
    const { world, script, app, until, events } = start();
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    world.last.emit(...events([script.activity('child', { doing: 'typing' })]));
    await until('typing at its keyboard');
    app.stdin.write('ding');
    await until('› ding');
    app.stdin.write('\x07');
    await until('› ding␇');
    app.stdin.write(ENTER);
    await waitUntil(() => world.last.childLines.length === 1, { what: 'the line at the child keyboard' });
    expect(world.last.childLines).toEqual(['ding␇']);
  });

  it('after a steal, says who still waits and what to do next', async () => {
    const { world, until, frame, events } = start({ mode: 'one' });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    const script = new Script(1, 'one');
    world.last.emit(
      ...events([...script.steal(1, 'Who are you?'), script.activity('child', { doing: 'typing' })]),
    );
    await until('STOLEN');
    const text = frame().replace(/[║┃│\n ]+/g, ' ');
    expect(text).toContain('The parent still waits in read().');
    expect(text).toContain("Next: type the child's next line");
    expect(text).toContain('Ctrl+T: two pipes');
  });

  it('shows the help overlay on F1 and closes it with Esc; Esc then one letter works as a command', async () => {
    const { world, app, until, frame } = start();
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    app.stdin.write(F1);
    await until('pipe-chat: keys');
    expect(frame()).toContain('Ctrl+T');
    app.stdin.write(ESC);
    await waitUntil(() => !frame().includes('pipe-chat: keys'), { what: 'help to close' });
    await commandKey(app, until, 'x');
    await until('trace: every read() and write()');
  });

  it('PgDn in the help moves a whole screen: the last row shown comes to the top', async () => {
    const { world, app, until, frame } = start({ rows: 24, cols: 80 });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    app.stdin.write(F1);
    await until('pipe-chat: keys');
    // The rows of the help's body, as shown: inside the frame, without its borders and footer.
    const bodyRows = () => {
      const rows = frame().split('\n').map((l) => l.replace(/^[^│┃║]*[│┃║]|[│┃║][^│┃║]*$/g, '').trim());
      const start = rows.findIndex((r) => r.includes('pipe-chat: keys')) + 1;
      return rows.slice(start).filter((r) => r !== '' && !r.includes('Esc') && !/^[─━═╰╯┗┛╚╝]/.test(r));
    };
    const before = bodyRows();
    const last = before.at(-1) as string;
    app.stdin.write('\x1b[6~');
    await waitUntil(() => bodyRows()[0] !== before[0], { what: 'the help to scroll' });
    expect(bodyRows().slice(0, 2)).toContain(last);
  });

  it('says the terminal is too small below 80x24', async () => {
    const { until } = start({ cols: 70, rows: 20 });
    await until('need 80x24, have 70x20');
  });

  it('renders with no colour at all when colour is off, and still says STOLEN in words', async () => {
    const { world, until, app, events } = start({ color: false, mode: 'one' });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    const script = new Script(1, 'one');
    world.last.emit(...events([...script.write('child', 1, 'x'), ...script.read('child', 'child', 1, 'x')]));
    await until('STOLEN');
    expect(hasColour(app.frames.join(''))).toBe(false);
  });

  it('draws the Korean UI at 80x24 with every bordered line exactly 80 cells wide', async () => {
    const { world, until, frame, events } = start({ messages: ko, cols: 80, rows: 24 });
    await waitUntil(() => world.sessions.length === 1, { what: 'a session' });
    const script = new Script();
    world.last.emit(...events(script.cleanTurn(1, '안녕하세요, 누구세요? 한국어로 길게 써 봅니다 아주 아주 길게', '나는 너의 부모 프로세스란다')));
    world.last.emit(...events([script.activity('child', { doing: 'typing' })]));
    await until('from Child: 안녕하세요');
    const lines = frame().split('\n');
    expect(lines.length).toBe(23);
    const bordered = lines.filter((l) => /[│╭╰║┃]/.test(l));
    expect(bordered.length).toBeGreaterThan(10);
    for (const line of bordered) expect(stringWidth(line), line).toBe(80);
    expect(frame()).toContain('파이프 두 개');
  });
});
