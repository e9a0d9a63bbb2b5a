// The lesson's own screens on a fake world: the question before a step runs (keys pick,
// letters do nothing), the chat on the step's channel once picked, and the result said
// from the state the conversation ended in, with the class's pick held against it;
// --from starts at its step, and --auto says its pick before the step runs.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { WiredLinkEvent } from '../../src/ipc/events.js';
import { en } from '../../src/i18n/en.js';
import { ko } from '../../src/i18n/ko.js';
import type { Messages } from '../../src/i18n/index.js';
import { LessonApp, type LessonSettings } from '../../src/lesson/LessonApp.js';
import { StepSessions } from '../../src/lesson/step-sessions.js';
import { lessonSteps, type RunnableStep } from '../../src/lesson/steps.js';
import { widthOf } from '../../src/text/text-width.js';
import { FakeWorld } from '../app/fake-world.js';
import { Script } from '../app/events.js';
import { waitUntil } from '../support/wait.js';

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

const BY_HAND: LessonSettings = { from: 1, color: false, auto: false, speed: 20, exitWhenDone: false };

function start(options: Partial<LessonSettings> = {}, messages: Messages = en) {
  const world = new FakeWorld();
  const sessions = new StepSessions(world.open);
  const opened: RunnableStep[] = [];
  const app = render(
    <LessonApp
      steps={lessonSteps()}
      options={{ ...BY_HAND, ...options }}
      messages={messages}
      openStep={(step) => {
        opened.push(step);
        return sessions.next(step);
      }}
      endStep={() => sessions.end()}
      size={{ cols: 80, rows: 24 }}
    />,
  );
  mounted.push(app);
  const frame = () => app.lastFrame() ?? '';
  const until = (text: string) => waitUntil(() => frame().includes(text), { what: `"${text}" on screen\n${frame()}` });
  return { world, opened, app, frame, until };
}

const steps = lessonSteps();
/** A step's number in this build's lesson. */
const stepNumber = (id: string) => steps.findIndex((s) => s.id === id) + 1;

describe('the lesson on screen', () => {
  it('asks first: the question and its answers at 80x24, keys 1-2; a letter picks nothing and nothing runs', async () => {
    const s = start({ from: stepNumber('one-pipe') }, ko);
    await s.until('자식의 메시지를 누가 읽을까요?');
    const lines = s.frame().split('\n');
    expect(lines).toHaveLength(23);
    expect(lines.every((line) => widthOf(line) === 80)).toBe(true);
    expect(s.frame()).toContain(`pipe-chat 수업 · ${steps.length}단계 중 ${stepNumber('one-pipe')}단계`);
    expect(s.frame()).toContain('1  부모');
    expect(s.frame()).toContain('2  자식 자신');
    expect(s.frame()).toContain('1-2 답 고르기');
    s.app.stdin.write('x');
    s.app.stdin.write('3');
    await new Promise((resolve) => setImmediate(resolve));
    expect(s.opened).toEqual([]);
  });

  it('runs the step on its channel once picked, then says what the run showed and whether the pick was right', async () => {
    const s = start({ from: stepNumber('one-pipe') });
    await s.until("Who reads the child's message?");
    s.app.stdin.write('2');
    await waitUntil(() => s.world.sessions.length === 1, { what: "the step's conversation" });
    expect(s.opened.map((step) => step.id)).toEqual(['one-pipe']);
    expect(s.world.last.request.wiring).toBe('one-pipe');
    await s.until('[one shared pipe]');
    // Under 100 columns the chat is in the big layout: the two panes side by side, no drawing between them.
    expect(s.frame().split('\n')[0]).toMatch(/^╭─ Parent.*╮╭─ Child.*╮$/);
    // What the processes report: the child reads its own line back, then ends; the parent waits for good.
    const script = new Script(1, 'one');
    s.world.last.emit(...script.stealThenChildEnds().flatMap((a): WiredLinkEvent[] => (a.type === 'link-event' ? [a.event] : [])));
    await s.until('What happened');
    expect(s.frame()).toContain('C1 written by the child, read by the child (STOLEN');
    expect(s.frame()).toContain('BLOCKED FOREVER');
    expect(s.frame()).toContain('The class picked 2: the child itself.');
    expect(s.frame()).toContain('✓ The run bears it out.');
    expect(s.frame()).toContain("Why: The child's read() came first");
    // The step's processes go while the class reads.
    expect(s.world.last.closed).toBe(true);
    s.app.stdin.write('\r');
    await s.until(`step ${stepNumber('one-pipe') + 1} of ${steps.length}`);
  });

  it('goes on to the result when the step\'s child dies, and says the run answered nothing', async () => {
    const s = start({ from: stepNumber('one-pipe') });
    await s.until("Who reads the child's message?");
    s.app.stdin.write('1');
    await waitUntil(() => s.world.sessions.length === 1, { what: "the step's conversation" });
    await s.until('[one shared pipe]');
    const script = new Script(1, 'one');
    s.world.last.emit(...[script.activity('parent', { doing: 'reading', fd: 20 }), script.exit(null, 'SIGKILL')].flatMap((a): WiredLinkEvent[] => (a.type === 'link-event' ? [a.event] : [])));
    await s.until('What happened');
    expect(s.frame()).toContain('The step could not run to its end');
    expect(s.frame()).not.toContain('The run showed');
  });

  it('starts at --from, and under --auto says its pick before the step runs', async () => {
    const s = start({ from: stepNumber('queue'), auto: true });
    await s.until(`step ${stepNumber('queue')} of ${steps.length}`);
    expect(s.frame()).toContain('A message queue');
    await s.until('auto: picked 1');
    await waitUntil(() => s.world.sessions.length === 1, { what: "the step's conversation" });
    expect(s.world.last.request.wiring).toBe('queue');
  });
});
