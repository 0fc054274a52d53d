import { lineRun } from './step-line';

describe('lineRun: where a line between two steps turns', () => {
  it('runs 20 px out of the exit between steps far apart', () => {
    expect(lineRun(100, 300)).toBe(20);
  });

  it('turns halfway between steps that stand close, never behind the step it leaves', () => {
    // Steps 10 px apart: turning 20 px out would run past the next step's entry and back.
    const run = lineRun(210, 220);
    expect(run).toBeLessThan(5);
    expect(210 + run).toBeLessThan(220 - run);
  });

  it('turns at the exit when exit and entry overlap (steps touching), instead of going back under the step', () => {
    expect(lineRun(226, 224)).toBe(0);
  });

  it('keeps its run when the next step stands well to the left (the line has to go round)', () => {
    expect(lineRun(300, 100)).toBe(20);
  });
});
