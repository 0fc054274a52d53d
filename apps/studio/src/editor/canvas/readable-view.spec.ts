import { READABLE_ZOOM, readableViewport } from './readable-view';

describe('readableViewport: the canvas opens readable', () => {
  const canvas = { width: 800, height: 700 };

  it('shows a small strategy whole and centred, never zoomed in past 1.1', () => {
    const view = readableViewport({ x: 0, y: 0, width: 400, height: 100 }, canvas);
    expect(view.zoom).toBe(1.1);
    expect(view.x).toBeCloseTo((800 - 440) / 2);
    expect(view.y).toBeCloseTo((700 - 110) / 2);
  });

  it('fits a strategy that fits at a readable zoom', () => {
    const view = readableViewport({ x: 100, y: 50, width: 900, height: 300 }, canvas);
    expect(view.zoom).toBeCloseTo(752 / 900);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('keeps a long strategy readable and starts at its first step instead of shrinking it', () => {
    // Seven steps in a row: fitting would take zoom 0.41, text of 6 px.
    const view = readableViewport({ x: -20, y: 0, width: 1920, height: 100 }, canvas);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.x).toBeCloseTo(24 + 20 * READABLE_ZOOM); // the left edge of the flow in view
    expect(view.y).toBeCloseTo((700 - 100 * READABLE_ZOOM) / 2); // vertically it fits: centred
  });

  it('starts at the top-left of a strategy too large in both directions', () => {
    const view = readableViewport({ x: 0, y: 0, width: 4000, height: 3000 }, canvas);
    expect(view).toEqual({ zoom: READABLE_ZOOM, x: 24, y: 24 });
  });
});
