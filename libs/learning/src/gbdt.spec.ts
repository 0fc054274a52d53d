import type { TreeEnsembleParams } from '@arbiter/engine';
import { predict } from './predict';
import { syntheticRequest, syntheticRows } from './test-support/synthetic';
import { train } from './train';
import type { PredictorDef } from './types';

jest.setTimeout(60_000);

type Nodes = TreeEnsembleParams['trees'][number]['nodes'];

function depth(nodes: Nodes, index = 0): number {
  const node = nodes[index]!;
  return node.leaf !== undefined ? 0 : 1 + Math.max(depth(nodes, node.left), depth(nodes, node.right));
}

test('trees respect the leaf and depth limits, children come after parents, splits carry their value', async () => {
  const { spec } = await train(
    syntheticRequest({
      rows: syntheticRows(3000, 2),
      algorithm: 'gbdt',
      settings: { trees: 20, maxLeafNodes: 8, maxDepth: 3 },
      seed: 1,
    }),
  );
  if (spec.type !== 'treeEnsemble') throw new Error('not a tree ensemble');
  expect(spec.trees).toHaveLength(20);
  for (const { nodes } of spec.trees) {
    expect(nodes.length).toBeLessThanOrEqual(2 * 8 - 1);
    expect(depth(nodes)).toBeLessThanOrEqual(3);
    nodes.forEach((node, i) => {
      if (node.leaf !== undefined) return;
      expect(node.left).toBeGreaterThan(i);
      expect(node.right).toBeGreaterThan(i);
      expect(typeof node.value).toBe('number');
      expect((node.threshold === undefined) !== (node.categories === undefined)).toBe(true);
    });
  }
});

const plan: PredictorDef[] = [{ name: 'plan', input: 'customer.plan', type: 'string' }];

test('a category split that sends "other" left lists the right side instead, so unseen values follow "other"', async () => {
  // A: mostly accepted, B: mostly declined, 50 rare plans (all accepted) that share "other".
  const rows = [
    ...Array.from({ length: 300 }, (_, i) => ({ plan: 'A', y: i % 10 < 8 ? 1 : 0 })),
    ...Array.from({ length: 300 }, (_, i) => ({ plan: 'B', y: i % 10 < 2 ? 1 : 0 })),
    ...Array.from({ length: 150 }, (_, i) => ({ plan: `rare-${i % 50}`, y: 1 })),
  ];
  const { spec } = await train({
    rows,
    target: { column: 'y', positiveValues: ['1'] },
    predictors: plan,
    algorithm: 'gbdt',
    settings: { trees: 1, maxLeafNodes: 2, maxCategories: 2, learningRate: 1 },
    seed: 1,
  });
  if (spec.type !== 'treeEnsemble') throw new Error('not a tree ensemble');
  const root = spec.trees[0]!.nodes[0]!;
  expect(root).toMatchObject({ input: 'customer.plan', categories: ['B'] });
  const [unseen, rare, a, b] = predict(
    spec,
    [{ plan: 'never seen' }, { plan: 'rare-3' }, { plan: 'A' }, { plan: 'B' }],
    plan,
  );
  expect(unseen).toBe(rare);
  expect(unseen).toBe(a);
  expect(b!).toBeLessThan(a!);
});

test('missing values go the way the training rows with missing values went', async () => {
  const income: PredictorDef[] = [{ name: 'income', input: 'customer.income', type: 'number' }];
  const rows = Array.from({ length: 600 }, (_, i) => {
    // Low incomes decline, high accept, and a missing income behaves like a high one.
    if (i % 3 === 0) return { y: i % 30 === 0 ? 0 : 1 };
    const value = i % 100;
    return { income: value, y: value >= 50 ? 1 : 0 };
  });
  const { spec } = await train({
    rows,
    target: { column: 'y', positiveValues: ['1'] },
    predictors: income,
    algorithm: 'gbdt',
    settings: { trees: 1, maxLeafNodes: 2, learningRate: 1 },
    seed: 1,
  });
  if (spec.type !== 'treeEnsemble') throw new Error('not a tree ensemble');
  const root = spec.trees[0]!.nodes[0] as { threshold: number; missingLeft: boolean };
  expect(root.threshold).toBe(49.5);
  expect(root.missingLeft).toBe(false);
  const [missing, high, low] = predict(spec, [{}, { income: 80 }, { income: '10' }], income);
  expect(missing).toBe(high);
  expect(low!).toBeLessThan(high!);
});

test('early stopping ends training once the validation loss stops improving', async () => {
  const { report, settings } = await train(
    syntheticRequest({
      rows: syntheticRows(14_000, 5),
      algorithm: 'gbdt',
      settings: { trees: 400, learningRate: 0.5 },
      seed: 1,
    }),
  );
  expect(settings).toMatchObject({ earlyStopping: 'auto', iterNoChange: 10 });
  expect(report.iterations).toBeGreaterThan(10);
  expect(report.iterations).toBeLessThan(400);
});
