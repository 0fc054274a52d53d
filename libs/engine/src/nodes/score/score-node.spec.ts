import type { DecideOptions } from '../../runtime/types';
import { CATALOG, linearStrategy } from '../../test-support/build-strategy';
import { decide, keptDetails, nodeTrace, NOW } from '../../test-support/engine.test-helpers';

const strategy = (config: unknown) =>
  linearStrategy([
    ['actions', {}],
    ['score', config],
    ['output', {}],
  ]);
const constant = (n: number) => ({ type: 'expression', expression: String(n) });
const customer = { customer: { id: 'c1', churnRisk: 0.5 }, context: { now: NOW } };

function fieldsById(result: ReturnType<typeof decide>): Record<string, Record<string, number>> {
  return Object.fromEntries(result.recommendations.map((r) => [r.actionId, r.fields]));
}

describe('score node', () => {
  it('writes the propensity by default', () => {
    const result = decide(strategy({ model: { type: 'logistic', intercept: 0, terms: [] } }), customer);
    expect(result.recommendations.map((r) => r.propensity)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('writes the field it is told to, leaving the propensity unset', () => {
    const result = decide(
      strategy({ field: 'margin', model: { type: 'expression', expression: 'action.value * 0.1' } }),
      customer,
    );
    const retentionCall = result.recommendations.find((r) => r.actionId === 'retention-call')!;
    expect(retentionCall.fields).toEqual({ margin: 12 });
    expect(retentionCall.propensity).toBeUndefined();
  });

  it('uses the model of the action over the model of its group over the default model', () => {
    const doc = strategy({
      model: constant(0.1),
      byGroup: { retention: constant(0.2) },
      byAction: { 'retention-call': constant(0.3) },
    });
    const fields = fieldsById(decide(doc, customer));
    expect(fields['retention-call']!.propensity).toBe(0.3);
    expect(fields['loyalty-discount']!.propensity).toBe(0.2);
    expect(fields['data-addon']!.propensity).toBe(0.1);
    expect(fields['bill-followup']!.propensity).toBe(0.1);
  });

  it('reads each candidate’s action and the customer', () => {
    const doc = strategy({
      model: {
        type: 'logistic',
        intercept: -2,
        terms: [
          { input: 'customer.churnRisk', weight: 2 },
          { input: 'action.value', weight: 0.01 },
        ],
      },
    });
    const fields = fieldsById(decide(doc, customer));
    expect(fields['fibre-upgrade']!.propensity).toBeCloseTo(1 / (1 + Math.exp(-(-2 + 1 + 2))), 12);
    expect(fields['data-addon']!.propensity).toBeCloseTo(1 / (1 + Math.exp(-(-2 + 1 + 0.25))), 12);
  });

  it('uses a model from the model registry', () => {
    const env = {
      actions: CATALOG,
      models: { 'churn-v3': { type: 'logistic' as const, intercept: 1, terms: [] } },
    };
    const result = decide(strategy({ model: { type: 'registry', modelId: 'churn-v3' } }), customer, {}, env);
    expect(result.recommendations[0]!.propensity).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });

  it('leaves the field unset, with a note in the trace, for an action no model applies to', () => {
    const result = decide(strategy({ byGroup: { retention: constant(0.4) } }), customer, { trace: true });
    const fields = fieldsById(result);
    expect(fields['loyalty-discount']).toEqual({ propensity: 0.4 });
    expect(fields['data-addon']).toEqual({});
    const details = keptDetails(result, 'n2');
    expect(details['data-addon']).toEqual({ note: 'no model applies to data-addon; propensity not set' });
    expect(details['loyalty-discount']).toBeUndefined();
  });

  it('leaves the field unset, with a note, when the model gives no number for these inputs', () => {
    const table = {
      type: 'decisionTable',
      hitPolicy: 'first',
      inputs: ['customer.segment'],
      rules: [{ when: [{ operator: 'equal', value: 'gold' }], output: 0.7 }],
    };
    const result = decide(
      strategy({ model: table }),
      { customer: { id: 'c1', segment: 'bronze' }, context: { now: NOW } },
      { trace: true },
    );
    expect(result.recommendations[0]!.fields).toEqual({});
    expect(keptDetails(result, 'n2')['loyalty-discount']).toEqual({
      note: 'the model gave no propensity (missing inputs)',
    });
  });

  it('replaces an earlier score of the same field', () => {
    const doc = linearStrategy([
      ['actions', {}],
      ['score', { model: constant(0.9) }],
      ['score', { model: constant(0.2) }],
      ['output', {}],
    ]);
    expect(decide(doc, customer).recommendations[0]!.propensity).toBe(0.2);
  });

  describe('explanation of a traced decision', () => {
    const schema = {
      customer: [
        { name: 'id', type: 'string' as const },
        { name: 'balance', type: 'number' as const },
        { name: 'nbContacts', type: 'number' as const, label: 'contacts' },
        { name: 'housing', type: 'boolean' as const },
        { name: 'age', type: 'number' as const },
      ],
    };
    const logistic = {
      type: 'logistic',
      intercept: 0.67,
      terms: [
        { input: 'customer.age', weight: 0.001 },
        { input: 'customer.balance', weight: 0.0001, center: 7900 },
        { input: 'customer.nbContacts', weight: -0.075 },
        { input: 'customer.housing', categories: { true: 0.12 } },
      ],
    };
    const person = {
      customer: { id: 'c1', balance: 12000, nbContacts: 4, housing: true, age: 40 },
      context: { now: NOW },
    };
    /** The person scored by the logistic model above, with these decide options. */
    const decidePerson = (options: DecideOptions) =>
      decide(strategy({ model: logistic }), person, options, { actions: CATALOG, schema });
    const WORDS =
      'propensity 0.85: balance 12000 raised it (+0.41); contacts 4 lowered it (\u22120.30); housing true raised it (+0.12)';

    it('gives each kept candidate the 3 inputs that moved its score most, in words and numbers', () => {
      const result = decidePerson({ trace: true });
      expect(result.recommendations[0]!.propensity).toBeCloseTo(1 / (1 + Math.exp(-1.73)), 12);
      expect(keptDetails(result, 'n2')['data-addon']).toEqual({
        explanation: WORDS,
        contributions: [
          { input: 'customer.balance', value: 12000, effect: expect.closeTo(0.41, 12) },
          { input: 'customer.nbContacts', value: 4, effect: expect.closeTo(-0.3, 12) },
          { input: 'customer.housing', value: true, effect: 0.12 },
        ],
      });
    });

    it('says it once in the step’s notes when every candidate got the same score', () => {
      const result = decidePerson({ trace: true });
      expect(nodeTrace(result, 'n2').notes).toEqual([WORDS]);
    });

    it('adds nothing when not traced, or traced as counts only', () => {
      expect(decidePerson({}).trace).toBeUndefined();
      const counts = nodeTrace(decidePerson({ trace: 'counts' }), 'n2');
      expect(counts).not.toHaveProperty('notes');
      expect(counts).not.toHaveProperty('kept');
    });

    it('names the action on each line when the scores differ, and explains with the fields as they came in', () => {
      const doc = linearStrategy([
        ['actions', { actionIds: ['data-addon', 'loyalty-discount'] }],
        ['score', { field: 'affinity', model: { type: 'expression', expression: 'action.value / 100' } }],
        [
          'score',
          {
            model: {
              type: 'logistic',
              intercept: 0,
              terms: [
                { input: 'fields.affinity', weight: 2 },
                { input: 'fields.propensity', weight: 1, missingWeight: -0.5 },
              ],
            },
          },
        ],
        ['output', {}],
      ]);
      const result = decide(doc, customer, { trace: true });
      expect(nodeTrace(result, 'n3').notes).toEqual([
        'loyalty-discount: propensity 0.57: affinity 0.4 raised it (+0.80); propensity missing lowered it (\u22120.50)',
        'data-addon: propensity 0.5: affinity 0.25 raised it (+0.50); propensity missing lowered it (\u22120.50)',
      ]);
    });

    it('explains a tree ensemble from the registry by its path contributions', () => {
      const trees = {
        type: 'treeEnsemble' as const,
        baseScore: -1,
        trees: [
          {
            nodes: [
              { input: 'customer.balance', threshold: 5000, missingLeft: true, left: 1, right: 2, value: 0 },
              { leaf: -0.2 },
              { leaf: 0.6 },
            ],
          },
        ],
      };
      const env = { actions: CATALOG, schema, models: { 'gbdt@3': trees } };
      const result = decide(
        strategy({ model: { type: 'registry', modelId: 'gbdt', version: 3 } }),
        person,
        { trace: true },
        env,
      );
      expect(nodeTrace(result, 'n2').notes).toEqual(['propensity 0.4: balance 12000 raised it (+0.60)']);
    });

    it('says so when no input moved the score', () => {
      const result = decide(strategy({ model: { type: 'logistic', intercept: 0, terms: [] } }), customer, {
        trace: true,
      });
      expect(nodeTrace(result, 'n2').notes).toEqual(['propensity 0.5: no input raised or lowered it']);
    });
  });
});
