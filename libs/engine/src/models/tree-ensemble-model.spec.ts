import { CATALOG } from '../test-support/build-strategy';
import { expectOnlyProblem } from '../test-support/engine.test-helpers';
import { modelProblems, score, sigmoid } from '../test-support/models.test-helpers';
import { compileModel, explainModel, inlineModelSchema, summarizeModel } from './model-spec';
import type { TreeNode } from './tree-ensemble-model';

const ensemble = (trees: TreeNode[][], baseScore = -1) => ({
  type: 'treeEnsemble',
  baseScore,
  trees: trees.map((nodes) => ({ nodes })),
});

// age ≤ 30 → +0.5, else −0.25; a missing age goes right.
const BY_AGE: TreeNode[] = [
  { input: 'customer.age', threshold: 30, missingLeft: false, left: 1, right: 2, value: 0.1 },
  { leaf: 0.5 },
  { leaf: -0.25 },
];
// segment gold/silver → +1, else −1; a missing segment goes left.
const BY_SEGMENT: TreeNode[] = [
  { input: 'customer.segment', categories: ['gold', 'silver'], missingLeft: true, left: 1, right: 2 },
  { leaf: 1 },
  { leaf: -1 },
];

describe('tree ensemble model', () => {
  it('adds the leaf each tree reaches to the base score, as log-odds', () => {
    const m = ensemble([BY_AGE, BY_SEGMENT]);
    expect(score(m, { customer: { age: 25, segment: 'gold' } })).toBe(sigmoid(-1 + 0.5 + 1));
    expect(score(m, { customer: { age: 30, segment: 'bronze' } })).toBe(sigmoid(-1 + 0.5 + -1));
    expect(score(m, { customer: { age: 31, segment: 'silver' } })).toBe(sigmoid(-1 + -0.25 + 1));
  });

  it('sends a missing or non-numeric value the missingLeft way at a numeric split', () => {
    const right = sigmoid(-1 - 0.25);
    for (const age of [undefined, null, '', 'young', true, Number.NaN, Infinity]) {
      expect(score(ensemble([BY_AGE]), { customer: { age } })).toBe(right);
    }
    const leftWhenMissing: TreeNode[] = [
      { ...BY_AGE[0]!, missingLeft: true } as TreeNode,
      BY_AGE[1]!,
      BY_AGE[2]!,
    ];
    expect(score(ensemble([leftWhenMissing]), { customer: {} })).toBe(sigmoid(-1 + 0.5));
  });

  it('reads numbers written as text, as logistic terms do', () => {
    expect(score(ensemble([BY_AGE]), { customer: { age: '25' } })).toBe(sigmoid(-0.5));
    expect(score(ensemble([BY_AGE]), { customer: { age: ' 45 ' } })).toBe(sigmoid(-1.25));
  });

  it('matches categories by text and sends a missing value the missingLeft way', () => {
    const m = ensemble([BY_SEGMENT]);
    expect(score(m, { customer: { segment: 'silver' } })).toBe(sigmoid(0));
    expect(score(m, { customer: { segment: 'constructor' } })).toBe(sigmoid(-2));
    expect(score(m, { customer: {} })).toBe(sigmoid(0));
    expect(score(m, { customer: { segment: '' } })).toBe(sigmoid(0));
    const yes = ensemble([
      [
        { input: 'customer.housing', categories: ['true', '3'], missingLeft: false, left: 1, right: 2 },
        { leaf: 2 },
        { leaf: 0 },
      ],
    ]);
    expect(score(yes, { customer: { housing: true } })).toBe(sigmoid(1));
    expect(score(yes, { customer: { housing: 3 } })).toBe(sigmoid(1));
    expect(score(yes, { customer: { housing: false } })).toBe(sigmoid(-1));
    expect(score(yes, { customer: { housing: null } })).toBe(sigmoid(-1));
  });

  it('matches categories among many values, splits listing few or many of them', () => {
    const values = Array.from({ length: 70 }, (_, i) => `s${i}`);
    const on = (categories: string[], missingLeft: boolean, leaf: number): TreeNode[] => [
      { input: 'customer.segment', categories, missingLeft, left: 1, right: 2 },
      { leaf },
      { leaf: 0 },
    ];
    const m = ensemble(
      [
        on(values.slice(0, 60), false, 1),
        on(['s65'], false, 2),
        on(['s3', 's40', 's69'], true, 4),
        on([], true, 8),
        on([], false, 16),
      ],
      0,
    );
    const expected = (segment: unknown) => {
      const listed = (categories: string[], missingLeft: boolean) =>
        segment === undefined ? missingLeft : categories.includes(String(segment));
      return sigmoid(
        (listed(values.slice(0, 60), false) ? 1 : 0) +
          (listed(['s65'], false) ? 2 : 0) +
          (listed(['s3', 's40', 's69'], true) ? 4 : 0) +
          (listed([], true) ? 8 : 0),
      );
    };
    for (const segment of [...values, 's70', 'gold', undefined]) {
      expect(score(m, { customer: { segment } })).toBe(expected(segment));
    }
  });

  it('splits one input by threshold in one tree and by categories in another', () => {
    const m = ensemble(
      [
        [
          { input: 'customer.age', threshold: 30, missingLeft: true, left: 1, right: 2 },
          { leaf: 1 },
          { leaf: 0 },
        ],
        [
          { input: 'customer.age', categories: ['40'], missingLeft: false, left: 1, right: 2 },
          { leaf: 2 },
          { leaf: 0 },
        ],
      ],
      0,
    );
    expect(score(m, { customer: { age: 25 } })).toBe(sigmoid(1));
    expect(score(m, { customer: { age: 40 } })).toBe(sigmoid(2));
    expect(score(m, { customer: { age: '40' } })).toBe(sigmoid(2));
    expect(score(m, { customer: { age: 'forty' } })).toBe(sigmoid(1));
    expect(score(m, { customer: {} })).toBe(sigmoid(1));
  });

  it('walks deep trees, a single leaf tree, and reads the action per candidate', () => {
    const deep: TreeNode[] = [
      { input: 'action.value', threshold: 50, missingLeft: false, left: 1, right: 4 },
      { input: 'customer.age', threshold: 40, missingLeft: true, left: 2, right: 3 },
      { leaf: 0.1 },
      { leaf: 0.2 },
      { leaf: 0.3 },
    ];
    const m = ensemble([deep, [{ leaf: 0.05 }]], 0);
    expect(score(m, { action: { value: 40 }, customer: { age: 60 } })).toBe(sigmoid(0.2 + 0.05));
    expect(score(m, { action: { value: 40 } })).toBe(sigmoid(0.1 + 0.05));
    expect(score(m, { action: { value: 400 } })).toBe(sigmoid(0.3 + 0.05));
  });

  it('says what it is in one line', () => {
    const spec = inlineModelSchema.parse(ensemble([BY_AGE, BY_SEGMENT, [{ leaf: 1 }]]));
    expect(summarizeModel(spec)).toBe('tree ensemble: 3 trees, 2 splits');
  });

  it('refuses to compile a tree a path of which would not end in a leaf', () => {
    const spec = inlineModelSchema.parse(
      ensemble([[{ input: 'customer.age', threshold: 1, missingLeft: false, left: 1, right: 1 }]]),
    );
    expect(() => compileModel(spec)).toThrow(/left child 1 does not exist: tree 0 has 1 node/);
  });

  describe('explanation', () => {
    it('credits each step of the path to the split input: child value − parent value, summed over the trees', () => {
      const withValues: TreeNode[] = [
        { input: 'customer.age', threshold: 30, missingLeft: false, left: 1, right: 2, value: 0.1 },
        {
          input: 'customer.segment',
          categories: ['gold'],
          missingLeft: false,
          left: 3,
          right: 4,
          value: 0.4,
        },
        { leaf: -0.2 },
        { leaf: 0.9 },
        { leaf: 0.3 },
      ];
      const explain = explainModel(inlineModelSchema.parse(ensemble([withValues, BY_AGE])))!;
      const contributions = explain({
        customer: { age: 20, segment: 'gold' },
        context: {},
        action: {},
        fields: {},
      });
      expect(contributions).toEqual([
        { input: 'customer.age', value: 20, effect: expect.closeTo(0.4 - 0.1 + (0.5 - 0.1), 12) },
        { input: 'customer.segment', value: 'gold', effect: expect.closeTo(0.9 - 0.4, 12) },
      ]);
    });

    it('gives a split without a value its parent’s, so the leaf goes to the last split', () => {
      const explain = explainModel(inlineModelSchema.parse(ensemble([BY_SEGMENT])))!;
      expect(explain({ customer: { segment: 'bronze' }, context: {}, action: {}, fields: {} })).toEqual([
        { input: 'customer.segment', value: 'bronze', effect: -1 },
      ]);
    });
  });

  describe('validation', () => {
    const env = {
      actions: CATALOG,
      schema: {
        customer: [
          { name: 'age', type: 'number' as const },
          { name: 'segment', type: 'string' as const, allowedValues: ['gold', 'silver', 'bronze'] },
          { name: 'housing', type: 'boolean' as const },
          { name: 'joined', type: 'date' as const },
        ],
      },
    };
    const split = (over: Record<string, unknown>): TreeNode[] =>
      [
        { input: 'customer.age', threshold: 30, missingLeft: false, left: 1, right: 2, ...over },
        { leaf: 0.5 },
        { leaf: -0.5 },
      ] as TreeNode[];

    it('accepts a well-formed ensemble', () => {
      expect(modelProblems(ensemble([BY_AGE, BY_SEGMENT]), env)).toEqual([]);
    });

    it('reports a child that does not exist, or does not come after its parent, on the child', () => {
      const problems = modelProblems(
        ensemble([
          BY_AGE,
          [
            { input: 'customer.age', threshold: 30, missingLeft: false, left: 1, right: 5 },
            { input: 'customer.age', threshold: 20, missingLeft: false, left: 0, right: 2 },
            { leaf: 1 },
          ],
        ]),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          code: 'out_of_range',
          nodeId: 'n2',
          field: 'config.model.trees[1].nodes[0].right',
          message: 'right child 5 does not exist: tree 1 has 3 nodes (0 to 2)',
        }),
        expect.objectContaining({
          code: 'invalid_config',
          field: 'config.model.trees[1].nodes[1].left',
          message:
            'left child 0 does not come after node 1: a child has a higher index than its parent, so that no path loops back',
        }),
      ]);
    });

    it('asks for exactly one of threshold and categories', () => {
      const both = modelProblems(ensemble([split({ categories: ['1'] })]));
      expectOnlyProblem(both, {
        code: 'invalid_config',
        field: 'config.model.trees[0].nodes[0].threshold',
        message: 'a split has either a threshold (numbers) or categories (values), not both',
      });
      const neither = modelProblems(ensemble([split({ threshold: undefined })]));
      expectOnlyProblem(neither, {
        field: 'config.model.trees[0].nodes[0]',
        message: expect.stringMatching(/^a split needs a threshold .* or categories/),
      });
    });

    it('reports a node that is neither a leaf nor a split, so that a path would not end in a leaf', () => {
      const problems = modelProblems(
        ensemble([
          split({ right: 2 })
            .slice(0, 2)
            .concat([{} as TreeNode]),
        ]),
      );
      expectOnlyProblem(problems, {
        code: 'invalid_config',
        field: 'config.model.trees[0].nodes[2]',
        message: expect.stringContaining('node 2 of tree 0 is neither a leaf nor a split'),
      });
    });

    it('reports a node that is a leaf and a split at once, and a split without missingLeft or children', () => {
      const problems = modelProblems(
        ensemble([[{ input: 'customer.age', threshold: 3, leaf: 1 } as unknown as TreeNode]]),
      );
      expect(problems.map((p) => p.message)).toEqual([
        'node 0 of tree 0 has a leaf value and split settings (input, threshold); a node is either a leaf or a split',
      ]);
      const incomplete = modelProblems(
        ensemble([[{ input: 'customer.age', threshold: 3 } as TreeNode, { leaf: 1 }]]),
      );
      expect(incomplete.map((p) => [p.field, p.message])).toEqual([
        [
          'config.model.trees[0].nodes[0].missingLeft',
          'a split needs "missingLeft": true or false, the way a missing value goes',
        ],
        ['config.model.trees[0].nodes[0].left', 'a split needs "left": the index of its left child'],
        ['config.model.trees[0].nodes[0].right', 'a split needs "right": the index of its right child'],
      ]);
    });

    it('lists at most 20 structural problems and counts the rest', () => {
      const broken = Array.from({ length: 30 }, () => [{} as TreeNode]);
      const problems = modelProblems(ensemble(broken));
      expect(problems).toHaveLength(21);
      expect(problems[20]).toMatchObject({
        field: 'config.model.trees',
        message: 'and 10 more problems in the trees',
      });
    });

    it('reports a numeric threshold on a field that is not a number, once for all the splits that do it', () => {
      const onText = split({ input: 'customer.segment' });
      const problems = modelProblems(ensemble([onText, onText, onText]), env);
      expectOnlyProblem(problems, {
        code: 'type_mismatch',
        field: 'config.model.trees[0].nodes[0].threshold',
        message:
          'segment is text: a threshold compares numbers, so every value would go the missing-value way; split on "categories" (the values that go left) instead (and 2 other splits)',
      });
      expect(modelProblems(ensemble([split({ input: 'customer.housing' })]), env)[0]!.message).toMatch(
        /^housing is true\/false: .* split on "categories": \["true"\] instead$/,
      );
      expect(modelProblems(ensemble([split({ input: 'customer.joined' })]), env)[0]!.code).toBe(
        'type_mismatch',
      );
    });

    it('checks categories against the field: "true"/"false" for true/false, numbers, allowed values', () => {
      const cats = (input: string, categories: string[]) =>
        split({ input, threshold: undefined, categories });
      expectOnlyProblem(modelProblems(ensemble([cats('customer.housing', ['yes'])]), env), {
        code: 'type_mismatch',
        field: 'config.model.trees[0].nodes[0].categories[0]',
        message: 'housing is true/false: use "true" and "false" as the categories, not "yes"',
      });
      expect(modelProblems(ensemble([cats('customer.housing', ['true'])]), env)).toEqual([]);
      expectOnlyProblem(modelProblems(ensemble([cats('customer.age', ['3', 'three'])]), env), {
        code: 'type_mismatch',
        field: 'config.model.trees[0].nodes[0].categories[1]',
      });
      expectOnlyProblem(modelProblems(ensemble([cats('customer.segment', ['gold', 'platinum'])]), env), {
        code: 'unknown_value',
        message: expect.stringMatching(/^"platinum" is not an allowed value of segment/),
      });
    });

    it('checks each input once: not an input, or not in the schema', () => {
      const problems = modelProblems(
        ensemble([split({ input: 'age' }), split({ input: 'age' }), split({ input: 'customer.income' })]),
        env,
      );
      expect(problems).toEqual([
        expect.objectContaining({
          code: 'invalid_config',
          field: 'config.model.trees[0].nodes[0].input',
          message: expect.stringContaining('"age" is not an input'),
        }),
        expect.objectContaining({
          code: 'unknown_field',
          field: 'config.model.trees[2].nodes[0].input',
          message: 'customer field "income" is not in the declared customer schema',
        }),
      ]);
    });

    it('reports more trees than allowed, and an empty tree, as out of range', () => {
      const tooMany = Array.from({ length: 2001 }, () => [{ leaf: 0 } as TreeNode]);
      expectOnlyProblem(modelProblems(ensemble(tooMany)), {
        code: 'out_of_range',
        field: 'config.model.trees',
      });
      expectOnlyProblem(modelProblems(ensemble([[]])), {
        code: 'out_of_range',
        field: 'config.model.trees[0].nodes',
      });
    });
  });
});
