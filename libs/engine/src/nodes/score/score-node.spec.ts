import { CATALOG, linearStrategy } from '../../test-support/build-strategy';
import { decide, keptDetails, NOW } from '../../test-support/engine.test-helpers';

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
});
