import { sampleFromSchema } from './sample-customer';

describe('sampleFromSchema', () => {
  it('gives every declared field a plausible value', () => {
    const input = sampleFromSchema({
      customer: [
        { name: 'age', type: 'number' },
        { name: 'segment', type: 'string', allowedValues: ['gold', 'silver'] },
        { name: 'hasCard', type: 'boolean' },
      ],
      context: [{ name: 'channel', type: 'string', allowedValues: ['web'] }],
    });
    expect(input).toEqual({
      customer: { id: 'test-customer-1', age: 35, segment: 'gold', hasCard: false },
      context: { channel: 'web' },
    });
  });

  it('keeps to the fields the strategy reads, so one business line is not tested with another one’s fields', () => {
    const schema = {
      customer: [
        { name: 'ageYears', type: 'number' as const },
        { name: 'churnRisk', type: 'number' as const },
        { name: 'destination', type: 'string' as const, allowedValues: ['Home', 'Work'] },
      ],
    };
    const retail = {
      nodes: [
        {
          type: 'filter',
          config: {
            condition: {
              all: [{ fact: 'customer', path: '$.ageYears', operator: 'greaterThan', value: 17 }],
            },
          },
        },
        { type: 'score', config: { model: { type: 'expression', expression: '0.1 + customer.churnRisk' } } },
      ],
    };
    expect(sampleFromSchema(schema, retail).customer).toEqual({
      id: 'test-customer-1',
      ageYears: 35,
      churnRisk: 0.5,
    });
    // A strategy that reads no declared field yet (a new one): every field, to start from.
    expect(Object.keys(sampleFromSchema(schema, { nodes: [] }).customer)).toEqual([
      'id',
      'ageYears',
      'churnRisk',
      'destination',
    ]);
  });
});
