import { CATALOG, linearStrategy } from '../../test-support/build-strategy';
import {
  action,
  all,
  cmp,
  constantScores,
  decide,
  dropped,
  ids,
  NOW,
  nodeTrace,
} from '../../test-support/engine.test-helpers';

const strategy = (config: unknown) =>
  linearStrategy([
    ['actions', {}],
    ['filter', config],
    ['output', {}],
  ]);
const customer = (fields: Record<string, unknown>) => ({
  customer: { id: 'c1', ...fields },
  context: { now: NOW },
});
const EVERYONE = ['loyalty-discount', 'retention-call', 'data-addon', 'fibre-upgrade', 'bill-followup'];

describe('filter node', () => {
  describe('common condition', () => {
    const adults = strategy({ condition: all(cmp('customer', 'age', 'greaterThanInclusive', 18)) });

    it('keeps every candidate when the customer meets it', () => {
      expect(ids(decide(adults, customer({ age: 18 })))).toEqual(EVERYONE);
    });

    it('drops every candidate when the customer does not, and the trace says "age 17 is not ≥ 18"', () => {
      const result = decide(adults, customer({ age: 17 }), { trace: true });
      expect(ids(result)).toEqual([]);
      expect(nodeTrace(result, 'n2')).toMatchObject({ in: 5, out: 0 });
      expect(Object.values(dropped(result, 'n2'))).toEqual(Array(5).fill('age 17 is not ≥ 18'));
    });

    it('says the field is missing when the customer has no age', () => {
      expect(dropped(decide(adults, customer({}), { trace: true }), 'n2')['data-addon']).toBe(
        'age is missing (needs ≥ 18)',
      );
    });

    it('tests action properties per candidate', () => {
      const result = decide(
        strategy({ condition: all(cmp('action', 'value', 'greaterThan', 30)) }),
        customer({}),
        { trace: true },
      );
      expect(ids(result)).toEqual(['loyalty-discount', 'retention-call', 'fibre-upgrade']);
      expect(dropped(result, 'n2')).toEqual({
        'data-addon': 'action value 25 is not > 30',
        'bill-followup': 'action value 10 is not > 30',
      });
    });

    it('tests fields computed by earlier nodes', () => {
      const doc = linearStrategy([
        ['actions', {}],
        ['score', constantScores({ 'loyalty-discount': 0.6, 'data-addon': 0.2, 'fibre-upgrade': 0.05 })],
        ['filter', { condition: all(cmp('fields', 'propensity', 'greaterThanInclusive', 0.2)) }],
        ['output', {}],
      ]);
      const result = decide(doc, customer({}), { trace: true });
      expect(ids(result)).toEqual(['loyalty-discount', 'data-addon']);
      expect(dropped(result, 'n3')['fibre-upgrade']).toBe('propensity 0.05 is not ≥ 0.2');
      expect(dropped(result, 'n3')['retention-call']).toBe('propensity is missing (needs ≥ 0.2)');
    });
  });

  describe('rules per group and per action', () => {
    const doc = strategy({
      byGroup: { retention: all(cmp('customer', 'churnRisk', 'greaterThan', 0.3)) },
      byAction: { 'fibre-upgrade': all(cmp('customer', 'fibreAvailable', 'equal', true)) },
    });

    it('applies a group rule only to the actions of that group', () => {
      const result = decide(doc, customer({ churnRisk: 0.2, fibreAvailable: true }), { trace: true });
      expect(ids(result)).toEqual(['data-addon', 'fibre-upgrade', 'bill-followup']);
      expect(dropped(result, 'n2')).toEqual({
        'loyalty-discount': 'group retention rule: churn risk 0.2 is not > 0.3',
        'retention-call': 'group retention rule: churn risk 0.2 is not > 0.3',
      });
    });

    it('applies an action rule only to that action, naming the action in the trace', () => {
      const result = decide(doc, customer({ churnRisk: 0.5 }), { trace: true });
      expect(ids(result)).toEqual(['loyalty-discount', 'retention-call', 'data-addon', 'bill-followup']);
      expect(dropped(result, 'n2')).toEqual({
        'fibre-upgrade': 'rule for Fibre upgrade: fibre available is missing (needs true)',
      });
    });

    it('requires the common, the group and the action rule all to hold', () => {
      const both = strategy({
        condition: all(cmp('action', 'value', 'greaterThanInclusive', 40)),
        byGroup: { retention: all(cmp('customer', 'churnRisk', 'greaterThan', 0.3)) },
        byAction: { 'retention-call': all(cmp('customer', 'callConsent', 'equal', true)) },
      });
      const result = decide(both, customer({ churnRisk: 0.5, callConsent: false }), { trace: true });
      expect(ids(result)).toEqual(['loyalty-discount', 'fibre-upgrade']);
      expect(dropped(result, 'n2')['retention-call']).toBe(
        'rule for Retention call: call consent is false, not true',
      );
      expect(dropped(result, 'n2')['data-addon']).toBe('action value 25 is not ≥ 40');
    });
  });

  describe('when several rules fail', () => {
    const doc = strategy({
      condition: all(
        cmp('customer', 'age', 'greaterThanInclusive', 18),
        cmp('customer', 'churnRisk', 'lessThan', 0.8),
        cmp('action', 'value', 'greaterThan', 30),
      ),
      byGroup: { retention: all(cmp('customer', 'callConsent', 'equal', true)) },
      byAction: { 'retention-call': all(cmp('customer', 'segment', 'in', ['gold'])) },
    });
    const facts = customer({ age: 17, churnRisk: 0.9, callConsent: false, segment: 'bronze' });

    it('names every failing comparison of the condition and every failing rule, in order', () => {
      const result = decide(doc, facts, { trace: true });
      expect(ids(result)).toEqual([]);
      expect(dropped(result, 'n2')).toEqual({
        'loyalty-discount':
          'age 17 is not ≥ 18 and churn risk 0.9 is not < 0.8; group retention rule: call consent is false, not true',
        'retention-call':
          'age 17 is not ≥ 18 and churn risk 0.9 is not < 0.8; group retention rule: call consent is false, not true; rule for Retention call: segment "bronze" is not one of "gold"',
        'data-addon': 'age 17 is not ≥ 18 and churn risk 0.9 is not < 0.8 and action value 25 is not > 30',
        'fibre-upgrade': 'age 17 is not ≥ 18 and churn risk 0.9 is not < 0.8',
        'bill-followup': 'age 17 is not ≥ 18 and churn risk 0.9 is not < 0.8 and action value 10 is not > 30',
      });
    });

    it('gives the same verdicts without the trace', () => {
      expect(ids(decide(doc, facts))).toEqual([]);
      expect(
        ids(decide(doc, customer({ age: 40, churnRisk: 0.1, callConsent: true, segment: 'gold' }))),
      ).toEqual(['loyalty-discount', 'retention-call', 'fibre-upgrade']);
    });
  });

  describe('a condition on the customer only (tested once per decision)', () => {
    const doc = strategy({
      condition: all(cmp('customer', 'age', 'greaterThanInclusive', 18)),
      byGroup: { upsell: all(cmp('customer', 'segment', 'in', ['gold', 'silver'])) },
    });

    it('still lets the group rules decide per candidate when it holds', () => {
      const result = decide(doc, customer({ age: 30, segment: 'bronze' }), { trace: true });
      expect(ids(result)).toEqual(['loyalty-discount', 'retention-call', 'bill-followup']);
      expect(dropped(result, 'n2')['data-addon']).toBe(
        'group upsell rule: segment "bronze" is not one of "gold", "silver"',
      );
    });

    it('drops every candidate when it fails, naming it and every group rule that fails too', () => {
      const result = decide(doc, customer({ age: 16, segment: 'bronze' }), { trace: true });
      expect(ids(result)).toEqual([]);
      expect(dropped(result, 'n2')['data-addon']).toBe(
        'age 16 is not ≥ 18; group upsell rule: segment "bronze" is not one of "gold", "silver"',
      );
      expect(dropped(result, 'n2')['loyalty-discount']).toBe('age 16 is not ≥ 18');
    });
  });

  describe('a condition json-rules-engine would throw on', () => {
    // "in" against another fact that is not a list: json-rules-engine's run fails.
    const doc = strategy({
      condition: all(cmp('customer', 'segment', 'in', { fact: 'action', path: '$.segments' })),
    });
    const env = {
      actions: [
        action('gold-card', { attributes: { segments: ['gold'] } }),
        action('silver-card', { attributes: { segments: ['silver'] } }),
        action('no-segments'),
      ],
    };

    it('drops only the candidates it cannot be evaluated for', () => {
      expect(ids(decide(doc, customer({ segment: 'gold' }), {}, env))).toEqual(['gold-card']);
    });

    it('says in the trace what could not be compared', () => {
      const reasons = dropped(decide(doc, customer({ segment: 'gold' }), { trace: true }, env), 'n2');
      expect(reasons['silver-card']).toBe('segment "gold" is not one of action segments ("silver")');
      expect(reasons['no-segments']).toMatch(/^segment could not be compared with action segments\b/);
    });

    it('drops every candidate when the customer-only condition cannot be evaluated', () => {
      const customerOnly = strategy({
        condition: all(cmp('customer', 'segment', 'in', { fact: 'customer', path: '$.allowedSegments' })),
      });
      const result = decide(
        customerOnly,
        customer({ segment: 'gold', allowedSegments: 7 }),
        { trace: true },
        { actions: CATALOG },
      );
      expect(ids(result)).toEqual([]);
      expect(dropped(result, 'n2')['data-addon']).toMatch(
        /^segment could not be compared with allowed segments\b/,
      );
    });
  });
});
