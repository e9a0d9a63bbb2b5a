// The in-chat sweep (Esc, then g): a panel with the sweep's progress, then its chart;
// Esc cancels a sweep that runs, and closes the chart. The runner is handed in, as the
// real one is by run-app; here it reports trials and resolves when the test says.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.js';
import type { SweepSettings } from '../../src/experiments/sweep.js';
import { sweepPoint, type SweepPoint } from '../../src/experiments/sweep.js';
import { messagesFor } from '../../src/i18n/index.js';
import { waitUntil } from '../support/wait.js';
import { FakeWorld } from './fake-world.js';
import { Script } from './events.js';

/** A race's counts with `stolen` of `trials` read back and the rest delivered. */
function counts(wiring: 'one-pipe', trials: number, stolen: number) {
  return { wiring, trials, stolen, delivered: trials - stolen, lost: 0, torn: 0 };
}


const en = messagesFor('en');
const ESC = '\x1b';
const mounted: ReturnType<typeof render>[] = [];
afterEach(() => {
  for (const app of mounted.splice(0)) app.unmount();
});

function start() {
  const runs: { settings: SweepSettings; finish: (points: SweepPoint[]) => void }[] = [];
  const runSweep = (settings: SweepSettings) => new Promise<SweepPoint[]>((resolve) => runs.push({ settings, finish: resolve }));
  const world = new FakeWorld();
  const script = new Script();
  const app = render(<App session={world.session(() => script.at)} options={{ wiring: 'two-pipes', color: false }} messages={en} size={{ cols: 100, rows: 30 }} fdReader={() => null} clock={() => script.at} runSweep={runSweep} />);
  mounted.push(app);
  const frame = () => app.lastFrame() ?? '';
  const until = (what: string, check: () => boolean) => waitUntil(check, { what: `${what}\n${frame()}` });
  return { app, runs, frame, until };
}

describe('the race window, measured from inside the chat', () => {
  it('Esc, g runs a sweep on a shared pipe with its progress on screen, then draws its chart; Esc closes it', async () => {
    const { app, runs, frame, until } = start();
    app.stdin.write(ESC);
    await until('the next key to be a command', () => frame().includes('COMMAND KEY'));
    app.stdin.write('g');
    await until('the sweep to start', () => runs.length === 1 && frame().includes('the race window, measured now'));
    const run = runs[0]!;
    expect(run.settings).toMatchObject({ wiring: 'one-pipe', trials: 100, delaysMs: [0, 0.05, 0.1, 0.5, 2] });
    run.settings.onTrial?.(2, 37);
    await until('the progress', () => frame().includes('child delay 0.1 ms: trial 37 of 100 (delay 3 of 5)'));
    // The chat is on two pipes, where nothing can be stolen: the sweep says it races on one shared pipe.
    expect(frame()).toContain('Racing on one shared pipe');
    run.finish(run.settings.delaysMs.map((d, i) => sweepPoint(counts('one-pipe', 100, [55, 2, 1, 0, 0][i] ?? 0), d)));
    await until('the chart', () => frame().includes('child read back its own message (% of trials)'));
    expect(frame()).toContain('0 ms: 55/100 (55.0%');
    app.stdin.write(ESC);
    await until('the chat back', () => !frame().includes('the race window, measured now') && frame().includes('[two pipes]'));
  });

  it('Esc while it runs cancels it: the runner is told to stop before its next trial', async () => {
    const { app, runs, frame, until } = start();
    app.stdin.write(ESC);
    await until('the next key to be a command', () => frame().includes('COMMAND KEY'));
    app.stdin.write('g');
    // Esc is the panel's once the panel is drawn; a key read before that frame belongs to the chat.
    await until('the sweep to start', () => runs.length === 1 && frame().includes('the race window, measured now'));
    app.stdin.write(ESC);
    await until('the sweep cancelled', () => runs[0]?.settings.signal?.aborted === true && !frame().includes('the race window, measured now'));
  });
});
