// Where the blocks go, from the size alone: three columns, and `big` (the panes side by
// side, the drawing or the source view under them) for the 80x24 of large fonts.
import { describe, expect, it } from 'vitest';
import { LAYOUTS, MIN_BELOW, computeLayout } from '../../../src/app/views/layout.js';

/** The rows every block takes, top to bottom. */
const used = (g: ReturnType<typeof computeLayout>) => g.mainHeight + (g.layout === 'big' ? g.pipeHeight : 0) + g.bannerHeight + g.panelHeight + g.statusHeight;

describe('computeLayout', () => {
  it('big at 80x24: two panes of 40 columns, the drawing across the width under them', () => {
    const g = computeLayout(80, 24, { bannerHeight: 0, statusHeight: 3, panels: 0, layout: 'big' });
    expect([g.parentWidth, g.childWidth, g.pipeWidth]).toEqual([40, 40, 80]);
    expect(g.pipeHeight).toBeGreaterThanOrEqual(MIN_BELOW);
    expect(g.mainHeight).toBeGreaterThan(g.pipeHeight);
    expect(used(g)).toBe(23);
  });

  it('big with the source view: more rows under the panes than for the drawing', () => {
    const drawing = computeLayout(100, 30, { bannerHeight: 0, statusHeight: 3, panels: 0, layout: 'big' });
    const source = computeLayout(100, 30, { bannerHeight: 0, statusHeight: 3, panels: 0, layout: 'big', source: true });
    expect(source.pipeHeight).toBeGreaterThan(drawing.pipeHeight);
    expect(source.pipeWidth).toBe(100);
    expect(source.parentWidth).toBe(50);
  });

  it('big with a banner: the panes keep their least height, the drawing a pipe and its ends, and a trace panel gives way', () => {
    const tight = computeLayout(80, 24, { bannerHeight: 5, statusHeight: 3, panels: 1, layout: 'big' });
    expect(tight.panelHeight).toBe(0);
    expect(tight.mainHeight).toBeGreaterThanOrEqual(9);
    expect(tight.pipeHeight).toBeGreaterThanOrEqual(MIN_BELOW);
    expect(used(tight)).toBe(23);
    const room = computeLayout(80, 24, { bannerHeight: 0, statusHeight: 3, panels: 1, layout: 'big' });
    expect(room.panelHeight).toBeGreaterThanOrEqual(4);
    expect(room.pipeHeight).toBeGreaterThanOrEqual(MIN_BELOW);
    expect(used(room)).toBe(23);
  });

  it('big with too few rows for a drawing: the panes take them all', () => {
    const g = computeLayout(80, 24, { bannerHeight: 8, statusHeight: 4, panels: 0, layout: 'big' });
    expect(g.pipeHeight).toBe(0);
    expect(g.mainHeight).toBe(11);
  });

  it('three columns: the panes beside the drawing, or beside the wider source view', () => {
    const g = computeLayout(80, 24, { bannerHeight: 0, statusHeight: 2, panels: 0 });
    expect([g.parentWidth, g.pipeWidth, g.childWidth]).toEqual([30, 20, 30]);
    expect(g.pipeHeight).toBe(g.mainHeight);
    const s = computeLayout(80, 24, { bannerHeight: 0, statusHeight: 2, panels: 0, source: true });
    expect([s.parentWidth, s.pipeWidth, s.childWidth]).toEqual([19, 42, 19]);
  });

  it('at every size from 80x24 up, in both layouts, the blocks fill the width and fit the height', () => {
    for (const layout of LAYOUTS)
      for (let cols = 80; cols <= 200; cols += 7)
        for (let rows = 24; rows <= 60; rows += 5)
          for (const [bannerHeight, panels, source] of [[0, 0, false], [5, 1, true], [6, 2, false]] as const) {
            const g = computeLayout(cols, rows, { bannerHeight, statusHeight: 3, panels, layout, source });
            const at = `${layout} ${cols}x${rows} banner ${bannerHeight} panels ${panels}`;
            expect(g.parentWidth + g.childWidth + (layout === 'big' ? 0 : g.pipeWidth), at).toBe(cols);
            expect(Math.min(g.parentWidth, g.childWidth), at).toBeGreaterThanOrEqual(layout === 'big' ? 40 : 19);
            expect(used(g), at).toBeLessThanOrEqual(rows - 1);
          }
  });
});
