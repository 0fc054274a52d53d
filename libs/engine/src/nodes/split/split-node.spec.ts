import { compileStrategy } from '../../runtime/compile-strategy';
import type { DecisionInput } from '../../runtime/types';
import { all, cmp, decide, ENV, graph, NOW, nodeTrace } from '../../test-support/engine.test-helpers';

/** Each branch marks the candidates with its number in the field `branch`, so the result shows the branch taken. */
function splitStrategy(split: unknown, branches: string[]) {
  return graph(
    [
      ['start', 'actions', { actionIds: ['data-addon'] }],
      ['split', 'split', split],
      ...branches.map((b, i): [string, string, unknown] => [
        `mark-${b}`,
        'score',
        { field: 'branch', model: { type: 'expression', expression: String(i + 1) } },
      ]),
      ['join', 'merge', {}],
      ['out', 'output', {}],
    ],
    [
      ['start', 'split'],
      ...branches.flatMap((b): [string, string, string?][] => [
        ['split', `mark-${b}`, b],
        [`mark-${b}`, 'join'],
      ]),
      ['join', 'out'],
    ],
  );
}

const BY_CONDITION = {
  mode: 'condition',
  cases: [
    { id: 'gold', label: 'Gold customers', when: all(cmp('customer', 'segment', 'equal', 'gold')) },
    { id: 'young', when: all(cmp('customer', 'age', 'lessThan', 25)) },
  ],
};
const conditionSplit = splitStrategy(BY_CONDITION, ['gold', 'young', 'default']);

const branchOf = (customer: Record<string, unknown>) =>
  decide(conditionSplit, { customer, context: { now: NOW } }, { trace: true });

describe('split node', () => {
  describe('by condition', () => {
    it.each([
      {
        name: 'takes the first case that holds',
        customer: { id: 'c1', segment: 'gold', age: 20 },
        branchNo: 1,
        trace: { branch: 'gold', notes: ['Gold customers: segment is "gold"'] },
      },
      {
        name: 'tries the cases in order',
        customer: { id: 'c1', segment: 'silver', age: 20 },
        branchNo: 2,
        trace: { branch: 'young', notes: ['young: age 20 < 25'] },
      },
      {
        name: 'takes the default branch when no case holds',
        customer: { id: 'c1', segment: 'silver', age: 40 },
        branchNo: 3,
        trace: { branch: 'default', notes: ['no case matched; default branch'] },
      },
    ])('$name', ({ customer, branchNo, trace }) => {
      const result = branchOf(customer);
      expect(result.recommendations[0]!.fields.branch).toBe(branchNo);
      expect(nodeTrace(result, 'split')).toMatchObject(trace);
    });

    it('marks the nodes of the branches not taken as not reached, and leaves them out of the path', () => {
      const result = branchOf({ id: 'c1', segment: 'gold' });
      expect(nodeTrace(result, 'mark-young')).toMatchObject({ reached: false, in: 0, out: 0 });
      expect(nodeTrace(result, 'mark-default')).toMatchObject({ reached: false });
      expect(nodeTrace(result, 'mark-gold')).toMatchObject({ reached: true, in: 1, out: 1 });
      expect(result.trace!.path).toEqual(['start', 'split', 'mark-gold', 'join', 'out']);
    });

    it('can route on the decision context', () => {
      const doc = splitStrategy(
        { mode: 'condition', cases: [{ id: 'app', when: all(cmp('context', 'channel', 'equal', 'app')) }] },
        ['app', 'default'],
      );
      expect(
        decide(doc, { customer: { id: 'c1' }, context: { now: NOW, channel: 'app' } }).recommendations[0]!
          .fields.branch,
      ).toBe(1);
      expect(
        decide(doc, { customer: { id: 'c1' }, context: { now: NOW, channel: 'web' } }).recommendations[0]!
          .fields.branch,
      ).toBe(2);
    });
  });

  describe('by percentage', () => {
    const config = (salt: string, extra: Record<string, unknown> = {}) => ({
      mode: 'percentage',
      salt,
      branches: [
        { id: 'champion', percent: 70 },
        { id: 'challenger', percent: 20 },
        { id: 'holdout', percent: 10 },
      ],
      ...extra,
    });
    const branchesOf = (salt: string, ids: string[], extra?: Record<string, unknown>) => {
      const compiled = compileStrategy(
        splitStrategy(config(salt, extra), ['champion', 'challenger', 'holdout']),
        ENV,
      );
      const inputs: DecisionInput[] = ids.map((id) => ({ customer: { id }, context: { now: NOW } }));
      return compiled.decideBatch(inputs).map((r) => r.recommendations[0]!.fields.branch);
    };
    const customerIds = (n: number) => Array.from({ length: n }, (_, i) => `cust-${i + 1}`);

    it('always sends the same customer down the same branch, also after recompiling', () => {
      const first = branchesOf('q3-test', customerIds(200));
      expect(branchesOf('q3-test', customerIds(200))).toEqual(first);
      expect(new Set(first).size).toBe(3);
    });

    it('reshuffles customers when the salt changes', () => {
      const a = branchesOf('q3-test', customerIds(1000));
      const b = branchesOf('q4-test', customerIds(1000));
      const moved = a.filter((branch, i) => branch !== b[i]).length;
      expect(moved).toBeGreaterThan(300);
    });

    it('splits 20,000 customers within 1.5 percentage points of 70 / 20 / 10', () => {
      const branches = branchesOf('champion-challenger', customerIds(20_000));
      const share = (n: number) => (100 * branches.filter((b) => b === n).length) / branches.length;
      expect(Math.abs(share(1) - 70)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(share(2) - 20)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(share(3) - 10)).toBeLessThanOrEqual(1.5);
    });

    it('reads the customer id from the configured field', () => {
      const byAccount = branchesOf('s', customerIds(50), { idField: 'account' });
      // every customer here lacks "account", so all land in the same branch
      expect(new Set(byAccount).size).toBe(1);
      const compiled = compileStrategy(
        splitStrategy(config('s', { idField: 'account' }), ['champion', 'challenger', 'holdout']),
        ENV,
      );
      const viaAccount = compiled.decide({ customer: { id: 'x', account: 'cust-7' }, context: { now: NOW } });
      expect(viaAccount.recommendations[0]!.fields.branch).toBe(branchesOf('s', ['cust-7'])[0]);
    });

    it('shows the bucket and the branch in the trace', () => {
      const compiled = compileStrategy(
        splitStrategy(config('s'), ['champion', 'challenger', 'holdout']),
        ENV,
      );
      const trace = compiled.decide(
        { customer: { id: 'cust-1' }, context: { now: NOW } },
        { trace: true },
      ).trace!;
      const split = trace.nodes.find((n) => n.nodeId === 'split')!;
      expect(split.branch).toMatch(/^(champion|challenger|holdout)$/);
      expect(split.notes).toEqual([
        expect.stringMatching(new RegExp(`^bucket \\d+(\\.\\d+)?% → ${split.branch}$`)),
      ]);
      const bucket = Number(/^bucket ([\d.]+)%/.exec(split.notes![0]!)![1]);
      expect(split.branch).toBe(bucket < 70 ? 'champion' : bucket < 90 ? 'challenger' : 'holdout');
      const noId = compiled.decide({ customer: {}, context: { now: NOW } }, { trace: true }).trace!;
      expect(noId.nodes.find((n) => n.nodeId === 'split')!.notes![0]).toMatch(
        /^customer has no id; everyone without one lands in /,
      );
    });
  });
});
