import fc from 'fast-check';
import type { ConditionFacts } from '../conditions/types';
import { sigmoid } from '../test-support/models.test-helpers';
import { compileModel, explainModel, inlineModelSchema } from './model-spec';
import type { TreeNode, TreeSplit } from './tree-ensemble-model';

// The inputs the generated trees split on, and the values facts give them: numbers, numbers as text,
// text that is not a number, true/false, the categories the splits list, and every kind of missing.
const INPUTS = ['customer.a', 'customer.b', 'context.c', 'action.value'] as const;
const CATEGORIES = ['x', 'y', 'z', '1', 'true'];
// Enough values that a split's categories span several 32-bit words, or only later ones.
const MANY = Array.from({ length: 80 }, (_, i) => `m${i}`);

type Nested = { leaf: number } | { split: Omit<TreeSplit, 'left' | 'right'>; left: Nested; right: Nested };

// Thousandths as well as doubles: their sums round, so adding the leaves in another order shows.
const leafArb = fc
  .oneof(
    fc.double({ min: -4, max: 4, noNaN: true }),
    fc.integer({ min: -4000, max: 4000 }).map((k) => k / 1000),
  )
  .map((leaf) => ({ leaf }));
const splitArb = fc.record({
  input: fc.constantFrom(...INPUTS),
  test: fc.oneof(
    fc.record({
      threshold: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -5, max: 5, noNaN: true })),
    }),
    fc.record({ categories: fc.subarray(CATEGORIES) }),
    fc.record({ categories: fc.oneof(fc.subarray(MANY), fc.subarray(MANY, { maxLength: 3 })) }),
  ),
  missingLeft: fc.boolean(),
});
const { tree: nestedArb } = fc.letrec<{ tree: Nested }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({
      split: splitArb.map(({ input, test, missingLeft }) => ({ input, missingLeft, ...test })),
      left: tie('tree'),
      right: tie('tree'),
    }),
  ),
}));

/** Numbers the nodes in preorder or breadth first: either way a child comes after its parent. */
function flatten(root: Nested, breadthFirst: boolean): TreeNode[] {
  const order: Nested[] = [];
  const queue = [root];
  while (queue.length) {
    const next = breadthFirst ? queue.shift()! : queue.pop()!;
    order.push(next);
    if ('split' in next) {
      if (breadthFirst) queue.push(next.left, next.right);
      else queue.push(next.right, next.left);
    }
  }
  const index = new Map(order.map((n, i) => [n, i]));
  return order.map((n) =>
    'split' in n ? { ...n.split, left: index.get(n.left)!, right: index.get(n.right)! } : { leaf: n.leaf },
  );
}

/** Each split's value: the mean of its children's (a leaf's is the leaf), as training would give it. */
function withValues(nodes: TreeNode[]): TreeNode[] {
  const out = nodes.map((n) => ({ ...n }));
  const valueOf = (i: number): number => {
    const node = out[i]!;
    if ('leaf' in node) return node.leaf;
    node.value = (valueOf(node.left) + valueOf(node.right)) / 2;
    return node.value;
  };
  valueOf(0);
  return out;
}

const treesArb = fc.array(
  fc.tuple(nestedArb, fc.boolean()).map(([root, bfs]) => flatten(root, bfs)),
  { minLength: 1, maxLength: 8 },
);
const valueArb = fc.oneof(
  fc.constantFrom(undefined, null, '', 'x', 'y', 'z', '1', 'true', 'many', true, false, Number.NaN, Infinity),
  fc.constantFrom(...MANY),
  fc.integer({ min: -4, max: 4 }),
  fc.double({ min: -6, max: 6, noNaN: true }),
  fc.integer({ min: -4, max: 4 }).map((n) => String(n)),
);
const factsArb = fc
  .tuple(valueArb, valueArb, valueArb, valueArb, fc.boolean())
  .map(([a, b, c, value, dropA]): ConditionFacts => ({
    customer: dropA ? { b } : { a, b },
    context: { c },
    action: { value },
    fields: {},
  }));

function read(input: string, facts: ConditionFacts): unknown {
  const [root, key] = input.split('.') as [keyof ConditionFacts, string];
  const fact = facts[root] as Record<string, unknown>;
  return Object.hasOwn(fact, key) ? fact[key] : undefined;
}

/** The straightforward reading of the contract, recursive, on the nodes as written. */
function referenceLeaf(nodes: TreeNode[], i: number, facts: ConditionFacts): number {
  const node = nodes[i]!;
  if ('leaf' in node) return node.leaf;
  const v = read(node.input, facts);
  let left: boolean;
  if (node.categories) {
    left = v === undefined || v === null || v === '' ? node.missingLeft : node.categories.includes(String(v));
  } else {
    const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    left = Number.isFinite(x) ? x <= node.threshold! : node.missingLeft;
  }
  return referenceLeaf(nodes, left ? node.left : node.right, facts);
}

function referenceLogOdds(baseScore: number, trees: TreeNode[][], facts: ConditionFacts): number {
  let z = baseScore;
  for (const nodes of trees) z += referenceLeaf(nodes, 0, facts);
  return z;
}

const spec = (baseScore: number, trees: TreeNode[][]) =>
  inlineModelSchema.parse({ type: 'treeEnsemble', baseScore, trees: trees.map((nodes) => ({ nodes })) });

describe('tree ensemble model (properties)', () => {
  it('scores exactly as a naive recursive walk summing the leaves in tree order', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        treesArb,
        fc.array(factsArb, { minLength: 1, maxLength: 6 }),
        (baseScore, trees, factsList) => {
          const compiled = compileModel(spec(baseScore, trees));
          for (const facts of factsList) {
            expect(compiled(facts)).toBe(sigmoid(referenceLogOdds(baseScore, trees, facts)));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('explains: contributions plus the expected log-odds at the roots add up to the log-odds', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        treesArb,
        factsArb,
        (baseScore, raw, facts) => {
          const trees = raw.map(withValues);
          const contributions = explainModel(spec(baseScore, trees))!(facts);
          const rootExpectation = trees.reduce((sum, nodes) => {
            const root = nodes[0]!;
            return sum + ('leaf' in root ? root.leaf : root.value!);
          }, baseScore);
          const explained = contributions.reduce((sum, c) => sum + c.effect, rootExpectation);
          expect(explained).toBeCloseTo(referenceLogOdds(baseScore, trees, facts), 9);
          // One contribution per input, carrying the value the model read.
          expect(new Set(contributions.map((c) => c.input)).size).toBe(contributions.length);
          for (const c of contributions) expect(c.value).toBe(read(c.input, facts));
        },
      ),
      { numRuns: 400 },
    );
  });
});
