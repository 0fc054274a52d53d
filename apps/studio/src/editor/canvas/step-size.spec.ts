import type { StrategyNode } from '@arbiter/engine';
import { toFlowNodes } from './document-flow';
import { estimatedStepSize, STEP_WIDTH } from './step-size';

const stepData = (node: StrategyNode) =>
  toFlowNodes(
    { schemaVersion: 1, nodes: [node], edges: [] },
    { labels: {}, problemsByNode: new Map(), problemEdges: new Set() },
  )[0]!.data;

describe('estimatedStepSize: the size of a step not measured yet', () => {
  const filter = (label: string): StrategyNode => ({ id: 'f', type: 'filter', label, config: {} });

  it('is as wide as every step, and taller for a name that wraps', () => {
    const short = estimatedStepSize(stepData(filter('Eligibility')));
    const long = estimatedStepSize(stepData(filter('Champion or challenger split for the spring campaign')));
    expect(short.width).toBe(STEP_WIDTH);
    expect(long.width).toBe(STEP_WIDTH);
    expect(long.height).toBeGreaterThanOrEqual(short.height + 2 * 17);
  });

  it('counts the exits of a split', () => {
    const split: StrategyNode = {
      id: 's',
      type: 'split',
      label: 'Test',
      config: {
        mode: 'percentage',
        salt: 's',
        idField: 'id',
        branches: [
          { id: 'a', label: 'A', percent: 50 },
          { id: 'b', label: 'B', percent: 50 },
        ],
      },
    };
    expect(estimatedStepSize(stepData(split)).height).toBeGreaterThan(
      estimatedStepSize(stepData(filter('Test'))).height + 2 * 20,
    );
  });
});
