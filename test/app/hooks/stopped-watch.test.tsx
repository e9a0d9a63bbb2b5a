import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { useStoppedWatch } from '../../../src/app/hooks/use-stopped-watch.js';
import type { Action } from '../../../src/app/state/model.js';

function Watch({ letter, seen }: { letter: string; seen: Action[] }) {
  useStoppedWatch(1, 4242, true, (action) => seen.push(action), () => letter, () => 0);
  return null;
}

describe('the stopped watch', () => {
  it('reports a stop by a signal (state T) and not a tracer holding a call (state t, under strace)', () => {
    const seen: Action[] = [];
    const traced = render(<Watch letter="t" seen={seen} />);
    traced.unmount();
    const stopped = render(<Watch letter="T" seen={seen} />);
    stopped.unmount();
    expect(seen.map((a) => a.type === 'proc-stopped' && a.stopped)).toEqual([false, true]);
  });
});
